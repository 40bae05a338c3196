from __future__ import annotations

import json
import shutil
import zipfile

import numpy as np
import pytest

from alignscore import ModelError, ModelVersionError
from alignscore.compiled import CompiledScorer
from alignscore.flags import FlagThresholds
from alignscore.persistence import ARTEFACT, META, MODEL_FORMAT, load_model, save_model
from alignscore.pipeline import model_dir


@pytest.fixture
def model_copy(tmp_path):
    src = model_dir("default")
    for name in (ARTEFACT, META):
        shutil.copy(src / name, tmp_path / name)
    return tmp_path


def _rehash(directory):
    from alignscore.persistence import sha256

    meta = json.loads((directory / META).read_text())
    meta["artefact_sha256"] = sha256(directory / ARTEFACT)
    (directory / META).write_text(json.dumps(meta))


def test_packaged_model_loads_with_its_meta(model_copy):
    model, thresholds, meta = load_model(model_copy)
    assert isinstance(model, CompiledScorer)
    assert meta["model_format"] == MODEL_FORMAT and meta["artefact"] == ARTEFACT
    assert set(meta["versions"]) >= {"scikit-learn", "spacy", "numpy"}
    assert thresholds.vague_max_specificity == 2
    assert model.uses_text_ and model.targets_ == [
        "alignment",
        "specificity",
        "employer_focus",
        "overall",
    ]


def test_packaged_artefact_is_plain_arrays(model_copy):
    assert not (model_dir("default") / "model.skops").exists()
    with np.load(model_copy / ARTEFACT, allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)
        assert str(arrays["format"]) == MODEL_FORMAT.removesuffix("+npz")


def test_save_load_round_trip(model_copy, tmp_path):
    model, thresholds, _ = load_model(model_copy)
    out = save_model(
        model,
        tmp_path / "again",
        thresholds=FlagThresholds(),
        metrics={"note": "round trip"},
        data_sha256="0" * 64,
    )
    again, thresholds_again, meta = load_model(out)
    assert thresholds_again == thresholds and meta["metrics"] == {"note": "round trip"}
    rng = np.random.default_rng(0)
    X = rng.normal(size=(25, len(model.numeric_features_)))
    X[::4, ::3] = np.nan
    texts = ["I want to lead the data team in three years."] * 25
    assert np.array_equal(again.predict(X, texts=texts), model.predict(X, texts=texts))
    saved = model.to_arrays()
    for name, value in again.to_arrays().items():
        assert np.array_equal(value, saved[name]), name


def test_hash_mismatch_is_refused(model_copy):
    with open(model_copy / ARTEFACT, "ab") as fh:
        fh.write(b"tampered")
    with pytest.raises(ModelError, match="does not match the hash"):
        load_model(model_copy)


def test_corrupt_artefact_with_matching_hash(model_copy):
    (model_copy / ARTEFACT).write_bytes(b"not a zip file")
    _rehash(model_copy)
    with pytest.raises(ModelError, match="Could not load"):
        load_model(model_copy)


def _rewrite(directory, change):
    """Save the artefact's arrays after ``change(arrays)`` and put the new hash in meta.json."""
    with np.load(directory / ARTEFACT, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    change(arrays)
    with open(directory / ARTEFACT, "wb") as fh:
        np.savez(fh, **arrays)
    _rehash(directory)


def test_artefact_with_a_missing_array(model_copy):
    _rewrite(model_copy, lambda arrays: arrays.pop("node_value"))
    with pytest.raises(ModelError, match="Missing arrays \\['node_value'\\]"):
        load_model(model_copy)


def test_artefact_with_inconsistent_arrays(model_copy):
    _rewrite(model_copy, lambda arrays: arrays.update(node_left=arrays["node_left"] + 10_000))
    with pytest.raises(ModelError, match="node_left pointing inside its tree"):
        load_model(model_copy)


def test_pickled_array_is_refused(model_copy):
    _rewrite(
        model_copy,
        lambda arrays: arrays.update(targets=np.array(list(arrays["targets"]), dtype=object)),
    )
    with zipfile.ZipFile(model_copy / ARTEFACT) as zf:
        assert "targets.npy" in zf.namelist()
    with pytest.raises(ModelError, match=r"Could not load.*allow_pickle"):
        load_model(model_copy)


def test_feature_set_version_is_checked(model_copy):
    meta = json.loads((model_copy / META).read_text())
    meta["feature_set_version"] = "0"
    (model_copy / META).write_text(json.dumps(meta))
    with pytest.raises(ModelVersionError, match="Retrain"):
        load_model(model_copy)


def test_old_skops_model_is_a_clear_version_error(tmp_path):
    meta = json.loads((model_dir("default") / META).read_text())
    del meta["model_format"]
    meta["artefact"] = "model.skops"
    (tmp_path / META).write_text(json.dumps(meta))
    (tmp_path / "model.skops").write_bytes(b"PK old")
    with pytest.raises(ModelVersionError, match=r"older format \(model.skops\).*Retrain"):
        load_model(tmp_path)


def test_missing_files(tmp_path):
    with pytest.raises(ModelError, match="No alignscore model"):
        load_model(tmp_path)


def test_missing_artefact(model_copy):
    (model_copy / ARTEFACT).unlink()
    with pytest.raises(ModelError, match="No alignscore model"):
        load_model(model_copy)


def test_corrupt_meta(model_copy):
    (model_copy / META).write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model(model_copy)
