"""SmoothIsotonicCalibrator: monotone, bounded, without the steps of isotonic regression."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.isotonic import IsotonicRegression

from alignscore import InvalidInputError
from alignscore.calibration import SmoothIsotonicCalibrator, centred_isotonic
from alignscore.estimators import RubricScorer


@pytest.fixture(scope="module")
def noisy_bands():
    rng = np.random.default_rng(3)
    raw = rng.uniform(1, 5, 600)
    band = np.clip(np.round(raw + rng.normal(0, 0.6, 600)), 1, 5)
    return raw, band


@pytest.mark.parametrize("n_bootstrap", [0, 30])
def test_map_is_non_decreasing_bounded_and_clipped(noisy_bands, n_bootstrap):
    raw, band = noisy_bands
    cal = SmoothIsotonicCalibrator(n_bootstrap=n_bootstrap).fit(raw, band)
    grid = np.linspace(-2, 8, 2001)
    values = cal.predict(grid)
    assert (np.diff(values) >= 0).all()
    assert values.min() >= 1.0 and values.max() <= 5.0
    assert values[0] == cal.y_thresholds_[0] and values[-1] == cal.y_thresholds_[-1]
    assert values.max() - values.min() > 2.5  # it does follow the labels


def test_largest_step_is_far_smaller_than_isotonic_regressions(noisy_bands):
    raw, band = noisy_bands
    grid = np.linspace(1, 5, 4001)  # steps of 0.001 in the raw prediction
    iso = IsotonicRegression(y_min=1, y_max=5, out_of_bounds="clip").fit(raw, band)
    smooth = SmoothIsotonicCalibrator().fit(raw, band)
    iso_step = np.abs(np.diff(iso.predict(grid))).max()
    smooth_step = np.abs(np.diff(smooth.predict(grid))).max()
    assert iso_step > 0.05
    assert smooth_step < iso_step / 4


def test_same_seed_same_map_and_other_seed_another(noisy_bands):
    raw, band = noisy_bands
    a = SmoothIsotonicCalibrator(random_state=1).fit(raw, band)
    b = SmoothIsotonicCalibrator(random_state=1).fit(raw, band)
    c = SmoothIsotonicCalibrator(random_state=2).fit(raw, band)
    assert np.array_equal(a.y_thresholds_, b.y_thresholds_)
    assert not np.array_equal(a.y_thresholds_, c.y_thresholds_)


@pytest.mark.parametrize(
    ("x", "y", "knots_x", "knots_y"),
    [
        ([1, 2, 3, 4], [1, 3, 2, 4], [1, 2.5, 4], [1, 2.5, 4]),  # a violating pair pools
        ([1, 2, 3], [2, 2, 2], [2], [2]),  # one block: one knot at its mean
        ([1, 1, 2, 2], [1, 3, 2, 4], [1, 2], [2, 3]),  # tied x never split
        ([0, 1], [0, 9], [0, 1], [1, 5]),  # values held within [1, 5]
    ],
)
def test_centred_isotonic_knots(x, y, knots_x, knots_y):
    xs, ys = centred_isotonic(np.array(x, float), np.array(y, float))
    assert xs.tolist() == pytest.approx(knots_x)
    assert ys.tolist() == pytest.approx(knots_y)


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="non-empty"):
        SmoothIsotonicCalibrator().fit([], [])
    with pytest.raises(ValueError, match="finite"):
        SmoothIsotonicCalibrator().fit([1.0, np.nan], [1.0, 2.0])
    with pytest.raises(ValueError, match="n_bootstrap"):
        SmoothIsotonicCalibrator(n_bootstrap=-1).fit([1.0, 2.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="n_knots"):
        SmoothIsotonicCalibrator(n_knots=1).fit([1.0, 2.0], [1.0, 2.0])


def test_scorer_calibration_choice_is_checked():
    import pandas as pd

    X = pd.DataFrame({"a": np.arange(20.0)})
    y = pd.DataFrame(
        {t: [1, 5] * 10 for t in ("alignment", "specificity", "employer_focus", "overall")}
    )
    with pytest.raises(InvalidInputError, match="calibration"):
        RubricScorer(calibration="platt").fit(X, y)
    plain = RubricScorer(calibration="isotonic", max_iter=5, n_bags=1).fit(
        X, y, groups=np.arange(20) % 4
    )
    assert all(isinstance(c, IsotonicRegression) for c in plain.calibrators_)
    smooth = RubricScorer(max_iter=5, n_bags=1).fit(X, y, groups=np.arange(20) % 4)
    assert all(isinstance(c, SmoothIsotonicCalibrator) for c in smooth.calibrators_)
