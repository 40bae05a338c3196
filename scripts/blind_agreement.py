"""Agreement of writers' labels with a blind annotator's, for a batch of writers' files.

Reads ``DIR/answers_*.jsonl`` (the writers' own labels) and ``DIR/blind/labels*.jsonl`` (the
blind annotators') and prints the quadratic weighted kappa per score and Cohen's kappa per flag
over the answers both labelled; name writers to take only their answers.

Usage: python scripts/blind_agreement.py corpus_work/wider [W1 W2 ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from alignscore.labels import FLAGS, SCORES


def agreement(root: Path, names: list[str] | None = None) -> dict:
    """Per-score QWK and per-flag kappa between writers (all, or ``names``) and blind labels."""
    paths = [root / f"answers_{n}.jsonl" for n in names] if names else root.glob("answers_*.jsonl")
    writers = {
        r["answer_id"]: r
        for p in sorted(paths)
        for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())
    }
    blind = {
        r["answer_id"]: r
        for p in sorted((root / "blind").glob("labels*.jsonl"))
        for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())
    }
    ids = sorted(writers.keys() & blind.keys())
    out: dict = {"n": len(ids)}
    for name in SCORES:
        a = [writers[i]["scores"][name] for i in ids]
        b = [blind[i]["scores"][name] for i in ids]
        out[name] = round(float(cohen_kappa_score(a, b, weights="quadratic")), 3)
    out["flags"] = {
        name: round(
            float(
                cohen_kappa_score(
                    [writers[i]["flags"][name] for i in ids], [blind[i]["flags"][name] for i in ids]
                )
            ),
            3,
        )
        for name in FLAGS
    }
    return out


if __name__ == "__main__":
    print(json.dumps(agreement(Path(sys.argv[1]), sys.argv[2:]), indent=1))
