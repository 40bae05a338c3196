"""RubricScorer: one calibrated regressor per rubric score, in scikit-learn estimator form.

Each target (``alignment``, ``specificity``, ``employer_focus``, ``overall``) gets a bag of
gradient-boosted regressors on the pair features (``n_bags`` of them, each fitted on a bootstrap
sample of the rows, predictions averaged: one boosted model's prediction jumps where a small
change to a feature crosses a split, and the average of several smooths those steps), then a
monotone calibrator fitted on out-of-fold predictions (folds grouped by job description) that
maps the raw prediction to the expected band: by default bagged centred isotonic regression
(:class:`~alignscore.calibration.SmoothIsotonicCalibrator`), which has no steps, or plain
isotonic regression (``calibration="isotonic"``), a staircase.
When X carries the answer text (column ``text_column``), a TF-IDF ridge model per target (word
1-2 grams hashed with CRC-32 by :mod:`alignscore.hashing`, columns seen in at least two training
answers) adds its prediction as one more feature (out-of-fold while fitting, so the boosted model
never sees a prediction made from its own training row). When the training rows include noised
copies of answers (``originals`` in :meth:`RubricScorer.fit`), only the original answers count
towards "seen in two answers": a word seen once, and again in its copy, stays out.
``overall`` is the rubric's holistic judgement, learned from its own label; with
``stack_overall`` (the default) its regressor also reads the raw predictions of the three other
scores (out-of-fold while fitting), as a rater forms the overall view after the parts.
The reported float is ``(band - 1) / 4`` of that calibrated value, clipped to [0, 1]; the 1-5 band
is its rounding. Both come from one monotone map, so the band never disagrees with the float.
:meth:`RubricScorer.compile` turns the fitted model into a
:class:`~alignscore.compiled.CompiledScorer`, which predicts the same from NumPy arrays alone and
is what ``alignscore train`` saves and :func:`alignscore.load` uses.

Example:
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame({"a": rng.normal(size=60), "b": rng.normal(size=60)})
    >>> band = np.clip(np.round(3 + X["a"]), 1, 5).astype(int)
    >>> y = pd.DataFrame({t: band for t in ("alignment", "specificity", "employer_focus", "overall")})
    >>> model = RubricScorer(random_state=0).fit(X, y, groups=np.arange(60) % 6)
    >>> scores = model.predict(X)
    >>> scores.shape, bool(((scores >= 0) & (scores <= 1)).all())
    ((60, 4), True)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.ensemble import BaggingRegressor, HistGradientBoostingRegressor
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold
from sklearn.utils.validation import check_is_fitted

from .calibration import SmoothIsotonicCalibrator
from .compiled import CompiledScorer, band_of, float_of
from .errors import InvalidInputError
from .hashing import N_FEATURES, hashed_counts
from .labels import SCORES

__all__ = ["RubricScorer", "band_of", "float_of"]


class RubricScorer(BaseEstimator):
    """Calibrated multi-target scorer of the four rubric scores.

    Args:
        max_iter: Boosting iterations per target.
        learning_rate: Boosting learning rate.
        max_depth: Depth of each tree.
        min_samples_leaf: Minimum samples per leaf.
        l2_regularization: L2 penalty on leaf values.
        n_splits: Folds (grouped) for the out-of-fold calibration predictions.
        text_column: Column of X holding the answer text, if any (not a numeric feature).
        text_alpha: Ridge penalty of the text models.
        stack_overall: Whether ``overall``'s regressor also reads the other scores' raw
            predictions.
        n_bags: Boosted regressors per target, each on a bootstrap sample (1: one regressor on
            all rows, no bootstrap).
        calibration: ``"smooth"`` (bagged centred isotonic, no steps) or ``"isotonic"``.
        random_state: Seed.
    """

    def __init__(
        self,
        *,
        max_iter: int = 160,
        learning_rate: float = 0.05,
        max_depth: int = 2,
        min_samples_leaf: int = 24,
        l2_regularization: float = 1.0,
        n_splits: int = 5,
        text_column: str = "answer_text",
        text_alpha: float = 10.0,
        stack_overall: bool = True,
        n_bags: int = 5,
        calibration: str = "smooth",
        random_state: int | None = 0,
    ) -> None:
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf
        self.l2_regularization = l2_regularization
        self.n_splits = n_splits
        self.text_column = text_column
        self.text_alpha = text_alpha
        self.stack_overall = stack_overall
        self.n_bags = n_bags
        self.calibration = calibration
        self.random_state = random_state

    def _regressor(self) -> HistGradientBoostingRegressor | BaggingRegressor:
        boosted = HistGradientBoostingRegressor(
            max_iter=self.max_iter,
            learning_rate=self.learning_rate,
            max_depth=self.max_depth,
            min_samples_leaf=self.min_samples_leaf,
            l2_regularization=self.l2_regularization,
            random_state=self.random_state,
        )
        if self.n_bags == 1:
            return boosted
        # bootstrap rows through sample weights (scikit-learn does so for estimators taking
        # them), every feature in every member: the compiled scorer walks the members' trees
        return BaggingRegressor(boosted, n_estimators=self.n_bags, random_state=self.random_state)

    def _calibrator(self) -> SmoothIsotonicCalibrator | IsotonicRegression:
        if self.calibration == "isotonic":
            return IsotonicRegression(y_min=1.0, y_max=5.0, out_of_bounds="clip")
        return SmoothIsotonicCalibrator(y_min=1.0, y_max=5.0, random_state=self.random_state)

    def _numeric(self, X: Any) -> pd.DataFrame:
        if not isinstance(X, pd.DataFrame):
            raise InvalidInputError(
                f"X must be a pandas DataFrame of pair features, got {type(X).__name__}."
            )
        return X.drop(columns=[self.text_column], errors="ignore")

    @staticmethod
    def _hashed(texts: pd.Series) -> Any:
        """Hashed term counts of ``texts`` (:mod:`alignscore.hashing`) as a CSR matrix."""
        from scipy.sparse import csr_matrix

        indptr, indices, data = [0], [], []
        for text in texts.fillna("").astype(str):
            counts = hashed_counts(text)
            indices.extend(counts)
            data.extend(counts.values())
            indptr.append(len(indices))
        matrix = csr_matrix(
            (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
            shape=(len(indptr) - 1, N_FEATURES),
        )
        matrix.sort_indices()
        return matrix

    def _text_models(
        self, texts: pd.Series, Y: np.ndarray, originals: np.ndarray
    ) -> tuple[TfidfTransformer, list[Ridge]]:
        counts = self._hashed(texts)
        # like min_df=2, counting original answers only
        seen = np.asarray((counts[originals] > 0).sum(axis=0)).ravel() >= 2
        counts = counts[:, np.flatnonzero(seen)]
        tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
        tfidf.kept_columns_ = np.flatnonzero(seen)
        Xt = tfidf.transform(counts)
        return tfidf, [Ridge(alpha=self.text_alpha).fit(Xt, Y[:, k]) for k in range(Y.shape[1])]

    def _text_predict(
        self, tfidf: TfidfTransformer, ridges: list[Ridge], texts: pd.Series
    ) -> np.ndarray:
        counts = self._hashed(texts)[:, tfidf.kept_columns_]
        Xt = tfidf.transform(counts)
        return np.column_stack([r.predict(Xt) for r in ridges])

    def _design(self, X: pd.DataFrame, text_pred: np.ndarray | None) -> np.ndarray:
        num = self._numeric(X)
        missing = [c for c in self.numeric_features_ if c not in num.columns]
        if missing:
            raise InvalidInputError(
                f"X lacks features {missing[:5]}; expected the {len(self.numeric_features_)} features seen in fit."
            )
        Xa = num[list(self.numeric_features_)].to_numpy(dtype=float)
        return Xa if text_pred is None else np.hstack([Xa, text_pred])

    def fit(
        self, X: pd.DataFrame, y: pd.DataFrame, groups: Any = None, originals: Any = None
    ) -> RubricScorer:
        """Fit the text models (if X has text), one regressor and one calibrator per target.

        Args:
            X: Pair features (one row per answer), optionally with the answer text column.
            y: The four targets as integer bands 1-5, one column each.
            groups: Job-description ids, so that no fold splits a posting (a noised copy of an
                answer must share its answer's group).
            originals: Boolean per row, False for noised copies of another row
                (:func:`alignscore.training.training_rows`); the text models' vocabulary is
                counted on the originals only. Default: every row is an original.

        Returns:
            self
        """
        num = self._numeric(X)
        if not isinstance(y, pd.DataFrame) or any(t not in y.columns for t in SCORES):
            raise InvalidInputError(f"y must be a DataFrame with columns {list(SCORES)}.")
        Y = y[list(SCORES)].to_numpy()
        if not np.isin(Y, [1, 2, 3, 4, 5]).all():
            raise InvalidInputError("targets must be integer bands 1-5.")
        if len(num) != len(Y):
            raise InvalidInputError(f"X has {len(num)} rows but y has {len(Y)}.")
        if self.calibration not in ("smooth", "isotonic"):
            raise InvalidInputError(
                f"calibration is 'smooth' or 'isotonic', got {self.calibration!r}."
            )
        if not isinstance(self.n_bags, int) or self.n_bags < 1:
            raise InvalidInputError(f"n_bags must be a whole number >= 1, got {self.n_bags!r}.")
        groups = np.asarray(groups) if groups is not None else np.arange(len(num))
        if originals is None:
            originals = np.ones(len(num), dtype=bool)
        originals = np.asarray(originals, dtype=bool)
        if originals.shape != (len(num),) or not originals.any():
            raise InvalidInputError(
                f"originals must be {len(num)} booleans with at least one True."
            )
        n_splits = min(self.n_splits, len(np.unique(groups)))
        folds = list(GroupKFold(n_splits=n_splits).split(num, Y[:, 0], groups))
        self.feature_names_in_ = np.asarray(X.columns, dtype=object)
        self.numeric_features_ = np.asarray(num.columns, dtype=object)
        self.n_features_in_ = len(self.feature_names_in_)
        self.targets_ = list(SCORES)
        self.uses_text_ = self.text_column in X.columns
        text_oof = None
        if self.uses_text_:
            texts = X[self.text_column].reset_index(drop=True)
            text_oof = np.zeros(Y.shape, dtype=float)
            for tr, te in folds:
                vec, ridges = self._text_models(texts.iloc[tr], Y[tr].astype(float), originals[tr])
                text_oof[te] = self._text_predict(vec, ridges, texts.iloc[te])
            self.text_tfidf_, self.text_models_ = self._text_models(
                texts, Y.astype(float), originals
            )
        Xa = self._design(X, text_oof)
        # targets whose raw predictions the stacked target reads, and which targets are stacked
        self.stacked_ = [self.stack_overall and t == "overall" for t in SCORES]
        self.stack_sources_ = [
            k for k, t in enumerate(SCORES) if t != "overall" and self.stack_overall
        ]
        self.estimators_ = [None] * len(SCORES)
        self.calibrators_ = [None] * len(SCORES)
        raw_oof = np.zeros(Y.shape, dtype=float)
        # the sources first: the stacked target reads their out-of-fold predictions
        for k in self._stack_order():
            design = self._stacked_design(Xa, raw_oof, k)
            yk = Y[:, k].astype(float)
            for tr, te in folds:
                model = clone(self._regressor()).fit(design[tr], yk[tr])
                raw_oof[te, k] = model.predict(design[te])
            self.calibrators_[k] = self._calibrator().fit(raw_oof[:, k], yk)
            self.estimators_[k] = self._regressor().fit(design, yk)
        return self

    def _stack_order(self) -> list[int]:
        """Target indices with the unstacked ones (the stacking's sources) first."""
        return sorted(range(len(self.stacked_)), key=self.stacked_.__getitem__)

    def _stacked_design(self, Xa: np.ndarray, raw: np.ndarray, k: int) -> np.ndarray:
        """Target ``k``'s input: ``Xa``, plus the sources' raw predictions if ``k`` is stacked."""
        return np.hstack([Xa, raw[:, self.stack_sources_]]) if self.stacked_[k] else Xa

    def _raw_predict(self, Xa: np.ndarray) -> np.ndarray:
        """Boosted-tree predictions per target before calibration, sources before the stacked."""
        raw = np.zeros((len(Xa), len(self.estimators_)))
        for k in self._stack_order():
            raw[:, k] = self.estimators_[k].predict(self._stacked_design(Xa, raw, k))
        return raw

    def predict_band_values(self, X: pd.DataFrame) -> np.ndarray:
        """Calibrated expected band (1.0-5.0) per target, shape (n_samples, 4)."""
        check_is_fitted(self, "estimators_")
        text_pred = None
        if self.uses_text_:
            if self.text_column not in X.columns:
                raise InvalidInputError(
                    f"X lacks the text column {self.text_column!r} this model was fitted with."
                )
            text_pred = self._text_predict(self.text_tfidf_, self.text_models_, X[self.text_column])
        raw = self._raw_predict(self._design(X, text_pred))
        return np.column_stack([cal.predict(raw[:, k]) for k, cal in enumerate(self.calibrators_)])

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """Calibrated floats in [0, 1], shape (n_samples, 4), in ``targets_`` order."""
        return float_of(self.predict_band_values(X))

    def predict_bands(self, X: pd.DataFrame) -> np.ndarray:
        """Integer bands 1-5, shape (n_samples, 4), consistent with :meth:`predict`."""
        return band_of(self.predict(X))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the outputs: the four targets."""
        check_is_fitted(self, "estimators_")
        return np.asarray(self.targets_, dtype=object)

    def compile(self) -> CompiledScorer:
        """The fitted model as NumPy arrays: predicts the same without scikit-learn.

        Returns:
            A :class:`~alignscore.compiled.CompiledScorer` (what ``alignscore train`` saves).
        """
        check_is_fitted(self, "estimators_")
        return CompiledScorer.from_estimator(self)
