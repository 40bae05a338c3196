from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from alignscore import InvalidInputError
from alignscore.estimators import RubricScorer, band_of, float_of
from alignscore.labels import SCORES


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(1)
    X = pd.DataFrame({"a": rng.normal(size=120), "b": rng.normal(size=120)})
    X["answer_text"] = np.where(X["a"] > 0, "i want to master sql", "i want to grow")
    band = np.clip(np.round(3 + 1.2 * X["a"]), 1, 5).astype(int)
    y = pd.DataFrame({t: band for t in SCORES})
    return X, y, np.arange(120) % 8


def test_not_fitted():
    with pytest.raises(NotFittedError):
        RubricScorer().predict(pd.DataFrame({"a": [1.0]}))


def test_fit_predict_shapes_ranges_and_monotone_bands(data):
    X, y, groups = data
    model = RubricScorer(max_iter=50).fit(X, y, groups=groups)
    assert list(model.get_feature_names_out()) == list(SCORES)
    assert model.n_features_in_ == 3 and model.uses_text_
    floats, bands = model.predict(X), model.predict_bands(X)
    assert floats.shape == bands.shape == (120, 4)
    assert ((floats >= 0) & (floats <= 1)).all()
    order = np.argsort(floats[:, 0])
    assert (np.diff(bands[order, 0]) >= 0).all()  # bands never go down as the float goes up
    rho = pd.Series(floats[:, 0]).corr(y["alignment"].astype(float), method="spearman")
    assert rho > 0.7


def test_band_and_float_maps_are_inverse_on_band_centres():
    assert list(band_of(float_of(np.array([1, 2, 3, 4, 5])))) == [1, 2, 3, 4, 5]


def test_clone_and_pickle_round_trip(data):
    X, y, groups = data
    model = RubricScorer(max_iter=30, random_state=3)
    assert clone(model).get_params() == model.get_params()
    model.fit(X, y, groups=groups)
    again = pickle.loads(pickle.dumps(model))
    assert np.allclose(again.predict(X), model.predict(X))


def test_input_checks(data):
    X, y, groups = data
    with pytest.raises(InvalidInputError, match="DataFrame"):
        RubricScorer().fit(X.to_numpy(), y)
    with pytest.raises(InvalidInputError, match="bands 1-5"):
        RubricScorer().fit(X, y * 10)
    model = RubricScorer(max_iter=20).fit(X, y, groups=groups)
    with pytest.raises(InvalidInputError, match="lacks features"):
        model.predict(X.drop(columns=["b"]))
    with pytest.raises(InvalidInputError, match="text column"):
        model.predict(X.drop(columns=["answer_text"]))


def test_numeric_only_model(data):
    X, y, groups = data
    model = RubricScorer(max_iter=20).fit(X.drop(columns=["answer_text"]), y, groups=groups)
    assert not model.uses_text_
    assert model.predict(X.drop(columns=["answer_text"])).shape == (120, 4)


def test_text_vocabulary_counts_original_answers_only(data):
    """A word seen in one answer and again in its noised copy is still seen in one answer."""
    from alignscore.hashing import column

    X, y, groups = data
    X = X.copy()
    X.loc[0, "answer_text"] = "i want to master sql and kubernetes"
    copy = X.iloc[[0]].copy()
    X2 = pd.concat([X, copy], ignore_index=True)
    y2 = pd.concat([y, y.iloc[[0]]], ignore_index=True)
    groups2 = np.append(groups, groups[0])  # the copy stays in its answer's fold
    originals = np.append(np.ones(len(X), dtype=bool), False)
    kept = {
        flag: set(
            RubricScorer(max_iter=10)
            .fit(X2, y2, groups=groups2, originals=None if flag else originals)
            .text_tfidf_.kept_columns_.tolist()
        )
        for flag in (True, False)
    }
    rare = column("kubernetes")
    assert rare in kept[True]  # counted twice when the copy counts as an answer
    assert rare not in kept[False]
    assert column("sql") in kept[False]  # seen in many original answers
    with pytest.raises(InvalidInputError, match="originals"):
        RubricScorer(max_iter=10).fit(X2, y2, groups=groups2, originals=[True, False])
    with pytest.raises(InvalidInputError, match="originals"):
        RubricScorer(max_iter=10).fit(X2, y2, groups=groups2, originals=np.zeros(len(X2), bool))
