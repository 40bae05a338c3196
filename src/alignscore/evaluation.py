"""Span-level evaluation of the extraction pipeline against the labelled corpus.

Strict matching needs the same label and the same character offsets; relaxed matching needs the
same label and overlapping offsets (each gold span matched at most once). HORIZON bucket
accuracy is measured on relaxed-matched horizon pairs.

Example:
    >>> gold = [{"label": "SKILL", "start_char": 0, "end_char": 3}]
    >>> pred = [{"label": "SKILL", "start_char": 0, "end_char": 5}]
    >>> r = score_spans([gold], [pred], labels=["SKILL"])
    >>> r["SKILL"]["strict"]["f1"], r["SKILL"]["relaxed"]["f1"]
    (0.0, 1.0)
"""

from __future__ import annotations

from pathlib import Path

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["evaluate_extraction", "prf", "score_spans"]

LABELS = ("GOAL", "HORIZON", "SKILL", "TITLE")
JOB_LABELS = ("SKILL", "TITLE")
REFERENCE_YEAR = 2026  # the corpus annotation guide's "now"


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "n_gold": n_gold,
        "n_pred": n_pred,
    }


def _match(gold: list[dict], pred: list[dict], strict: bool) -> list[tuple[dict, dict]]:
    pairs = []
    used: set[int] = set()
    for p in pred:
        best, best_overlap = None, 0
        for i, g in enumerate(gold):
            if i in used:
                continue
            if strict:
                if g["start_char"] == p["start_char"] and g["end_char"] == p["end_char"]:
                    best, best_overlap = i, 1
                    break
            else:
                ov = min(g["end_char"], p["end_char"]) - max(g["start_char"], p["start_char"])
                if ov > best_overlap:
                    best, best_overlap = i, ov
        if best is not None:
            used.add(best)
            pairs.append((gold[best], p))
    return pairs


def score_spans(
    gold_docs: Iterable[Sequence[dict]],
    pred_docs: Iterable[Sequence[dict]],
    labels: Sequence[str] = LABELS,
) -> dict[str, Any]:
    """Score predicted spans against gold spans, per label, strict and relaxed.

    Spans are dicts with ``label``, ``start_char``, ``end_char`` (HORIZONs may carry ``bucket``).
    """
    counts = {lab: {"strict": 0, "relaxed": 0, "pred": 0, "gold": 0} for lab in labels}
    bucket_hits = bucket_total = 0
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        for lab in labels:
            g = [s for s in gold if s["label"] == lab]
            p = [s for s in pred if s["label"] == lab]
            counts[lab]["gold"] += len(g)
            counts[lab]["pred"] += len(p)
            counts[lab]["strict"] += len(_match(g, p, strict=True))
            relaxed = _match(g, p, strict=False)
            counts[lab]["relaxed"] += len(relaxed)
            if lab == "HORIZON":
                for gs, ps in relaxed:
                    bucket_total += 1
                    bucket_hits += int(gs.get("bucket") == ps.get("bucket"))
    out: dict[str, Any] = {}
    for lab, c in counts.items():
        out[lab] = {
            "strict": prf(c["strict"], c["pred"], c["gold"]),
            "relaxed": prf(c["relaxed"], c["pred"], c["gold"]),
        }
    if "HORIZON" in labels:
        out["horizon_bucket_accuracy"] = (
            round(bucket_hits / bucket_total, 4) if bucket_total else 0.0
        )
        out["horizon_bucket_n"] = bucket_total
    return out


def evaluate_extraction(
    split: str = "dev", *, nlp: Any = None, path: str | Path | None = None
) -> dict[str, Any]:
    """Run the pipeline on one corpus split and score answers and job descriptions.

    Args:
        split: ``"train"``, ``"dev"``, ``"test"`` or ``"all"``.
        nlp: The pipeline (default: the packaged one).
        path: A directory holding a labelled set in the corpus's schema (``jobs.jsonl``,
            ``answers.jsonl``, ``splits.json``); default: the packaged corpus.

    Returns:
        ``{"answers", "answers_with_job", "jobs"}`` per-label scores (``answers_with_job``: each
        answer read together with its posting, as :func:`alignscore.score` does), plus counts.
    """
    from .datasets import load_corpus, load_jobs
    from .extraction import doc_spans
    from .pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    corpus = load_corpus(split, path=path)
    jobs = load_jobs(split, path=path)
    horizons = nlp.get_pipe("alignscore_horizons")
    saved = horizons.reference_year
    horizons.reference_year = REFERENCE_YEAR
    try:
        answer_pred = [
            [s.to_dict() for s in doc_spans(doc, text)]
            for doc, text in zip(nlp.pipe(corpus["answer"]), corpus["answer"], strict=True)
        ]
        job_docs = dict(zip(jobs["jd_id"], nlp.pipe(jobs["job_description"]), strict=True))
        job_pred = [
            [s.to_dict() for s in doc_spans(job_docs[jd_id], text)]
            for jd_id, text in zip(jobs["jd_id"], jobs["job_description"], strict=True)
        ]
        gazetteer = nlp.get_pipe("alignscore_gazetteer")
        in_context_pred = [
            [s.to_dict() for s in doc_spans(gazetteer.add_terms_from(doc, job_docs[jd_id]), text)]
            for doc, text, jd_id in zip(
                nlp.pipe(corpus["answer"]), corpus["answer"], corpus["jd_id"], strict=True
            )
        ]
    finally:
        horizons.reference_year = saved
    return {
        "split": split,
        "n_answers": len(corpus),
        "n_jobs": len(jobs),
        "answers": score_spans(corpus["spans"], answer_pred, LABELS),
        "answers_with_job": score_spans(corpus["spans"], in_context_pred, LABELS),
        "jobs": score_spans(jobs["job_spans"], job_pred, JOB_LABELS),
        "predictions": {
            "answers": answer_pred,
            "answers_with_job": in_context_pred,
            "jobs": job_pred,
        },
    }
