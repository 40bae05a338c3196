from __future__ import annotations

import json
import shutil

import pytest

from alignscore import ModelError, ModelVersionError
from alignscore.persistence import ARTEFACT, META, TRUSTED_TYPES, load_model
from alignscore.pipeline import model_dir


@pytest.fixture
def model_copy(tmp_path):
    src = model_dir("default")
    for name in (ARTEFACT, META):
        shutil.copy(src / name, tmp_path / name)
    return tmp_path


def test_packaged_model_loads_with_its_meta(model_copy):
    model, thresholds, meta = load_model(model_copy)
    assert meta["trusted_types"] == TRUSTED_TYPES
    assert set(meta["versions"]) >= {"scikit-learn", "spacy", "skops"}
    assert thresholds.vague_max_specificity == 2
    assert hasattr(model, "estimators_")


def test_hash_mismatch_is_refused(model_copy):
    with open(model_copy / ARTEFACT, "ab") as fh:
        fh.write(b"tampered")
    with pytest.raises(ModelError, match="does not match the hash"):
        load_model(model_copy)


def test_feature_set_version_is_checked(model_copy):
    meta = json.loads((model_copy / META).read_text())
    meta["feature_set_version"] = "0"
    (model_copy / META).write_text(json.dumps(meta))
    with pytest.raises(ModelVersionError, match="Retrain"):
        load_model(model_copy)


def test_missing_files(tmp_path):
    with pytest.raises(ModelError, match="No alignscore model"):
        load_model(tmp_path)


def test_corrupt_meta(model_copy):
    (model_copy / META).write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model(model_copy)
