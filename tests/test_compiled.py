from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from alignscore import InvalidInputError
from alignscore.compiled import CompiledScorer
from alignscore.estimators import RubricScorer
from alignscore.labels import SCORES
from alignscore.persistence import load_model
from alignscore.pipeline import model_dir

WORDS = ["i", "want", "to", "lead", "grow", "learn", "sql", "data", "team", "role", "our", "years"]


@pytest.fixture(scope="module", autouse=True)
def _one_openmp_thread():
    """Fit on one thread: the data is tiny, and two OpenMP threads crawl (20x) on a busy core."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        yield


@pytest.fixture(scope="module")
def data():
    """Features with missing values (some tied to the target) and answer texts."""
    rng = np.random.default_rng(7)
    n = 160
    a, b, c = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)
    band = np.clip(np.round(3 + 1.2 * a + 0.4 * c), 1, 5).astype(int)
    b[rng.random(n) < 0.3] = np.nan
    c[band >= 4] = np.where(rng.random((band >= 4).sum()) < 0.5, np.nan, c[band >= 4])
    texts = [
        " ".join(rng.choice(WORDS, size=rng.integers(0, 12))) + (" lead sql" if k >= 3 else "")
        for k in band
    ]
    X = pd.DataFrame({"a": a, "b": b, "c": c, "answer_text": texts})
    X.loc[5, "answer_text"] = None
    y = pd.DataFrame({t: band for t in SCORES})
    return X, y, np.arange(n) % 8


@pytest.fixture(scope="module")
def fitted(data):
    X, y, groups = data
    return RubricScorer(max_iter=30, min_samples_leaf=5, n_splits=3).fit(X, y, groups=groups)


def _new_rows(X: pd.DataFrame) -> pd.DataFrame:
    """Rows the model has not seen, with NaN everywhere it can go, infinities and odd texts."""
    rng = np.random.default_rng(3)
    out = pd.DataFrame(rng.normal(scale=2, size=(40, 3)), columns=["a", "b", "c"])
    out.iloc[::3, 0] = np.nan
    out.iloc[1::4, 1] = np.nan
    out.iloc[2::5, 2] = np.nan
    out.iloc[7] = np.nan
    out.iloc[8, 0], out.iloc[9, 0] = np.inf, -np.inf
    texts = [*X["answer_text"].fillna("").iloc[:37], "", "Ünïcode SQL!", "a b"]
    out["answer_text"] = texts
    return pd.concat([X, out], ignore_index=True)


def test_compiled_equals_fitted_with_missing_values(data, fitted):
    X = _new_rows(data[0])
    model = fitted.compile()
    assert isinstance(model, CompiledScorer)
    expected = fitted.predict_band_values(X)
    assert np.abs(model.predict_band_values(X) - expected).max() < 1e-9
    assert np.abs(model.predict(X) - fitted.predict(X)).max() < 1e-9
    assert np.array_equal(model.predict_bands(X), fitted.predict_bands(X))


def test_tree_walk_text_model_and_calibration_each_match(data, fitted):
    X = _new_rows(data[0])
    model = fitted.compile()
    text_fitted = fitted._text_predict(fitted.text_tfidf_, fitted.text_models_, X["answer_text"])
    text = model._text_predict(list(X["answer_text"].fillna("")))
    assert np.abs(text - text_fitted).max() < 1e-12
    design = fitted._design(X, text_fitted)
    raw = model._raw_predict(design)
    # same leaves, same summation order; overall's trees read the other scores' raw sums
    assert np.array_equal(raw, fitted._raw_predict(design))
    for k, est in enumerate(fitted.estimators_):
        if not fitted.stacked_[k]:
            assert np.array_equal(raw[:, k], est.predict(design))
    grid = np.linspace(raw.min() - 1, raw.max() + 1, 500)
    for (xs, ys), calibrator in zip(model._calibration, fitted.calibrators_, strict=True):
        assert np.abs(np.interp(grid, xs, ys) - calibrator.predict(grid)).max() < 1e-12


def test_leaf_values_include_the_learning_rate(data):
    X, y, groups = data
    numeric = X.drop(columns=["answer_text"])
    slow = RubricScorer(max_iter=10, learning_rate=0.05, n_splits=2).fit(numeric, y, groups=groups)
    model = slow.compile()
    design = numeric.to_numpy(dtype=float)
    raw = model._raw_predict(design)
    for k, est in enumerate(slow.estimators_):
        stacked = np.hstack([design, raw[:, slow.stack_sources_]]) if slow.stacked_[k] else design
        assert np.array_equal(raw[:, k], est.predict(stacked))


@pytest.mark.parametrize("n_bags", [1, 3])
def test_bags_of_boosted_regressors_compile_to_their_mean(data, n_bags):
    X, y, groups = data
    numeric = X.drop(columns=["answer_text"])
    fitted = RubricScorer(max_iter=10, n_splits=2, n_bags=n_bags).fit(numeric, y, groups=groups)
    model = fitted.compile()
    arrays = model.to_arrays()
    assert arrays["bags_per_target"].tolist() == [n_bags] * len(SCORES)
    assert arrays["trees_per_bag"].tolist() == [10] * (n_bags * len(SCORES))
    design = numeric.to_numpy(dtype=float)
    raw = model._raw_predict(design)
    for k, est in enumerate(fitted.estimators_):
        # members fitted on different bootstrap samples: the bag is their mean, not one model
        members = getattr(est, "estimators_", [est])
        assert len(members) == n_bags
        stacked = np.hstack([design, raw[:, fitted.stack_sources_]]) if fitted.stacked_[k] else design
        assert np.array_equal(raw[:, k], est.predict(stacked))
        if n_bags > 1:
            assert not np.array_equal(members[0].predict(stacked), members[1].predict(stacked))
    with pytest.raises(InvalidInputError, match="n_bags"):
        RubricScorer(n_bags=0).fit(numeric, y, groups=groups)


def test_overall_is_stacked_on_the_other_scores(data):
    X, y, groups = data
    numeric = X.drop(columns=["answer_text"])
    stacked = RubricScorer(max_iter=10, n_splits=2).fit(numeric, y, groups=groups)
    plain = RubricScorer(max_iter=10, n_splits=2, stack_overall=False)
    plain.fit(numeric, y, groups=groups)
    overall = list(SCORES).index("overall")
    assert stacked.stacked_ == [k == overall for k in range(len(SCORES))]
    assert sorted(stacked.stack_sources_) == sorted(set(range(len(SCORES))) - {overall})
    assert stacked.estimators_[overall].n_features_in_ == numeric.shape[1] + len(SCORES) - 1
    assert plain.stack_sources_ == [] and not any(plain.stacked_)
    # the sub-scores do not depend on the stacking; both compile to what they predict
    parts = slice(0, overall)
    assert np.array_equal(stacked.predict(numeric)[:, parts], plain.predict(numeric)[:, parts])
    for est in (stacked, plain):
        assert np.abs(est.compile().predict(numeric) - est.predict(numeric)).max() < 1e-12


def test_plain_array_and_texts_give_the_same_as_a_frame(data, fitted):
    X = _new_rows(data[0])
    model = fitted.compile()
    numeric = X[model.numeric_features_].to_numpy()
    texts = list(X["answer_text"])
    assert np.array_equal(model.predict(numeric, texts=texts), model.predict(X))


def test_numeric_only_model(data):
    X, y, groups = data
    numeric = X.drop(columns=["answer_text"])
    fitted = RubricScorer(max_iter=10, n_splits=2).fit(numeric, y, groups=groups)
    model = fitted.compile()
    assert not model.uses_text_
    assert np.abs(model.predict(numeric) - fitted.predict(numeric)).max() < 1e-9
    assert model.predict(numeric.to_numpy()).shape == (len(numeric), 4)


def test_attributes_match_the_estimator(fitted):
    model = fitted.compile()
    assert model.targets_ == fitted.targets_
    assert list(model.numeric_features_) == list(fitted.numeric_features_)
    assert list(model.feature_names_in_) == list(fitted.feature_names_in_)
    assert model.n_features_in_ == fitted.n_features_in_
    assert model.uses_text_ and model.text_column == fitted.text_column
    assert list(model.get_feature_names_out()) == list(SCORES)
    assert repr(model) == "CompiledScorer(3 features, 600 trees, text=yes)"  # 4 targets x 5 bags x 30


def test_empty_input(fitted):
    model = fitted.compile()
    empty = pd.DataFrame({"a": [], "b": [], "c": [], "answer_text": []})
    assert model.predict(empty).shape == (0, 4)


def test_input_checks(data, fitted):
    X = data[0]
    model = fitted.compile()
    with pytest.raises(InvalidInputError, match="lacks features"):
        model.predict(X.drop(columns=["b"]))
    with pytest.raises(InvalidInputError, match="text column"):
        model.predict(X.drop(columns=["answer_text"]))
    with pytest.raises(InvalidInputError, match="expected \\(n_samples, 3\\)"):
        model.predict(np.zeros((2, 2)), texts=["", ""])
    with pytest.raises(InvalidInputError, match="pass texts="):
        model.predict(np.zeros((2, 3)))
    with pytest.raises(InvalidInputError, match="2 rows but there are 1 texts"):
        model.predict(np.zeros((2, 3)), texts=["x"])


def test_from_estimator_needs_a_fitted_model():
    with pytest.raises(ValueError, match="Fit the RubricScorer"):
        CompiledScorer.from_estimator(RubricScorer())


def test_shipped_model_reproduces_its_dev_metrics(nlp):
    """The saved arrays give the dev figures train() computed (and checked against sklearn)."""
    from alignscore.compiled import band_of
    from alignscore.datasets import load_corpus
    from alignscore.training import corpus_features, metrics

    model, _, meta = load_model(model_dir("default"))
    corpus = load_corpus("all")
    dev = corpus[corpus["split"] == "dev"]
    X = corpus_features(dev, nlp)
    floats = model.predict(X)
    got = {
        t: metrics(dev[t].to_numpy(), band_of(floats)[:, k], floats[:, k])
        for k, t in enumerate(SCORES)
    }
    assert got == meta["metrics"]["dev_before_rubric_caps"]
    # the batch path: a plain array and the cleaned texts (what the text model was trained on)
    from alignscore.pipeline import doc_text

    numeric = X[model.numeric_features_].to_numpy()
    texts = [doc_text(nlp.make_doc(a)) for a in dev["answer"]]
    assert np.array_equal(model.predict(numeric, texts=texts), floats)


@pytest.mark.slow
def test_shipped_model_is_the_compiled_fitted_model(nlp):
    """Refit as train() does: compiled equals fitted on dev, and equals the shipped arrays."""
    from alignscore.datasets import load_corpus
    from alignscore.training import fit_scorer, model_features, training_rows

    shipped, _, meta = load_model(model_dir("default"))
    corpus = load_corpus("all")
    rows = training_rows(corpus[corpus["split"] == "train"])
    fitted = fit_scorer(model_features(rows, nlp), rows, meta["random_state"])
    X_dev = model_features(corpus[corpus["split"] == "dev"], nlp)
    expected = fitted.predict_band_values(X_dev)
    assert np.abs(fitted.compile().predict_band_values(X_dev) - expected).max() < 1e-9
    assert np.abs(shipped.predict_band_values(X_dev) - expected).max() < 1e-9


def test_scoring_imports_neither_sklearn_nor_skops(tmp_path):
    code = (
        "import sys, json, alignscore\n"
        "alignscore.load()\n"
        "r = alignscore.score('In two years I want to lead the SQL team here.', 'Data Analyst.')\n"
        "print(json.dumps([m for m in ('sklearn', 'skops', 'scipy') if m in sys.modules]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
