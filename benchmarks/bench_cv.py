"""Grouped cross-validation of the scorer on train + dev: a steadier yardstick than dev alone.

Dev has 104 answers to 8 postings, and a change to 19 training answers can move its QWK by 0.03.
This script pools train and dev (676 answers, 52 postings), splits the postings into six folds
(two shuffles), fits :class:`~alignscore.estimators.RubricScorer` on five folds and scores the
sixth, exactly as ``alignscore train`` fits it (the five folds' answers and their noised copies,
:func:`alignscore.training.training_rows`; only the clean answers of the sixth are scored), and
prints the mean QWK per score over both shuffles: of the model's bands, and of the bands the
scorer reports after its rules (:func:`alignscore.flags.settle`: non-answer caps, the flags and
the caps they bring). Comparing two revisions of the pipeline, the features or the rules means
running it at each. The test split is never read.

Also the steadier robustness figure: for the strong answers (gold overall 4-5) among the scored
ones, the share whose four scores all move by at most 0.1 under each surface noise of
``bench_accuracy.py`` (lowercase, capitals, no punctuation, swapped letters, transcript), scored
by the same out-of-fold models: about 300 strong answers instead of the test split's 45.

Prints a table and writes ``benchmarks/results/cv_<date>.json``.

With ``--group field`` the folds hold out whole fields (all postings of a trade), the setting of
an answer to a posting in a trade the corpus lacks.

Usage: python benchmarks/bench_cv.py [--folds 6] [--shuffles 2] [--group posting|field] [--no-write]
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import numpy as np
import pandas as pd
from _common import PERTURBATIONS, run_meta, write_result
from sklearn.metrics import cohen_kappa_score
from threadpoolctl import threadpool_limits

from alignscore.compiled import band_of
from alignscore.datasets import load_corpus
from alignscore.estimators import RubricScorer
from alignscore.features import FLAG_ONLY_FEATURES
from alignscore.flags import settle
from alignscore.labels import SCORES
from alignscore.noise import NOISES
from alignscore.pipeline import load_pipeline
from alignscore.training import corpus_features, model_features, training_rows


def grouped_cv(
    folds: int = 6,
    shuffles: int = 2,
    group: str = "posting",
    X: pd.DataFrame | None = None,
    make_estimator: Any = None,
    noises: tuple[str, ...] = tuple(NOISES),
    surface_noise: bool = True,
) -> dict:
    """Mean and per-shuffle QWK of out-of-fold bands on train + dev, folds grouped by posting.

    Args:
        folds: Number of folds.
        shuffles: Number of shuffles of the groups into folds.
        group: ``"posting"`` (the test split's setting: every scored posting unseen) or
            ``"field"`` (every scored field unseen, as for postings in a new trade; the
            18 fields of train + dev, the field being the posting id without its number).
        X: The pair features of ``training_rows(corpus, noises)`` (default: computed with the
            packaged pipeline).
        make_estimator: A callable returning the estimator to fit (default:
            ``RubricScorer(random_state=0)``, as ``alignscore train`` fits it).
        noises: The noise kinds whose copies of the training folds' answers are trained on (as
            ``alignscore train`` does); ``()`` for none.
        surface_noise: Whether to measure how far the perturbations of ``PERTURBATIONS`` move
            the out-of-fold scores of the strong answers.
    """
    corpus = load_corpus("all")
    corpus = corpus[corpus["split"] != "test"].reset_index(drop=True)
    rows = training_rows(corpus, noises)
    clean = (rows["noise"] == "").to_numpy()
    source = rows["source"].to_numpy()
    # the rules after the model read every feature of the clean answers, the flag-only ones too;
    # the scorer is trained on the same features without those (model_features)
    if X is None:
        every = corpus_features(rows, load_pipeline())
        X = every.drop(columns=list(FLAG_ONLY_FEATURES))
        full = every[clean].set_axis(source[clean]).sort_index().to_dict("records")
    else:
        full = corpus_features(corpus, load_pipeline()).to_dict("records")
    noisy = {}
    if surface_noise:
        nlp = load_pipeline()
        for name, perturb in PERTURBATIONS.items():
            part = corpus.copy()
            part["answer"] = [perturb(a, i) for i, a in enumerate(corpus["answer"])]
            noisy[name] = model_features(part, nlp)
    strong = (corpus["overall"] >= 4).to_numpy()
    empty = [not any(ch.isalpha() for ch in a) for a in corpus["answer"]]
    make_estimator = make_estimator or (lambda: RubricScorer(random_state=0))
    groups = corpus["jd_id"]
    if group == "field":
        groups = groups.str.replace(r"-\d+$", "", regex=True)
    elif group != "posting":
        raise ValueError(f"group is 'posting' or 'field', got {group!r}")
    per_shuffle, ruled, moves = [], [], {name: [] for name in noisy}
    for seed in range(shuffles):
        postings = np.array(sorted(groups.unique()))
        np.random.default_rng(seed).shuffle(postings)
        answer_fold = groups.map({p: i % folds for i, p in enumerate(postings)}).to_numpy()
        fold = answer_fold[source]
        pred = np.zeros((len(corpus), len(SCORES)))
        noisy_pred = {name: np.zeros_like(pred) for name in noisy}
        for k in range(folds):
            tr, te = fold != k, (fold == k) & clean
            with threadpool_limits(1):
                est = make_estimator().fit(
                    X[tr],
                    rows.loc[tr, list(SCORES)],
                    groups=rows.loc[tr, "jd_id"],
                    originals=clean[tr],
                )
            pred[source[te]] = est.predict(X[te])
            for name, Xn in noisy.items():
                scored = answer_fold == k
                noisy_pred[name][scored] = est.predict(Xn[scored])
        for name in noisy:
            moves[name].append(np.abs(noisy_pred[name] - pred).max(axis=1)[strong])
        bands = band_of(pred)
        per_shuffle.append(
            {
                t: round(float(cohen_kappa_score(corpus[t], bands[:, i], weights="quadratic")), 4)
                for i, t in enumerate(SCORES)
            }
        )
        # what the scorer reports: the same predictions after the rules (caps, flag caps)
        settled = []
        for k, row in enumerate(full):
            b = {t: int(bands[k, i]) for i, t in enumerate(SCORES)}
            settle(row, b, {t: float(pred[k, i]) for i, t in enumerate(SCORES)}, empty=empty[k])
            settled.append([b[t] for t in SCORES])
        settled = np.array(settled)
        ruled.append(
            {
                t: round(float(cohen_kappa_score(corpus[t], settled[:, i], weights="quadratic")), 4)
                for i, t in enumerate(SCORES)
            }
        )
    mean = {t: round(float(np.mean([s[t] for s in per_shuffle])), 3) for t in SCORES}
    mean_ruled = {t: round(float(np.mean([s[t] for s in ruled])), 3) for t in SCORES}
    return {
        "group": group,
        "n_answers": len(corpus),
        "n_groups": int(groups.nunique()),
        "folds": folds,
        "qwk_mean": mean,
        "qwk_per_shuffle": per_shuffle,
        "qwk_mean_after_rules": mean_ruled,
        "qwk_after_rules_per_shuffle": ruled,
        "surface_noise": {
            "n_strong": int(strong.sum()),
            **{
                name: {
                    "share_within_0.1": round(float(np.mean(np.concatenate(m) <= 0.1)), 3),
                    "max_move": round(float(np.concatenate(m).max()), 3),
                }
                for name, m in moves.items()
            },
        },
    }


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--shuffles", type=int, default=2)
    ap.add_argument("--group", choices=["posting", "field"], default="posting")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    report = grouped_cv(args.folds, args.shuffles, args.group)
    print(
        f"{report['folds']}-fold CV on train + dev grouped by {args.group} "
        f"({report['n_answers']} answers, {report['n_groups']} groups), "
        f"mean QWK over {args.shuffles} shuffles:"
    )
    for t, v in report["qwk_mean"].items():
        print(f"  {t:<16}{v:.3f}")
    print("after the rules the scorer applies (non-answer caps, flags and their caps):")
    for t, v in report["qwk_mean_after_rules"].items():
        print(f"  {t:<16}{v:.3f}")
    noise = report["surface_noise"]
    if len(noise) > 1:
        print(
            f"surface noise, {noise['n_strong']} strong answers (each shuffle): share with every "
            "score within 0.1 "
            + ", ".join(
                f"{k} {v['share_within_0.1']:.2f} (max {v['max_move']:.2f})"
                for k, v in noise.items()
                if isinstance(v, dict)
            )
        )
    report["meta"] = run_meta()
    if not args.no_write:
        write_result("cv" if args.group == "posting" else "cv_field", report)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
