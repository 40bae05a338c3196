"""CompiledScorer: a fitted RubricScorer as plain NumPy arrays, predicting without scikit-learn.

Training uses scikit-learn (:class:`~alignscore.estimators.RubricScorer`); scoring only needs what
the fitted model computes, which is little:

- the text model: hashed word 1-2 gram counts (:mod:`alignscore.hashing`) of the kept columns,
  sublinear tf times idf, L2-normalised, dotted with the four ridge coefficient vectors;
- per target, one or more gradient-boosted regressors (a bag, averaged): each a baseline plus the
  leaf value each of its trees reaches (the leaf values already include the learning rate), a
  missing value going where the node's ``missing_go_to_left`` says;
- per target, the calibrator (smoothed or plain isotonic): linear interpolation between its
  knots, clipped at both ends;
- the stacking: a stacked target's trees (``overall``'s) read the design extended by the raw
  tree sums of the ``stack_sources`` targets, so those are walked first.

:meth:`CompiledScorer.from_estimator` copies these out of a fitted ``RubricScorer``;
:meth:`~CompiledScorer.to_arrays` / :meth:`~CompiledScorer.from_arrays` turn them into named arrays
that ``np.savez`` writes and ``np.load(..., allow_pickle=False)`` reads (see
:mod:`alignscore.persistence`). This module imports NumPy and the standard library only.

Example:
    >>> import numpy as np, pandas as pd
    >>> from alignscore.estimators import RubricScorer
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame({"a": rng.normal(size=60), "b": rng.normal(size=60)})
    >>> X["answer_text"] = np.where(X["a"] > 0, "i will lead the team", "i want a job")
    >>> band = np.clip(np.round(3 + X["a"]), 1, 5).astype(int)
    >>> targets = ("alignment", "specificity", "employer_focus", "overall")
    >>> y = pd.DataFrame({t: band for t in targets})
    >>> fitted = RubricScorer(max_iter=10, n_splits=3).fit(X, y, groups=np.arange(60) % 6)
    >>> model = CompiledScorer.from_estimator(fitted)
    >>> bool(np.abs(model.predict(X) - fitted.predict(X)).max() < 1e-9)
    True
    >>> numeric = X[model.numeric_features_].to_numpy()
    >>> texts = list(X["answer_text"])
    >>> bool((model.predict(numeric, texts=texts) == model.predict(X)).all())
    True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .errors import InvalidInputError
from .hashing import N_FEATURES, column, terms

_MAX_CACHED_TERMS = 200_000  # the term cache starts again past this size

__all__ = ["FORMAT", "CompiledScorer", "band_of", "float_of"]

#: name and version of the array layout written by :meth:`CompiledScorer.to_arrays`
FORMAT = "alignscore.compiled.v3"


def float_of(band_value: np.ndarray) -> np.ndarray:
    """Map a (fractional) band value 1-5 to the reported float in [0, 1].

    Example:
        >>> float_of(np.array([1.0, 3.0, 5.5])).tolist()
        [0.0, 0.5, 1.0]
    """
    return np.clip((np.asarray(band_value, dtype=float) - 1.0) / 4.0, 0.0, 1.0)


def band_of(score: np.ndarray) -> np.ndarray:
    """Map reported floats in [0, 1] to integer bands 1-5 (monotone).

    Example:
        >>> band_of(np.array([0.0, 0.5, 0.62, 1.0])).tolist()
        [1, 3, 3, 5]
    """
    return np.clip(np.floor(np.asarray(score, dtype=float) * 4.0 + 1.5), 1, 5).astype(int)


def _bagged_regressors(model: Any) -> list[Any]:
    """The gradient-boosted regressors whose mean ``model`` predicts: itself, or a bag's members.

    Raises:
        ValueError: a part this compiler does not know (a bag drawing features, a loss other
            than squared error, a preprocessor).
    """
    bag = list(getattr(model, "estimators_", [model]))
    every = np.arange(getattr(model, "n_features_in_", 0))
    if any(not np.array_equal(f, every) for f in getattr(model, "estimators_features_", [])):
        raise ValueError("Only bags whose members see every feature can be compiled.")
    for est in bag:
        if est.loss != "squared_error" or getattr(est, "_preprocessor", None) is not None:
            raise ValueError("Only squared-error regressors on numeric arrays can be compiled.")
    return bag


def _str_array(values: Sequence[str] | np.ndarray) -> np.ndarray:
    """Names as a fixed-width unicode array (loadable with ``allow_pickle=False``)."""
    return np.asarray([str(v) for v in values], dtype=np.str_)


def _as_text(value: Any) -> str:
    """A text as the text model reads it: missing (None, NaN) is the empty answer."""
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


class CompiledScorer:
    """The four calibrated rubric scores from NumPy arrays; the prediction side of RubricScorer.

    Build one with :meth:`from_estimator` (from a fitted ``RubricScorer``) or :meth:`from_arrays`
    (from a saved model); its predictions equal the estimator's to rounding error (1e-12).

    Attributes:
        targets_: Score names, in the order of the output columns.
        numeric_features_: Names of the numeric features, in the order of a plain array input.
        feature_names_in_: Every column the model was fitted on (features and the text column).
        n_features_in_: ``len(feature_names_in_)``.
        text_column: Column holding the answer text in a DataFrame input.
        uses_text_: Whether the model has a text model (and so needs the answer texts).
    """

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        """Use :meth:`from_arrays` or :meth:`from_estimator`; ``arrays`` is checked there."""
        self._arrays = {name: np.asarray(value) for name, value in arrays.items()}
        a = self._arrays
        self.targets_: list[str] = [str(t) for t in a["targets"]]
        self.numeric_features_: list[str] = [str(f) for f in a["numeric_features"]]
        self.feature_names_in_ = np.asarray([str(f) for f in a["feature_names_in"]], dtype=object)
        self.n_features_in_ = len(self.feature_names_in_)
        self.text_column: str = str(a["text_column"])
        self.uses_text_ = bool(a["uses_text"])
        self._stack_sources = a["stack_sources"].astype(np.intp)
        self._stacked = a["stacked"].astype(bool)
        self._prepare_trees(a)
        self._calibration = [
            (a["calib_x"][lo:hi], a["calib_y"][lo:hi])
            for lo, hi in zip(a["calib_offsets"][:-1], a["calib_offsets"][1:], strict=True)
        ]
        self._column_of = {int(c): j for j, c in enumerate(a["text_columns"].tolist())}
        # term -> kept column (-1: dropped); hashing a word costs more than looking it up
        self._term_column: dict[str, int] = {}
        self._idf = a["text_idf"]
        self._coef = a["text_coef"]
        self._intercept = a["text_intercept"]

    # --- construction -------------------------------------------------------------------------

    @classmethod
    def from_estimator(cls, model: Any) -> CompiledScorer:
        """Copy the fitted parts of a ``RubricScorer`` into arrays.

        Args:
            model: A fitted :class:`~alignscore.estimators.RubricScorer`.

        Returns:
            A scorer predicting what ``model`` predicts.

        Raises:
            ValueError: ``model`` is not fitted, or uses a part this compiler does not know
                (categorical splits, a loss other than squared error, another TF-IDF setting).
        """
        if not hasattr(model, "estimators_"):
            raise ValueError("Fit the RubricScorer before compiling it.")
        values, features, thresholds, lefts, rights, leaves, missing_left = ([] for _ in range(7))
        offsets, trees_per_bag, bags_per_target, baselines = [0], [], [], []
        for target_model in model.estimators_:
            bag = _bagged_regressors(target_model)
            bags_per_target.append(len(bag))
            for est in bag:
                baselines.append(float(np.ravel(est._baseline_prediction)[0]))
                trees_per_bag.append(len(est._predictors))
                for (predictor,) in est._predictors:
                    nodes = predictor.nodes
                    if nodes["is_categorical"].any():
                        raise ValueError("Categorical splits cannot be compiled.")
                    values.append(nodes["value"])
                    features.append(nodes["feature_idx"])
                    thresholds.append(nodes["num_threshold"])
                    lefts.append(nodes["left"])
                    rights.append(nodes["right"])
                    leaves.append(nodes["is_leaf"])
                    missing_left.append(nodes["missing_go_to_left"])
                    offsets.append(offsets[-1] + len(nodes))
        calib_x = [np.asarray(c.X_thresholds_, dtype=np.float64) for c in model.calibrators_]
        calib_y = [np.asarray(c.y_thresholds_, dtype=np.float64) for c in model.calibrators_]
        if any(c.out_of_bounds != "clip" for c in model.calibrators_):
            raise ValueError("Only calibrators with out_of_bounds='clip' can be compiled.")
        n_targets = len(model.targets_)
        if model.uses_text_:
            tfidf = model.text_tfidf_
            if not (tfidf.sublinear_tf and tfidf.use_idf and tfidf.norm == "l2"):
                raise ValueError("Only sublinear, idf-weighted, L2-normalised TF-IDF is compiled.")
            text_columns = np.asarray(tfidf.kept_columns_, dtype=np.int64)
            text_idf = np.asarray(tfidf.idf_, dtype=np.float64)
            text_coef = np.column_stack([np.ravel(r.coef_) for r in model.text_models_])
            text_intercept = np.asarray([float(r.intercept_) for r in model.text_models_])
        else:
            text_columns = np.zeros(0, dtype=np.int64)
            text_idf = np.zeros(0, dtype=np.float64)
            text_coef = np.zeros((0, n_targets), dtype=np.float64)
            text_intercept = np.zeros(n_targets, dtype=np.float64)
        arrays = {
            "format": np.asarray(FORMAT),
            "targets": _str_array(model.targets_),
            "numeric_features": _str_array(model.numeric_features_),
            "feature_names_in": _str_array(model.feature_names_in_),
            "text_column": np.asarray(str(model.text_column)),
            "uses_text": np.asarray(bool(model.uses_text_)),
            "baseline": np.asarray(baselines, dtype=np.float64),
            "bags_per_target": np.asarray(bags_per_target, dtype=np.int64),
            "trees_per_bag": np.asarray(trees_per_bag, dtype=np.int64),
            "node_offsets": np.asarray(offsets, dtype=np.int64),
            "node_value": np.concatenate(values).astype(np.float64),
            "node_feature": np.concatenate(features).astype(np.int64),
            "node_threshold": np.concatenate(thresholds).astype(np.float64),
            "node_left": np.concatenate(lefts).astype(np.int64),
            "node_right": np.concatenate(rights).astype(np.int64),
            "node_is_leaf": np.concatenate(leaves).astype(bool),
            "node_missing_go_to_left": np.concatenate(missing_left).astype(bool),
            "calib_x": np.concatenate(calib_x),
            "calib_y": np.concatenate(calib_y),
            "calib_offsets": np.cumsum([0, *(len(x) for x in calib_x)]).astype(np.int64),
            "text_n_features": np.asarray(N_FEATURES, dtype=np.int64),
            "text_columns": text_columns,
            "text_idf": text_idf,
            "text_coef": text_coef,
            "text_intercept": text_intercept,
            "stack_sources": np.asarray(model.stack_sources_, dtype=np.int64),
            "stacked": np.asarray(model.stacked_, dtype=bool),
        }
        return cls.from_arrays(arrays)

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> CompiledScorer:
        """Rebuild a scorer from :meth:`to_arrays` output (e.g. an ``np.load``-ed ``.npz``).

        Raises:
            ValueError: an array is missing, or the arrays do not fit together.
        """
        arrays = {name: np.asarray(arrays[name]) for name in _ARRAY_NAMES if name in arrays}
        missing = [name for name in _ARRAY_NAMES if name not in arrays]
        if missing:
            raise ValueError(f"Missing arrays {missing}; expected the {FORMAT} layout.")
        if str(arrays["format"]) != FORMAT:
            raise ValueError(f"Array layout {str(arrays['format'])!r}; expected {FORMAT!r}.")
        _check_arrays(arrays)
        return cls(arrays)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The named arrays this scorer is made of (numbers and unicode names; no objects)."""
        return dict(self._arrays)

    def _prepare_trees(self, a: Mapping[str, np.ndarray]) -> None:
        """Turn the per-tree node arrays into one forest that every row walks at once.

        Child indices become global; a leaf's children are the leaf itself, so a row that has
        reached its leaf stays there for the remaining steps of the walk.
        """
        offsets = a["node_offsets"]
        n_nodes = int(offsets[-1])
        start_of_node = np.repeat(offsets[:-1], np.diff(offsets))
        leaf = a["node_is_leaf"]
        own = np.arange(n_nodes, dtype=np.intp)
        self._left = np.where(leaf, own, a["node_left"] + start_of_node).astype(np.intp)
        self._right = np.where(leaf, own, a["node_right"] + start_of_node).astype(np.intp)
        self._feature = np.where(leaf, 0, a["node_feature"]).astype(np.intp)
        self._threshold = a["node_threshold"]
        self._missing_left = a["node_missing_go_to_left"]
        self._value = a["node_value"]
        self._roots = offsets[:-1].astype(np.intp)
        # bag b holds trees tree_bounds[b]:tree_bounds[b + 1]; target k bags bag_bounds[k]:[k + 1]
        self._tree_bounds = np.cumsum([0, *a["trees_per_bag"].tolist()])
        self._bag_bounds = np.cumsum([0, *a["bags_per_target"].tolist()])
        self._baseline = a["baseline"]
        # number of steps from the roots to the deepest leaf
        depth, frontier = 0, self._roots[~leaf[self._roots]]
        while frontier.size:
            children = np.concatenate([a["node_left"][frontier], a["node_right"][frontier]])
            children = children + np.concatenate([start_of_node[frontier]] * 2)
            frontier = children[~leaf[children]]
            depth += 1
        self._depth = depth

    # --- prediction ---------------------------------------------------------------------------

    def _inputs(self, X: Any, texts: Sequence[Any] | None) -> tuple[np.ndarray, list[str] | None]:
        """Split X into the numeric matrix (``numeric_features_`` order) and the answer texts."""
        columns = getattr(X, "columns", None)
        if columns is not None:
            missing = [c for c in self.numeric_features_ if c not in columns]
            if missing:
                raise InvalidInputError(
                    f"X lacks features {missing[:5]}; expected the "
                    f"{len(self.numeric_features_)} features seen in fit."
                )
            numeric = X[self.numeric_features_].to_numpy(dtype=float)
            if texts is None and self.uses_text_:
                if self.text_column not in columns:
                    raise InvalidInputError(
                        f"X lacks the text column {self.text_column!r} this model was fitted with."
                    )
                texts = X[self.text_column].fillna("").astype(str).tolist()
        else:
            numeric = np.asarray(X, dtype=float)
            if numeric.ndim != 2 or numeric.shape[1] != len(self.numeric_features_):
                raise InvalidInputError(
                    f"X has shape {numeric.shape}; expected (n_samples, "
                    f"{len(self.numeric_features_)}) in numeric_features_ order, or a DataFrame."
                )
            if texts is None and self.uses_text_:
                raise InvalidInputError(
                    "This model has a text model: pass texts=[answer, ...] with a plain array."
                )
        if not self.uses_text_:
            return numeric, None
        texts = list(texts)  # type: ignore[arg-type]
        if len(texts) != len(numeric):
            raise InvalidInputError(f"X has {len(numeric)} rows but there are {len(texts)} texts.")
        return numeric, [_as_text(t) for t in texts]

    def _text_predict(self, texts: list[str]) -> np.ndarray:
        """Ridge predictions of the text model, shape (n_texts, n_targets)."""
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        column_of = self._column_of
        term_column = self._term_column
        for i, text in enumerate(texts):
            per_column: dict[int, int] = {}  # terms that share a hashed column add up
            for term in terms(text):
                j = term_column.get(term)
                if j is None:
                    if len(term_column) > _MAX_CACHED_TERMS:
                        term_column.clear()
                    j = term_column[term] = column_of.get(column(term), -1)
                if j >= 0:
                    per_column[j] = per_column.get(j, 0) + 1
            for j, count in per_column.items():
                rows.append(i)
                cols.append(j)
                counts.append(count)
        n = len(texts)
        row = np.asarray(rows, dtype=np.intp)
        col = np.asarray(cols, dtype=np.intp)
        weight = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * self._idf[col]
        norm = np.sqrt(np.bincount(row, weights=weight * weight, minlength=n))
        norm[norm == 0.0] = 1.0
        weight /= norm[row]
        out = np.empty((n, self._coef.shape[1]))
        for k in range(self._coef.shape[1]):
            out[:, k] = np.bincount(row, weights=weight * self._coef[col, k], minlength=n)
        return out + self._intercept

    def _leaf_values(self, design: np.ndarray, targets: list[int]) -> dict[int, np.ndarray]:
        """The leaf value each row reaches in every tree of ``targets``, per target."""
        bounds = self._tree_bounds[self._bag_bounds]  # tree bounds per target
        trees = np.concatenate([np.arange(bounds[k], bounds[k + 1]) for k in targets])
        n = len(design)
        node = np.broadcast_to(self._roots[trees], (n, len(trees))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self._depth):
            x = design[rows, self._feature[node]]
            go_left = np.where(np.isnan(x), self._missing_left[node], x <= self._threshold[node])
            node = np.where(go_left, self._left[node], self._right[node])
        values = self._value[node]
        out, at = {}, 0
        for k in targets:
            size = bounds[k + 1] - bounds[k]
            out[k] = values[:, at : at + size]
            at += size
        return out

    def _raw_predict(self, design: np.ndarray) -> np.ndarray:
        """Raw predictions per target (before calibration), shape (n_samples, n_targets).

        A target's raw prediction is the mean, over its bag, of each member's baseline plus the
        sum of the member's trees.
        """
        n = len(design)
        out = np.empty((n, len(self.targets_)))
        for stacked in (False, True):  # the sources first: the stacked targets read their sums
            targets = [k for k in range(len(self.targets_)) if self._stacked[k] == stacked]
            if not targets:
                continue
            stage_design = np.hstack([design, out[:, self._stack_sources]]) if stacked else design
            for k, leaf_values in self._leaf_values(stage_design, targets).items():
                # each bag's sum, then their mean, in scikit-learn's order of summation
                bags = range(self._bag_bounds[k], self._bag_bounds[k + 1])
                first = self._tree_bounds[bags.start]
                mean = np.zeros(n)
                for b in bags:
                    total = np.zeros(n)
                    total += self._baseline[b]
                    for t in range(self._tree_bounds[b], self._tree_bounds[b + 1]):
                        total += leaf_values[:, t - first]
                    mean += total
                out[:, k] = mean / len(bags)
        return out

    def predict_band_values(self, X: Any, *, texts: Sequence[str] | None = None) -> np.ndarray:
        """Calibrated expected band (1.0-5.0) per target, shape (n_samples, n_targets).

        Args:
            X: A DataFrame with the ``numeric_features_`` columns (and ``text_column`` if the model
                uses text), or a 2-D float array with the numeric features in
                ``numeric_features_`` order.
            texts: The answer texts, one per row; required with an array input when
                ``uses_text_``, and taking the place of ``text_column`` if given with a DataFrame.

        Raises:
            InvalidInputError: a feature or the texts are missing, or the shapes disagree.
        """
        numeric, answer_texts = self._inputs(X, texts)
        design = (
            numeric
            if answer_texts is None
            else np.hstack([numeric, self._text_predict(answer_texts)])
        )
        raw = self._raw_predict(design)
        return np.column_stack(
            [np.interp(raw[:, k], xs, ys) for k, (xs, ys) in enumerate(self._calibration)]
        )

    def predict(self, X: Any, *, texts: Sequence[str] | None = None) -> np.ndarray:
        """Calibrated floats in [0, 1], shape (n_samples, n_targets), in ``targets_`` order."""
        return float_of(self.predict_band_values(X, texts=texts))

    def predict_bands(self, X: Any, *, texts: Sequence[str] | None = None) -> np.ndarray:
        """Integer bands 1-5, shape (n_samples, n_targets), consistent with :meth:`predict`."""
        return band_of(self.predict(X, texts=texts))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the outputs: the targets."""
        return np.asarray(self.targets_, dtype=object)

    def __repr__(self) -> str:
        n_trees = len(self._roots)
        return (
            f"CompiledScorer({len(self.numeric_features_)} features, {n_trees} trees, "
            f"text={'yes' if self.uses_text_ else 'no'})"
        )


#: one entry per tree node, all trees concatenated (child indices local to the tree)
_NODE_ARRAYS = (
    "node_value",
    "node_feature",
    "node_threshold",
    "node_left",
    "node_right",
    "node_is_leaf",
    "node_missing_go_to_left",
)
_ARRAY_NAMES = (
    "format",
    "targets",
    "numeric_features",
    "feature_names_in",
    "text_column",
    "uses_text",
    "baseline",
    "bags_per_target",
    "trees_per_bag",
    "node_offsets",
    *_NODE_ARRAYS,
    "calib_x",
    "calib_y",
    "calib_offsets",
    "text_n_features",
    "text_columns",
    "text_idf",
    "text_coef",
    "text_intercept",
    "stack_sources",
    "stacked",
)


def _check_arrays(a: Mapping[str, np.ndarray]) -> None:
    """Raise ValueError unless the arrays make one consistent model."""
    n_targets = len(a["targets"])
    n_numeric = len(a["numeric_features"])
    uses_text = bool(a["uses_text"])
    n_design = n_numeric + (n_targets if uses_text else 0)
    offsets = a["node_offsets"]
    n_nodes = len(a["node_value"])
    problems = []
    bags = a["bags_per_target"]
    if len(bags) != n_targets or (bags < 1).any():
        problems.append("at least one bag of trees per target")
    if len(a["baseline"]) != int(bags.sum()) or len(a["trees_per_bag"]) != int(bags.sum()):
        problems.append("one baseline and one tree count per bag")
    if (
        len(offsets) != int(a["trees_per_bag"].sum()) + 1
        or offsets[0] != 0
        or offsets[-1] != n_nodes
    ):
        problems.append("node offsets covering every node")
    elif (np.diff(offsets) < 1).any():
        problems.append("at least one node per tree")
    for name in _NODE_ARRAYS:
        if len(a[name]) != n_nodes:
            problems.append(f"{name} of length {n_nodes}")
    if not problems:
        size = np.repeat(np.diff(offsets), np.diff(offsets))
        inner = ~a["node_is_leaf"].astype(bool)
        for name in ("node_left", "node_right"):
            child = a[name][inner]
            if ((child <= 0) | (child >= size[inner])).any():
                problems.append(f"{name} pointing inside its tree")
        feature = a["node_feature"][inner]
        n_stacked_design = n_design + len(a["stack_sources"])
        if ((feature < 0) | (feature >= n_stacked_design)).any():
            problems.append(f"split features below {n_stacked_design}")
    calib = a["calib_offsets"]
    if len(calib) != n_targets + 1 or calib[0] != 0 or calib[-1] != len(a["calib_x"]):
        problems.append("one calibration curve per target")
    elif len(a["calib_y"]) != len(a["calib_x"]) or (np.diff(calib) < 1).any():
        problems.append("calibration x and y of equal, non-zero length")
    n_kept = len(a["text_columns"])
    if int(a["text_n_features"]) != N_FEATURES:
        problems.append(f"text hashed into {N_FEATURES} columns")
    if len(a["text_idf"]) != n_kept or a["text_coef"].shape != (n_kept, n_targets):
        problems.append("idf and coefficients for every kept text column")
    if len(a["text_intercept"]) != n_targets:
        problems.append("one text intercept per target")
    sources, stacked = a["stack_sources"], a["stacked"].astype(bool)
    if len(stacked) != n_targets:
        problems.append("one stacked flag per target")
    elif ((sources < 0) | (sources >= n_targets)).any() or stacked[sources].any():
        problems.append("stack sources that are unstacked targets")
    if len(a["feature_names_in"]) < n_numeric:
        problems.append("feature names covering the numeric features")
    if problems:
        raise ValueError("Inconsistent model arrays; expected " + "; ".join(problems) + ".")
