"""Categorise extraction errors per label on one corpus split (answers and postings).

For every label, gold spans without a strict match are sorted into:

- ``boundary``: a predicted span of the same label overlaps it (offsets differ);
- ``other_label``: no same-label prediction overlaps it, but one of a rival label does (SKILL vs
  TITLE, GOAL vs HORIZON; a SKILL inside a GOAL is not a rival);
- ``missing``: nothing overlaps it.

Predicted spans without a strict match are sorted into ``boundary`` (overlaps a gold span of the
same label) and ``spurious`` (overlaps none; ``spurious_other_label`` when it sits on a gold span
of a rival label).

Usage: python scripts/extraction_errors.py [--split train] [--dump FILE] [--examples 8]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from typing import Any

from alignscore.evaluation import evaluate_extraction

LABELS = ("GOAL", "HORIZON", "SKILL", "TITLE")
# labels that compete for the same words (SKILL and TITLE may sit inside a GOAL; a HORIZON may not)
RIVALS = {"SKILL": {"TITLE"}, "TITLE": {"SKILL"}, "GOAL": {"HORIZON"}, "HORIZON": {"GOAL"}}


def _overlaps(a: dict, b: dict) -> bool:
    return min(a["end_char"], b["end_char"]) > max(a["start_char"], b["start_char"])


def _same(a: dict, b: dict) -> bool:
    return a["start_char"] == b["start_char"] and a["end_char"] == b["end_char"]


def _unmatched(
    text: str,
    doc_i: int,
    own: list[dict],
    theirs: list[dict],
    theirs_all: list[dict],
    rivals: set[str],
    categories: tuple[str, str, str],
    keys: tuple[str, str],
) -> list[tuple[str, dict[str, Any]]]:
    """Spans of ``own`` with no strict match in ``theirs``, as (category, record).

    ``categories`` names the three cases (overlaps a span of the same label, only one of a rival
    label, nothing); ``keys`` names the record's fields for ``own`` and ``theirs``.
    """
    out = []
    for s in own:
        if any(_same(s, q) for q in theirs):
            continue
        over = [q for q in theirs if _overlaps(s, q)]
        other = [q for q in theirs_all if q["label"] in rivals and _overlaps(s, q)]
        cat = categories[0] if over else categories[1] if other else categories[2]
        record = {
            "doc": doc_i,
            keys[0]: text[s["start_char"] : s["end_char"]],
            keys[1]: [text[q["start_char"] : q["end_char"]] for q in over]
            or [f"{q['label']}:{text[q['start_char'] : q['end_char']]}" for q in other],
            "context": text[max(0, s["start_char"] - 60) : s["end_char"] + 60],
        }
        out.append((cat, record))
    return out


def categorise(
    texts: list[str], gold_docs: list[list[dict]], pred_docs: list[list[dict]], labels: tuple
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Return ``{label: {category: [error records]}}``."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {lab: defaultdict(list) for lab in labels}
    for doc_i, (text, gold, pred) in enumerate(zip(texts, gold_docs, pred_docs, strict=True)):
        for lab in labels:
            g = [s for s in gold if s["label"] == lab]
            p = [s for s in pred if s["label"] == lab]
            misses = _unmatched(
                text, doc_i, g, p, pred, RIVALS[lab],
                ("fn_boundary", "fn_other_label", "fn_missing"), ("gold", "pred"),
            )  # fmt: skip
            extras = _unmatched(
                text, doc_i, p, g, gold, RIVALS[lab],
                ("fp_boundary", "fp_spurious_other_label", "fp_spurious"), ("pred", "gold"),
            )  # fmt: skip
            for cat, record in misses + extras:
                out[lab][cat].append(record)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--dump", help="write every error record as JSON to this file")
    ap.add_argument("--examples", type=int, default=6)
    args = ap.parse_args(argv)
    from alignscore.datasets import load_corpus, load_jobs

    res = evaluate_extraction(args.split)
    corpus, jobs = load_corpus(args.split), load_jobs(args.split)
    parts = {
        "answers": categorise(
            list(corpus["answer"]), list(corpus["spans"]), res["predictions"]["answers"], LABELS
        ),
        "postings": categorise(
            list(jobs["job_description"]),
            list(jobs["job_spans"]),
            res["predictions"]["jobs"],
            ("SKILL", "TITLE"),
        ),
    }
    rng = random.Random(0)
    for part, cats in parts.items():
        for lab, by_cat in cats.items():
            counts = Counter({k: len(v) for k, v in by_cat.items()})
            print(f"\n## {part} {lab}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
            for cat, recs in sorted(by_cat.items()):
                print(f"  {cat}:")
                for r in rng.sample(recs, min(args.examples, len(recs))):
                    print(f"    {r['gold']!r} | pred {r['pred']!r}"[:220])
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            json.dump(parts, fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
