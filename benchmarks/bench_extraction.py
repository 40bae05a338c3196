"""Extraction benchmark: span P/R/F per label on dev and test, two baselines, and speed.

Prints a table and writes ``benchmarks/results/extraction_<date>.json`` (figures, versions, git
revision). Baselines a user would reach for instead:

- HORIZON: ``dateparser.search_dates`` (English) over each answer; each found date string is a
  predicted HORIZON, bucketed by its distance from the reference date.
- SKILL / TITLE: a plain lowercase ``PhraseMatcher`` over the raw, unfiltered taxonomy lists
  (O*NET technology examples and commodity titles plus every ESCO label for SKILL; O*NET
  occupation, alternate and reported titles for TITLE). Needs the taxonomy folder
  (``--taxonomy``, default ``../shared/taxonomy``); skipped with a note when it is absent.

Robustness: the same scores on the answers stripped of punctuation (as a transcript or a hurried
message might come), gold spans carried over to the stripped text.

Speed: the default pipeline's words per second against ``spacy.blank("en")`` tokenising the
same texts in the same process (best of three passes each), and the same ratio with the
pipeline cut after each component in turn.

Usage: python benchmarks/bench_extraction.py [--splits dev test] [--taxonomy DIR] [--no-baselines]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import gzip
import json
import sys
import time
import warnings
from pathlib import Path

import spacy

from _common import run_meta, strip_punctuation, write_result
from alignscore.datasets import load_corpus, load_jobs
from alignscore.evaluation import REFERENCE_YEAR, evaluate_extraction, score_spans
from alignscore.labels import bucket_for
from alignscore.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[1]


def dateparser_baseline(texts: list[str]) -> list[list[dict]]:
    from dateparser.search import search_dates

    now = dt.datetime(REFERENCE_YEAR, 6, 30)
    out = []
    for text in texts:
        spans = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": now}) or []
        pos = 0
        for sub, when in found:
            start = text.find(sub, pos)
            if start < 0:
                continue
            pos = start + len(sub)
            years = abs((when - now).days) / 365.25
            spans.append(
                {
                    "label": "HORIZON",
                    "start_char": start,
                    "end_char": pos,
                    "bucket": bucket_for(years, years),
                }
            )
        out.append(spans)
    return out


def taxonomy_matcher(taxonomy: Path):
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    onet = taxonomy / "onet-29.2"

    def rows(name: str) -> list[dict]:
        with (onet / name).open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh, delimiter="\t"))

    skills = {r["Example"] for r in rows("Technology Skills.txt")} | {
        r["Commodity Title"] for r in rows("Technology Skills.txt")
    }
    for rec in json.load(gzip.open(taxonomy / "esco" / "esco_skills_subset.json.gz")):
        skills.update({rec["label"], rec["altLabel"]})
    titles = {r["Title"] for r in rows("Occupation Data.txt")}
    titles |= {r["Alternate Title"] for r in rows("Alternate Titles.txt")}
    titles |= {r["Reported Job Title"] for r in rows("Sample of Reported Titles.txt")}
    matcher.add("SKILL", list(nlp.tokenizer.pipe(sorted(s for s in skills if s))))
    matcher.add("TITLE", list(nlp.tokenizer.pipe(sorted(t for t in titles if t))))

    def predict(texts: list[str]) -> list[list[dict]]:
        out = []
        for doc in nlp.tokenizer.pipe(texts):
            spans = [
                {
                    "label": nlp.vocab.strings[m],
                    "start_char": doc[s:e].start_char,
                    "end_char": doc[s:e].end_char,
                }
                for m, s, e in matcher(doc)
            ]
            out.append(spans)
        return out

    return predict


def speed(texts: list[str]) -> dict[str, float]:
    nlp = load_pipeline()
    blank = spacy.blank("en")
    words = sum(len(t.split()) for t in texts)
    for _ in nlp.pipe(texts[:50]):  # warm-up
        pass

    def best(fn) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    t_blank = best(lambda: [None for _ in blank.pipe(texts)])
    t_ours = best(lambda: [None for _ in nlp.pipe(texts)])
    # where the budget goes: the ratio with the pipeline cut after each component (the first
    # entry is our cleaning tokenizer alone), so a target can be read against the components
    # it cannot do without
    prefixes = {}
    for k in range(len(nlp.pipe_names)):
        kept = nlp.pipe_names[:k]
        with nlp.select_pipes(enable=kept):
            t_prefix = best(lambda: [None for _ in nlp.pipe(texts)])
        prefixes[kept[-1] if kept else "tokenizer"] = round(t_blank / t_prefix, 3)
    prefixes[nlp.pipe_names[-1]] = round(t_blank / t_ours, 3)
    return {
        "words": words,
        "tokenizer_words_per_s": round(words / t_blank),
        "pipeline_words_per_s": round(words / t_ours),
        "ratio_to_tokenizer": round(t_blank / t_ours, 3),
        "ratio_to_tokenizer_up_to": prefixes,
    }


def unpunctuated(corpus, nlp) -> dict:
    """Span scores on the answers stripped of punctuation, gold spans mapped to the new text."""
    from alignscore.extraction import doc_spans

    horizons = nlp.get_pipe("alignscore_horizons")
    saved, horizons.reference_year = horizons.reference_year, REFERENCE_YEAR
    golds, preds = [], []
    try:
        for text, spans in zip(corpus["answer"], corpus["spans"], strict=True):
            new, keep = strip_punctuation(text)
            gold = []
            for s in spans:
                a = bisect.bisect_left(keep, s["start_char"])
                b = bisect.bisect_left(keep, s["end_char"])
                if b > a:
                    gold.append({**s, "start_char": a, "end_char": b, "text": new[a:b]})
            golds.append(gold)
            preds.append([s.to_dict() for s in doc_spans(nlp(new), new)])
    finally:
        horizons.reference_year = saved
    return score_spans(golds, preds, ["GOAL", "HORIZON", "SKILL", "TITLE"])


def _row(name: str, res: dict, label: str) -> str:
    r = res.get(label)
    if not r:
        return ""
    s, x = r["strict"], r["relaxed"]
    return f"  {name:<28}{label:<9}{s['f1']:>7.3f}{x['precision']:>9.3f}{x['recall']:>8.3f}{x['f1']:>8.3f}{x['n_gold']:>7}"


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["dev", "test"])
    ap.add_argument("--taxonomy", default=str(ROOT.parent / "shared" / "taxonomy"))
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    taxonomy = Path(args.taxonomy)
    baseline_phrase = None
    if not args.no_baselines and taxonomy.is_dir():
        baseline_phrase = taxonomy_matcher(taxonomy)
    report: dict = {"splits": {}}
    print("label scores: strict F1 | relaxed P R F1 | gold spans")
    for split in args.splits:
        res = evaluate_extraction(split)
        corpus, jobs = load_corpus(split), load_jobs(split)
        entry = {k: res[k] for k in ("n_answers", "n_jobs", "answers", "answers_with_job", "jobs")}
        entry["answers_unpunctuated"] = unpunctuated(corpus, load_pipeline())
        if not args.no_baselines:
            entry["baseline_dateparser_answers"] = score_spans(
                corpus["spans"], dateparser_baseline(list(corpus["answer"])), ["HORIZON"]
            )
            if baseline_phrase:
                entry["baseline_phrasematcher_answers"] = score_spans(
                    corpus["spans"], baseline_phrase(list(corpus["answer"])), ["SKILL", "TITLE"]
                )
                entry["baseline_phrasematcher_jobs"] = score_spans(
                    jobs["job_spans"],
                    baseline_phrase(list(jobs["job_description"])),
                    ["SKILL", "TITLE"],
                )
        report["splits"][split] = entry
        print(f"\n{split}: {res['n_answers']} answers, {res['n_jobs']} job descriptions")
        for label in ("GOAL", "HORIZON", "SKILL", "TITLE"):
            print(_row("alignscore answers", entry["answers"], label))
            print(_row("alignscore answers+posting", entry["answers_with_job"], label))
            print(_row("alignscore, no punctuation", entry["answers_unpunctuated"], label))
            if label == "HORIZON" and "baseline_dateparser_answers" in entry:
                print(_row("dateparser answers", entry["baseline_dateparser_answers"], label))
            if "baseline_phrasematcher_answers" in entry:
                print(
                    _row(
                        "raw PhraseMatcher answers", entry["baseline_phrasematcher_answers"], label
                    )
                )
        for label in ("SKILL", "TITLE"):
            print(_row("alignscore postings", entry["jobs"], label))
            if "baseline_phrasematcher_jobs" in entry:
                print(
                    _row("raw PhraseMatcher postings", entry["baseline_phrasematcher_jobs"], label)
                )
        print(
            f"  HORIZON bucket accuracy: {entry['answers']['horizon_bucket_accuracy']:.3f} (n={entry['answers']['horizon_bucket_n']})"
        )
        if "baseline_dateparser_answers" in entry:
            print(
                f"  dateparser bucket accuracy: {entry['baseline_dateparser_answers']['horizon_bucket_accuracy']:.3f}"
            )
    if baseline_phrase is None and not args.no_baselines:
        print(f"\n(note: taxonomy folder {taxonomy} not found; PhraseMatcher baseline skipped)")
    corpus = load_corpus("all")
    texts = list(corpus["answer"]) * 3 + list(load_jobs("all")["job_description"])
    report["speed"] = speed(texts)
    sp = report["speed"]
    print(
        f"\nspeed on {sp['words']} words: pipeline {sp['pipeline_words_per_s']} words/s, "
        f"blank tokenizer {sp['tokenizer_words_per_s']} words/s, ratio {sp['ratio_to_tokenizer']:.2f}"
    )
    print(
        "  ratio with the pipeline cut after each component: "
        + ", ".join(f"{k} {v:.3f}" for k, v in sp["ratio_to_tokenizer_up_to"].items())
    )
    report["meta"] = run_meta()
    if not args.no_write:
        write_result("extraction", report)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
