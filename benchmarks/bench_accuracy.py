"""Accuracy benchmark: the scorer against baselines and the annotators, on dev and test.

Prints the model card's tables (``alignscore evaluate`` for each split) and writes
``benchmarks/results/accuracy_<date>.json`` with the figures, versions and git revision.
Test figures are final figures: nothing is tuned on them.

Also measures robustness to surface noise: for the strong answers of each split (gold overall
band >= 4), the share whose four scores all move by at most 0.1 when the answer is lowercased,
typed in capitals, stripped of punctuation, or has four pairs of neighbouring letters swapped
(the probe test's perturbations, applied to every strong answer instead of one), and when it is
both lowercased and stripped, as a speech transcript comes. Training adds the same kinds of
noise to the train split's answers (:mod:`alignscore.noise`, other random draws), never to these.

Usage: python benchmarks/bench_accuracy.py [--splits dev test]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys

import sklearn
import spacy
from _common import PERTURBATIONS, git_revision, write_result

import alignscore
from alignscore.datasets import load_corpus
from alignscore.labels import SCORES
from alignscore.training import evaluate, format_report


def robustness(split: str) -> dict:
    """Per perturbation: share of strong answers whose scores all move by <= 0.1, and the largest.

    ``bench_cv.py`` measures the same over the out-of-fold scores of train + dev, a steadier
    figure.
    """
    corpus = load_corpus(split)
    strong = corpus[corpus["overall"] >= 4]
    answers, jds = list(strong["answer"]), list(strong["job_description"])
    base = list(alignscore.score_many(answers, jds))
    out: dict = {"n_strong": len(answers)}
    for name, perturb in PERTURBATIONS.items():
        noisy = alignscore.score_many([perturb(a, i) for i, a in enumerate(answers)], jds)
        moves = [
            max(abs(getattr(b, t) - getattr(x, t)) for t in SCORES)
            for b, x in zip(base, noisy, strict=True)
        ]
        out[name] = {
            "share_within_0.1": round(sum(m <= 0.1 for m in moves) / len(moves), 3),
            "max_move": round(max(moves), 3),
        }
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["dev", "test"])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    report = {"splits": {}}
    for split in args.splits:
        res = evaluate(split)
        res["robustness"] = robustness(split)
        report["splits"][split] = res
        print(format_report(res))
        rob = res["robustness"]
        print(
            f"surface noise, {rob['n_strong']} strong answers: share with every score within 0.1 "
            + ", ".join(
                f"{k} {v['share_within_0.1']:.2f} (max {v['max_move']:.2f})"
                for k, v in rob.items()
                if isinstance(v, dict)
            ),
            end="\n\n",
        )
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
        write_result("accuracy", report)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
