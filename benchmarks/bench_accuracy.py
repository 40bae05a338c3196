"""Accuracy benchmark: the scorer against baselines and the annotators, on dev and test.

Prints the model card's tables (``alignscore evaluate`` for each split) and writes
``benchmarks/results/accuracy_<date>.json`` with the figures, versions and git revision.
Test figures are final figures: nothing is tuned on them.

Usage: python benchmarks/bench_accuracy.py [--splits dev test]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
from pathlib import Path

import sklearn
import spacy

import alignscore
from _common import git_revision
from alignscore.training import evaluate, format_report

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["dev", "test"])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    report = {"splits": {}}
    for split in args.splits:
        res = evaluate(split)
        report["splits"][split] = res
        print(format_report(res), end="\n\n")
    rev = git_revision()
    report["meta"] = {
        "date": dt.date.today().isoformat(),
        "git_revision": rev,
        "alignscore": alignscore.__version__,
        "model_meta": alignscore.load().meta.get("artefact_sha256"),
        "scikit-learn": sklearn.__version__,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
    }
    if not args.no_write:
        out = ROOT / "benchmarks" / "results" / f"accuracy_{report['meta']['date']}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=1) + "\n")
        print(f"wrote {out.relative_to(ROOT)}")
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
