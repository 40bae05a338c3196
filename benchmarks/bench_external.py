"""External checks: the scorer and the pipeline on postings and answers outside the training data.

Three sets, each written by writers who never saw the corpus or the code (see their READMEs):

- ``benchmarks/external``: six postings in fields the corpus lacks, 60 answers by two writers;
- ``benchmarks/external_2``: ten postings in ten more such fields, 130 answers by five writers
  (the second wave of the wider set, kept out of training);
- ``benchmarks/external_3``: ten postings in ten further fields, 130 answers by five more
  writers (the wider set's third wave, written as a check set).

For each, runs ``alignscore evaluate`` and ``alignscore evaluate-extraction``, prints both tables
and the agreement of the writers with a blind second annotator, and writes
``benchmarks/results/external_<date>.json``. Nothing is tuned on these sets.

Usage: python benchmarks/bench_external.py [--no-write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _common import run_meta, write_result

from alignscore.datasets import summarize_corpus
from alignscore.evaluation import evaluate_extraction
from alignscore.training import evaluate, format_report

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "external": ROOT / "benchmarks" / "external",
    "external_2": ROOT / "benchmarks" / "external_2",
    "external_3": ROOT / "benchmarks" / "external_3",
}


def check(name: str, data: Path) -> dict:
    """Print and return the scorer's, the annotators' and the extraction's figures on one set."""
    print(f"## {name} ({data.relative_to(ROOT)})\n")
    scores = evaluate("all", path=data)
    print(format_report(scores), end="\n\n")
    agreement = summarize_corpus(path=data).get("agreement")
    if agreement:
        flags = ", ".join(f"{k} {v:.2f}" for k, v in agreement["flags"].items())
        print(f"writers vs blind annotator ({agreement['n']} answers): flag kappa {flags}\n")
    ext = evaluate_extraction("all", path=data)
    print(f"{'part':<18}{'label':<9}{'strict F1':>10}{'P':>8}{'R':>8}{'relaxed F1':>11}{'gold':>6}")
    extraction = {}
    for part in ("answers", "answers_with_job", "jobs"):
        extraction[part] = ext[part]
        for label, r in ext[part].items():
            if isinstance(r, dict):
                x = r["relaxed"]
                print(
                    f"{part:<18}{label:<9}{r['strict']['f1']:>10.3f}{x['precision']:>8.3f}"
                    f"{x['recall']:>8.3f}{x['f1']:>11.3f}{x['n_gold']:>6}"
                )
    print(f"HORIZON bucket accuracy {ext['answers']['horizon_bucket_accuracy']:.3f}\n")
    return {"scores": scores, "agreement": agreement, "extraction": extraction}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    report = {name: check(name, data) for name, data in SETS.items()}
    report["meta"] = run_meta()
    if not args.no_write:
        write_result("external", report)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
