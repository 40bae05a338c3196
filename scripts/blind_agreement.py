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

from alignscore.datasets import label_agreement, labels_frame


def _records(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in sorted(paths) for line in p.read_text("utf-8").splitlines()]


def agreement(root: Path, names: list[str] | None = None) -> dict:
    """Per-score QWK and per-flag kappa between writers (all, or ``names``) and blind labels."""
    paths = [root / f"answers_{n}.jsonl" for n in names] if names else root.glob("answers_*.jsonl")
    writers = labels_frame(_records(list(paths)))
    blind = labels_frame(_records(list((root / "blind").glob("labels*.jsonl"))))
    return label_agreement(writers, blind)


if __name__ == "__main__":
    print(json.dumps(agreement(Path(sys.argv[1]), sys.argv[2:]), indent=1))
