"""Train the default scorer from the corpus and evaluate it next to simple baselines.

``train()`` fits :class:`~alignscore.estimators.RubricScorer` on the train split and its noised
copies (:func:`training_rows`; folds grouped by job description), compiles it to a
:class:`~alignscore.compiled.CompiledScorer` (checked to predict the same on dev) and writes
``models/<name>/``; ``evaluate()`` scores a split and returns, per
score, quadratic weighted kappa of the bands, Spearman of the floats and MAE of the bands, the
same for three baselines fitted on the same train split (answer length alone, TF-IDF cosine of
answer and posting, a TF-IDF bag-of-words ridge), per-flag precision / recall / F1, and the
inter-annotator kappa.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .analysis import analyze_pairs
from .compiled import band_of
from .datasets import corpus_dir, load_corpus, summarize_corpus
from .errors import AlignScoreError
from .estimators import RubricScorer
from .features import FLAG_ONLY_FEATURES, feature_frame
from .flags import FlagThresholds
from .labels import FLAGS, SCORES
from .noise import NOISES, noised
from .persistence import save_model
from .pipeline import doc_text, load_pipeline, model_dir

__all__ = [
    "baseline_predictions",
    "corpus_features",
    "evaluate",
    "fit_scorer",
    "metrics",
    "model_features",
    "train",
    "training_rows",
]


def corpus_features(corpus: pd.DataFrame, nlp: Any = None) -> pd.DataFrame:
    """Pair features for corpus rows, indexed like ``corpus``.

    Also the column ``answer_text``: each answer's clean text, as scoring gives the text model.
    """
    nlp = nlp or load_pipeline()
    pairs = list(analyze_pairs(list(corpus["answer"]), list(corpus["job_description"]), nlp=nlp))
    X = feature_frame(p.features for p in pairs)
    X.index = corpus.index
    X["answer_text"] = [doc_text(p.answer) for p in pairs]  # the clean text, as scoring gives it
    return X


def model_features(corpus: pd.DataFrame, nlp: Any = None) -> pd.DataFrame:
    """What the scorer is trained on: :func:`corpus_features` without the flag-only features."""
    return corpus_features(corpus, nlp).drop(columns=list(FLAG_ONLY_FEATURES))


def training_rows(rows: pd.DataFrame, noises: tuple[str, ...] = tuple(NOISES)) -> pd.DataFrame:
    """``rows`` followed by one noised copy of every row per noise kind, labels unchanged.

    A lowercased, unpunctuated or mistyped answer says what the clean one says, so its copy
    keeps the clean answer's labels and posting (and so its fold: folds are grouped by posting).
    Learning from both teaches the scorer not to read surface noise as content
    (:mod:`alignscore.noise`). Swapped letters are drawn with the seed ``"<answer_id>:<kind>"``,
    so the copies are the same on every run.

    Args:
        rows: Corpus rows (columns ``answer_id`` and ``answer`` at least).
        noises: Noise kinds, keys of :data:`alignscore.noise.NOISES`; empty for no copies.

    Returns:
        The rows and their copies on a fresh index, with two more columns: ``noise`` (the kind,
        ``""`` for the originals) and ``source`` (the position in ``rows`` of the clean answer).
    """
    parts = []
    for kind in ("", *noises):
        part = rows.reset_index(drop=True).copy()
        if kind:
            part["answer"] = [
                noised(text, kind, seed=f"{aid}:{kind}")
                for text, aid in zip(part["answer"], part["answer_id"], strict=True)
            ]
        part["noise"] = kind
        part["source"] = np.arange(len(rows))
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def fit_scorer(
    X: pd.DataFrame, rows: pd.DataFrame, random_state: int = 0, **params: Any
) -> RubricScorer:
    """Fit a :class:`RubricScorer` (default settings, or ``params``) on features ``X`` of ``rows``.

    As ``alignscore train`` does: folds grouped by ``jd_id``, and the rows whose ``noise`` is
    set (:func:`training_rows`) marked as copies.
    """
    from threadpoolctl import threadpool_limits

    originals = (rows["noise"] == "").to_numpy() if "noise" in rows.columns else None
    # small data: one OpenMP thread is as fast, and does not stall when another process is busy
    with threadpool_limits(1):
        return RubricScorer(random_state=random_state, **params).fit(
            X, rows[list(SCORES)], groups=rows["jd_id"], originals=originals
        )


def _data_hash() -> str:
    h = hashlib.sha256()
    for name in ("jobs.jsonl", "answers.jsonl", "splits.json"):
        h.update((corpus_dir() / name).read_bytes())
    return h.hexdigest()


def metrics(y_true: np.ndarray, bands: np.ndarray, floats: np.ndarray) -> dict[str, float]:
    """QWK of bands, Spearman of floats, MAE of bands."""
    from scipy.stats import spearmanr
    from sklearn.metrics import cohen_kappa_score

    rho = spearmanr(y_true, floats)[0]
    return {
        "qwk": round(float(cohen_kappa_score(y_true, bands, weights="quadratic")), 3),
        "spearman": round(float(rho) if rho == rho else 0.0, 3),
        "mae": round(float(np.mean(np.abs(y_true - bands))), 3),
    }


def baseline_predictions(
    train: pd.DataFrame, test: pd.DataFrame
) -> dict[str, dict[str, np.ndarray]]:
    """Three baselines fitted on ``train``: per score, predicted (fractional) bands for ``test``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import Ridge

    out: dict[str, dict[str, np.ndarray]] = {"length": {}, "tfidf_cosine": {}, "tfidf_ridge": {}}
    length_tr = np.log1p(train["answer"].str.split().str.len().to_numpy())
    length_te = np.log1p(test["answer"].str.split().str.len().to_numpy())
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(
        pd.concat([train["answer"], train["job_description"].drop_duplicates()])
    )

    def cosine(frame: pd.DataFrame) -> np.ndarray:
        a = vec.transform(frame["answer"])
        j = vec.transform(frame["job_description"])
        return np.asarray(a.multiply(j).sum(axis=1)).ravel()

    cos_tr, cos_te = cosine(train), cosine(test)
    bow = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(train["answer"])
    Xtr, Xte = bow.transform(train["answer"]), bow.transform(test["answer"])
    for t in SCORES:
        y = train[t].to_numpy(dtype=float)
        for name, xtr, xte in (("length", length_tr, length_te), ("tfidf_cosine", cos_tr, cos_te)):
            iso = IsotonicRegression(y_min=1, y_max=5, out_of_bounds="clip", increasing="auto")
            out[name][t] = iso.fit(xtr, y).predict(xte)
        out["tfidf_ridge"][t] = np.clip(Ridge(alpha=3.0).fit(Xtr, y).predict(Xte), 1, 5)
    return out


def train(name: str = "default", *, random_state: int = 0) -> Path:
    """Fit on the train split and its noised copies, compile, and save to ``models/<name>/``.

    The copies come from :func:`training_rows`; the dev metrics are saved with the model.

    Raises:
        AlignScoreError: the compiled scorer does not reproduce the fitted one on dev.
    """
    corpus = load_corpus("all")
    nlp = load_pipeline()
    rows = training_rows(corpus[corpus["split"] == "train"])
    fitted = fit_scorer(model_features(rows, nlp), rows, random_state)
    model = fitted.compile()
    dev_rows = corpus[corpus["split"] == "dev"]
    X_dev = model_features(dev_rows, nlp)
    floats = model.predict(X_dev)
    gap = float(np.abs(floats - fitted.predict(X_dev)).max())
    if not gap < 1e-9:
        raise AlignScoreError(
            f"The compiled scorer differs from the fitted one by {gap:.3g} on dev; not saving it."
        )
    bands = band_of(floats)
    dev_metrics = {
        t: metrics(dev_rows[t].to_numpy(), bands[:, k], floats[:, k]) for k, t in enumerate(SCORES)
    }
    return save_model(
        model,
        model_dir(name),
        thresholds=FlagThresholds(),
        metrics={"dev_before_rubric_caps": dev_metrics},
        data_sha256=_data_hash(),
        extra={
            "trained_on": "train split, with one noised copy per kind: " + ", ".join(NOISES),
            "random_state": random_state,
        },
    )


def _prf(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    tp = int((y & p).sum())
    prec = tp / p.sum() if p.sum() else 0.0
    rec = tp / y.sum() if y.sum() else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "f1": round(f1, 3),
        "support": int(y.sum()),
    }


def evaluate(
    split: str = "test", model: str | None = None, path: str | Path | None = None
) -> dict[str, Any]:
    """Evaluate the saved model (through :func:`alignscore.score_many`, the path users call) and
    the baselines on one split (see the module docstring).

    Args:
        split: The split to evaluate (``"all"`` for every row).
        model: Model name under ``models/`` (default: the default model).
        path: A directory holding a labelled set in the corpus's schema; default: the packaged
            corpus. Baselines are always fitted on the packaged corpus's train split, and the
            inter-annotator figures come from the set's own ``annotations_first.jsonl`` and
            ``annotations_second.jsonl`` when it has them.
    """
    from .api import score_many

    data = load_corpus("all", path=path)
    part = data if split == "all" else data[data["split"] == split]
    if part.empty:
        raise AlignScoreError(f"no answers in split {split!r} of {path or 'the packaged corpus'}")
    corpus = load_corpus("all")
    train_rows = corpus[corpus["split"] == "train"]
    results = list(score_many(list(part["answer"]), list(part["job_description"]), model=model))
    floats = np.array([[getattr(r, t) for t in SCORES] for r in results])
    bands = np.array([[r.bands[t] for t in SCORES] for r in results])
    report: dict[str, Any] = {
        "split": split,
        "n": len(part),
        "scores": {},
        "baselines": {},
        "flags": {},
    }
    for k, t in enumerate(SCORES):
        report["scores"][t] = metrics(part[t].to_numpy(), bands[:, k], floats[:, k])
    for name, preds in baseline_predictions(train_rows, part).items():
        report["baselines"][name] = {
            t: metrics(part[t].to_numpy(), np.clip(np.round(v), 1, 5).astype(int), v)
            for t, v in preds.items()
        }
    for flag in FLAGS:
        y = part[f"flag_{flag}"].to_numpy(dtype=bool)
        p = np.array([flag in r.flags for r in results], dtype=bool)
        report["flags"][flag] = _prf(y, p)
    agreement = summarize_corpus(path=path).get("agreement", {})
    report["inter_annotator_qwk"] = {t: agreement.get(t) for t in SCORES}
    return report


def format_report(report: dict[str, Any]) -> str:
    """Render :func:`evaluate` output as the model card's metric table."""
    lines = [
        f"split: {report['split']} ({report['n']} answers)",
        "",
        "| score | model QWK | Spearman | MAE | length QWK | TF-IDF cosine QWK | TF-IDF ridge QWK | inter-annotator QWK |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for t in SCORES:
        m = report["scores"][t]
        b = report["baselines"]
        lines.append(
            f"| {t} | {m['qwk']:.3f} | {m['spearman']:.3f} | {m['mae']:.3f} | {b['length'][t]['qwk']:.3f} | "
            f"{b['tfidf_cosine'][t]['qwk']:.3f} | {b['tfidf_ridge'][t]['qwk']:.3f} | {report['inter_annotator_qwk'][t]} |"
        )
    lines += ["", "| flag | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for f, r in report["flags"].items():
        lines.append(
            f"| {f} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['support']} |"
        )
    return "\n".join(lines)
