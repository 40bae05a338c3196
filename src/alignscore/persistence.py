"""Save and load trained scorers: skops (explicit trusted types, no code run on load) + meta.json.

``meta.json`` records the versions (alignscore, feature set, scikit-learn, spaCy, skops), the
SHA-256 of the artefact and of the training data, the flag thresholds and the metrics. Loading
checks the hash and the feature-set version before it opens the artefact.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .errors import ModelError, ModelVersionError
from .features import FEATURE_SET_VERSION
from .flags import FlagThresholds

__all__ = ["ARTEFACT", "META", "TRUSTED_TYPES", "load_model", "save_model", "sha256"]

ARTEFACT = "model.skops"
META = "meta.json"
#: every non-builtin type the artefact may contain; anything else refuses to load
TRUSTED_TYPES = [
    "alignscore.estimators.RubricScorer",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
]


def sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def save_model(
    model: Any,
    directory: str | Path,
    *,
    thresholds: FlagThresholds,
    metrics: dict[str, Any],
    data_sha256: str,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write ``model.skops`` and ``meta.json`` into ``directory``; return the directory."""
    import numpy
    import sklearn
    import skops
    import skops.io as sio
    import spacy

    from .about import __version__

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ARTEFACT
    sio.dump(model, path)
    meta = {
        "alignscore_version": __version__,
        "feature_set_version": FEATURE_SET_VERSION,
        "versions": {
            "scikit-learn": sklearn.__version__,
            "spacy": spacy.__version__,
            "skops": skops.__version__,
            "numpy": numpy.__version__,
        },
        "artefact": ARTEFACT,
        "artefact_sha256": sha256(path),
        "training_data_sha256": data_sha256,
        "trusted_types": TRUSTED_TYPES,
        "flag_thresholds": asdict(thresholds),
        "metrics": metrics,
        **(extra or {}),
    }
    (directory / META).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
    return directory


def load_model(directory: str | Path) -> tuple[Any, FlagThresholds, dict[str, Any]]:
    """Load a scorer saved by :func:`save_model`, after checking its hash and versions.

    Returns:
        ``(model, thresholds, meta)``.

    Raises:
        ModelError: the directory, ``meta.json`` or the artefact is missing, or the hash differs.
        ModelVersionError: the artefact was saved with another feature-set version.
    """
    import skops.io as sio

    directory = Path(directory)
    meta_path, path = directory / META, directory / ARTEFACT
    if not meta_path.is_file() or not path.is_file():
        raise ModelError(
            f"No alignscore model at {directory} (expected {META} and {ARTEFACT}). "
            "Train one with `alignscore train`."
        )
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ModelError(f"{meta_path} is not valid JSON: {err.msg}") from err
    if meta.get("feature_set_version") != FEATURE_SET_VERSION:
        raise ModelVersionError(
            f"The model at {directory} was trained on feature set {meta.get('feature_set_version')!r}; "
            f"this alignscore computes feature set {FEATURE_SET_VERSION!r}. Retrain with `alignscore train`."
        )
    digest = sha256(path)
    if digest != meta.get("artefact_sha256"):
        raise ModelError(
            f"{path} does not match the hash in {meta_path}; the file is corrupt or was replaced."
        )
    try:
        model = sio.load(path, trusted=TRUSTED_TYPES)  # refuses any type outside the list
    except Exception as err:  # skops raises UntrustedTypesFoundException and others
        raise ModelError(f"Could not load {path}: {err}") from err
    return model, FlagThresholds(**meta.get("flag_thresholds", {})), meta
