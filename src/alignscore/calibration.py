"""SmoothIsotonicCalibrator: a monotone map from raw prediction to expected band, without steps.

Isotonic regression fits a staircase. Between two neighbouring blocks of the raw prediction its
value jumps (by 0.3 of a band in places), so a raw prediction that moves by 0.01 across a block
edge can move the score by 0.08. This calibrator keeps what isotonic regression gets right (a
non-decreasing map fitted to the labels, with no assumed shape) and removes the steps in two ways:

- *centred*: each isotonic block's value is placed at the mean raw prediction of its rows, and the
  map interpolates linearly between those points, rising from one block's value to the next
  across the gap instead of at one edge (centred isotonic regression);
- *bagged*: ``n_bootstrap`` centred fits on bootstrap samples of the rows, each read on one grid
  of ``n_knots`` quantiles of the raw predictions, and averaged. Where the block edges fall
  depends on which rows were drawn, so the average rises gradually where a single fit would
  rise at once. An average of non-decreasing maps is non-decreasing.

The fitted map is a list of knots (``X_thresholds_``, ``y_thresholds_``), read by linear
interpolation and clipped at both ends, as scikit-learn's isotonic regression with
``out_of_bounds="clip"`` is, so :class:`~alignscore.compiled.CompiledScorer` stores either
the same way.

Example:
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> raw = rng.uniform(1, 5, 400)
    >>> band = np.clip(np.round(raw + rng.normal(0, 0.5, 400)), 1, 5)
    >>> cal = SmoothIsotonicCalibrator(random_state=0).fit(raw, band)
    >>> values = cal.predict(np.linspace(0, 6, 61))
    >>> bool(np.all(np.diff(values) >= 0)), bool(values.min() >= 1 and values.max() <= 5)
    (True, True)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.isotonic import IsotonicRegression
from sklearn.utils.validation import check_is_fitted

__all__ = ["SmoothIsotonicCalibrator", "centred_isotonic"]


def centred_isotonic(
    x: np.ndarray, y: np.ndarray, y_min: float = 1.0, y_max: float = 5.0
) -> tuple[np.ndarray, np.ndarray]:
    """Knots of the centred isotonic fit of ``y`` on ``x``.

    One knot per isotonic block, at the mean ``x`` of its rows, with the block's value.

    Example:
        >>> xs, ys = centred_isotonic(np.array([1.0, 2, 3, 4]), np.array([1.0, 3, 2, 4]))
        >>> xs.tolist(), ys.tolist()
        ([1.0, 2.5, 4.0], [1.0, 2.5, 4.0])
    """
    x = np.asarray(x, dtype=np.float64)
    iso = IsotonicRegression(y_min=y_min, y_max=y_max, out_of_bounds="clip").fit(x, y)
    xs = np.sort(x, kind="mergesort")
    fitted = iso.predict(xs)  # equal x get equal values: a block never splits a tie
    first = np.r_[0, np.flatnonzero(np.diff(fitted) != 0) + 1]
    sizes = np.diff(np.r_[first, len(xs)])
    centres = np.add.reduceat(xs, first) / sizes
    return centres, fitted[first]


class SmoothIsotonicCalibrator(RegressorMixin, BaseEstimator):
    """Non-decreasing, piecewise-linear calibration map without steps (bagged centred isotonic).

    Args:
        n_bootstrap: Centred isotonic fits on bootstrap samples to average (0: one centred fit on
            all rows, its knots kept as they are).
        n_knots: Quantiles of the raw predictions at which the bagged fits are read and averaged.
        y_min: Lowest value of the map.
        y_max: Highest value of the map.
        random_state: Seed of the bootstrap samples.
    """

    #: as scikit-learn's isotonic regression with ``out_of_bounds="clip"``: constant beyond the
    #: outermost knots
    out_of_bounds = "clip"

    def __init__(
        self,
        *,
        n_bootstrap: int = 30,
        n_knots: int = 201,
        y_min: float = 1.0,
        y_max: float = 5.0,
        random_state: int | None = 0,
    ) -> None:
        self.n_bootstrap = n_bootstrap
        self.n_knots = n_knots
        self.y_min = y_min
        self.y_max = y_max
        self.random_state = random_state

    def fit(self, X: Any, y: Any) -> SmoothIsotonicCalibrator:
        """Fit the map from raw predictions ``X`` (1-d) to labels ``y``."""
        x = np.asarray(X, dtype=np.float64).ravel()
        y = np.asarray(y, dtype=np.float64).ravel()
        if len(x) != len(y) or len(x) == 0:
            raise ValueError(
                f"X and y must be non-empty and of one length, got {len(x)} and {len(y)}."
            )
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            raise ValueError("X and y must be finite.")
        if not isinstance(self.n_bootstrap, int) or self.n_bootstrap < 0:
            raise ValueError(f"n_bootstrap must be a whole number >= 0, got {self.n_bootstrap!r}.")
        if not isinstance(self.n_knots, int) or self.n_knots < 2:
            raise ValueError(f"n_knots must be a whole number >= 2, got {self.n_knots!r}.")
        if self.n_bootstrap == 0:
            knots_x, knots_y = centred_isotonic(x, y, self.y_min, self.y_max)
        else:
            rng = np.random.default_rng(self.random_state)
            knots_x = np.unique(np.quantile(x, np.linspace(0.0, 1.0, self.n_knots)))
            knots_y = np.zeros_like(knots_x)
            for _ in range(self.n_bootstrap):
                rows = rng.integers(0, len(x), len(x))
                knots_y += np.interp(
                    knots_x, *centred_isotonic(x[rows], y[rows], self.y_min, self.y_max)
                )
            knots_y /= self.n_bootstrap
        self.X_thresholds_ = knots_x
        self.y_thresholds_ = knots_y
        return self

    def predict(self, X: Any) -> np.ndarray:
        """The map at ``X``: linear between knots, constant beyond the outermost ones."""
        check_is_fitted(self, "X_thresholds_")
        x = np.asarray(X, dtype=np.float64).ravel()
        return np.interp(x, self.X_thresholds_, self.y_thresholds_)
