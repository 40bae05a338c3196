"""Save and load trained scorers: ``model.npz`` (plain arrays, no code run on load) + ``meta.json``.

The artefact is a :class:`~alignscore.compiled.CompiledScorer` as named NumPy arrays, written with
``np.savez`` and read with ``np.load(..., allow_pickle=False)``: numbers and unicode names only, so
opening it cannot run code, and loading needs neither scikit-learn nor skops. ``meta.json`` records
the model format, the versions (alignscore, feature set, scikit-learn used for training, spaCy,
NumPy), the SHA-256 of the artefact and of the training data, the flag thresholds and the
metrics. Loading checks the format, the feature-set version and the hash before it opens the
artefact.

Example:
    >>> from alignscore.pipeline import model_dir
    >>> model, thresholds, meta = load_model(model_dir("default"))
    >>> meta["model_format"] == MODEL_FORMAT, model.targets_[0]
    (True, 'alignment')
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from .compiled import FORMAT, CompiledScorer
from .errors import ModelError, ModelVersionError
from .features import FEATURE_SET_VERSION
from .flags import FlagThresholds

__all__ = ["ARTEFACT", "META", "MODEL_FORMAT", "load_model", "save_model", "sha256"]

ARTEFACT = "model.npz"
META = "meta.json"
#: ``model_format`` in meta.json: the array layout of :mod:`alignscore.compiled` in an ``.npz``
MODEL_FORMAT = f"{FORMAT}+npz"


def sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def save_model(
    model: Any,
    directory: str | Path,
    *,
    thresholds: FlagThresholds,
    metrics: dict[str, Any],
    data_sha256: str,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write ``model.npz`` and ``meta.json`` into ``directory``; return the directory.

    Args:
        model: A :class:`~alignscore.compiled.CompiledScorer`, or a fitted
            :class:`~alignscore.estimators.RubricScorer` (compiled first).
        directory: Where to write; created if needed.
        thresholds: The flag thresholds to ship with the model.
        metrics: Figures to record in ``meta.json``.
        data_sha256: SHA-256 of the training data.
        extra: More keys for ``meta.json``.
    """
    from .about import __version__

    compiled = model if isinstance(model, CompiledScorer) else model.compile()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ARTEFACT
    with path.open("wb") as fh:  # a file object: np.savez would append ".npz" to a bare name
        np.savez(fh, **compiled.to_arrays())
    meta = {
        "alignscore_version": __version__,
        "feature_set_version": FEATURE_SET_VERSION,
        "model_format": MODEL_FORMAT,
        "versions": {
            "scikit-learn": _version("scikit-learn"),
            "spacy": _version("spacy"),
            "numpy": np.__version__,
        },
        "artefact": ARTEFACT,
        "artefact_sha256": sha256(path),
        "training_data_sha256": data_sha256,
        "flag_thresholds": asdict(thresholds),
        "metrics": metrics,
        **(extra or {}),
    }
    (directory / META).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
    return directory


def load_model(directory: str | Path) -> tuple[CompiledScorer, FlagThresholds, dict[str, Any]]:
    """Load a scorer saved by :func:`save_model`, after checking its format, version and hash.

    Returns:
        ``(model, thresholds, meta)``.

    Raises:
        ModelError: the directory, ``meta.json`` or the artefact is missing or corrupt, or the
            hash differs.
        ModelVersionError: the model was saved in another format (e.g. an old ``model.skops``)
            or with another feature-set version.
    """
    directory = Path(directory)
    meta_path, path = directory / META, directory / ARTEFACT
    if not meta_path.is_file():
        raise ModelError(
            f"No alignscore model at {directory} (expected {META} and {ARTEFACT}). "
            "Train one with `alignscore train`."
        )
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ModelError(f"{meta_path} is not valid JSON: {err}") from err
    if not isinstance(meta, dict):
        raise ModelError(f"{meta_path} is not valid JSON: expected an object.")
    if meta.get("model_format") != MODEL_FORMAT:
        found = meta.get("model_format") or f"an older format ({meta.get('artefact', 'unnamed')})"
        raise ModelVersionError(
            f"The model at {directory} is saved as {found}; this alignscore reads "
            f"{MODEL_FORMAT!r} ({ARTEFACT}). Retrain with `alignscore train`."
        )
    if meta.get("feature_set_version") != FEATURE_SET_VERSION:
        raise ModelVersionError(
            f"The model at {directory} was trained on feature set "
            f"{meta.get('feature_set_version')!r}; this alignscore computes feature set "
            f"{FEATURE_SET_VERSION!r}. Retrain with `alignscore train`."
        )
    if not path.is_file():
        raise ModelError(
            f"No alignscore model at {directory} (expected {META} and {ARTEFACT}). "
            "Train one with `alignscore train`."
        )
    digest = sha256(path)
    if digest != meta.get("artefact_sha256"):
        raise ModelError(
            f"{path} does not match the hash in {meta_path}; the file is corrupt or was replaced."
        )
    try:
        with np.load(path, allow_pickle=False) as arrays:  # numbers and names only; no code runs
            model = CompiledScorer.from_arrays(arrays)
    except Exception as err:  # zipfile, format and shape errors alike
        raise ModelError(f"Could not load {path}: {err}") from err
    return model, FlagThresholds(**meta.get("flag_thresholds", {})), meta
