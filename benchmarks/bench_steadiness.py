"""Steadiness under retraining: how far dev scores move when a few training answers change.

A scorer trained on a few hundred answers can move its predictions when the training data moves
a little, and single-split figures then swing from one retraining to the next. This script fits
the scorer as ``alignscore train`` does (train split and its noised copies), then refits it
``--repeats`` times, each time without ``--drop`` training answers drawn at random (and without
their copies), and reports on the dev split, against the full model:

- the mean absolute change of each score (floats in [0, 1]);
- the share of dev answers whose band changes on at least one score.

``--n-bags`` sets :class:`~alignscore.estimators.RubricScorer`'s bag size and ``--calibration``
its calibrator (defaults: the library's), so that two settings can be compared. Test is never
read.

Usage: python benchmarks/bench_steadiness.py [--n-bags 5] [--calibration smooth|isotonic]
       [--drop 10] [--repeats 4] [--no-write]
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from _common import run_meta, write_result

from alignscore.compiled import band_of
from alignscore.datasets import load_corpus
from alignscore.estimators import RubricScorer
from alignscore.labels import SCORES
from alignscore.pipeline import load_pipeline
from alignscore.training import fit_scorer, model_features, training_rows


def steadiness(
    n_bags: int, drop: int = 10, repeats: int = 4, seed: int = 0, calibration: str = "smooth"
) -> dict:
    """Mean score change and band-change share on dev when ``drop`` training answers go."""
    nlp = load_pipeline()
    corpus = load_corpus("all")
    rows = training_rows(corpus[corpus["split"] == "train"])
    X = model_features(rows, nlp)
    X_dev = model_features(corpus[corpus["split"] == "dev"], nlp)

    def fit(keep: np.ndarray) -> RubricScorer:
        return fit_scorer(X[keep], rows[keep], n_bags=n_bags, calibration=calibration)

    full = fit(np.ones(len(rows), dtype=bool)).predict(X_dev)
    rng = np.random.default_rng(seed)
    changes, flips = [], []
    for _ in range(repeats):
        dropped = rng.choice(int(rows["source"].max()) + 1, drop, replace=False)
        pred = fit(~rows["source"].isin(dropped).to_numpy()).predict(X_dev)
        changes.append(np.abs(pred - full).mean(axis=0))
        flips.append(float((band_of(pred) != band_of(full)).any(axis=1).mean()))
    return {
        "n_bags": n_bags,
        "calibration": calibration,
        "dropped_answers": drop,
        "repeats": repeats,
        "n_dev": len(X_dev),
        "mean_abs_change": {
            t: round(float(v), 4) for t, v in zip(SCORES, np.mean(changes, axis=0), strict=True)
        },
        "band_change_share": round(float(np.mean(flips)), 3),
    }


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n-bags", type=int, default=RubricScorer().n_bags)
    ap.add_argument(
        "--calibration", choices=["smooth", "isotonic"], default=RubricScorer().calibration
    )
    ap.add_argument("--drop", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=4)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    report = steadiness(args.n_bags, args.drop, args.repeats, calibration=args.calibration)
    print(
        f"n_bags {report['n_bags']}, {args.calibration} calibration, {args.drop} training "
        f"answers dropped, {args.repeats} repeats, {report['n_dev']} dev answers: mean |change| "
        + ", ".join(f"{t} {v:.3f}" for t, v in report["mean_abs_change"].items())
        + f"; answers with a band change {report['band_change_share']:.2f}"
    )
    report["meta"] = run_meta()
    if not args.no_write:
        suffix = "" if args.calibration == "smooth" else f"_{args.calibration}"
        write_result(f"steadiness_bags{args.n_bags}{suffix}", report)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
