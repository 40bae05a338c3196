from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from alignscore import CorpusError
from alignscore.datasets import (
    corpus_dir,
    load_corpus,
    load_jobs,
    summarize_corpus,
)
from alignscore.labels import FLAGS, SCORES


@pytest.fixture(scope="module")
def corpus():
    return load_corpus("all")


@pytest.fixture
def corpus_copy(tmp_path):
    for name in ("jobs.jsonl", "answers.jsonl", "splits.json"):
        shutil.copy(corpus_dir() / name, tmp_path / name)
    return tmp_path


def _rewrite(path, line_no, change):
    lines = path.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[line_no - 1])
    change(rec)
    lines[line_no - 1] = json.dumps(rec, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_corpus_meets_the_numbers(corpus):
    jobs = load_jobs()
    assert len(jobs) >= 48
    assert jobs["field"].nunique() >= 16
    assert len(corpus) >= 600
    assert corpus.groupby("jd_id").size().min() >= 12
    for level in ("entry", "mid", "senior"):
        assert (jobs["level"] == level).mean() >= 0.25
    assert {"startup", "corporation", "public_body", "nonprofit", "hospital"} <= set(
        jobs["org_type"]
    )
    words = corpus["answer"].str.split().str.len()
    assert words.min() >= 5 and words.max() <= 380


def test_length_does_not_predict_quality():
    assert abs(summarize_corpus()["length_overall_spearman"]) < 0.4


def test_frame_columns_and_types(corpus):
    for col in ("answer_id", "jd_id", "split", "answer", "job_description", "spans", *SCORES):
        assert col in corpus.columns
    for name in FLAGS:
        assert corpus[f"flag_{name}"].dtype == bool
    for name in SCORES:
        assert corpus[name].between(1, 5).all()


def test_span_offsets_index_the_text(corpus):
    for text, spans in zip(corpus["answer"], corpus["spans"], strict=True):
        for s in spans:
            assert text[s["start_char"] : s["end_char"]] == s["text"]


def test_splits_are_disjoint_by_job_and_test_is_about_a_fifth():
    jobs = load_jobs()
    by_split = jobs.groupby("split")["jd_id"].apply(set)
    assert not (by_split["train"] & by_split["test"])
    assert not (by_split["train"] & by_split["dev"])
    assert not (by_split["dev"] & by_split["test"])
    assert 0.15 <= len(by_split["test"]) / len(jobs) <= 0.25
    corpus = load_corpus()
    assert corpus.groupby("jd_id")["split"].nunique().max() == 1


def test_split_filter(corpus):
    dev = load_corpus("dev")
    assert set(dev["split"]) == {"dev"}
    assert len(dev) == (corpus["split"] == "dev").sum()
    with pytest.raises(CorpusError, match="split must be one of"):
        load_corpus("validation")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r["scores"].__setitem__("overall", 7), "score 'overall' must be an integer 1-5"),
        (lambda r: r["flags"].pop("vague"), "flag 'vague' must be true or false"),
        (lambda r: r.pop("text"), "missing key 'text'"),
        (lambda r: r.__setitem__("register", "shouting"), "'register' is 'shouting'"),
        (
            lambda r: r["spans"].append(
                {"label": "GOAL", "start_char": 0, "end_char": 3, "text": "zzz"}
            ),
            "but the span says 'zzz'",
        ),
        (
            lambda r: r["spans"].insert(
                0, {"label": "PERSON", "start_char": 0, "end_char": 1, "text": r["text"][0]}
            ),
            "'label' is 'PERSON'",
        ),
        (
            lambda r: r["spans"].append(
                {"label": "SKILL", "start_char": 0, "end_char": 10**6, "text": "x"}
            ),
            "outside the text",
        ),
    ],
)
def test_broken_answer_records_name_file_line_and_problem(corpus_copy, change, message):
    _rewrite(corpus_copy / "answers.jsonl", 5, change)
    with pytest.raises(CorpusError) as err:
        load_corpus(path=corpus_copy)
    assert "answers.jsonl:5" in str(err.value)
    assert message in str(err.value)


def test_bad_horizon_bucket_is_caught(corpus_copy):
    def change(rec):
        rec["spans"] = [
            {
                "label": "HORIZON",
                "start_char": 0,
                "end_char": 1,
                "text": rec["text"][0],
                "years_min": 0,
                "years_max": 2,
                "bucket": "long",
            }
        ]

    _rewrite(corpus_copy / "answers.jsonl", 3, change)
    with pytest.raises(
        CorpusError, match=r"answers.jsonl:3 .*bucket 'long' breaks the rubric rule"
    ):
        load_corpus(path=corpus_copy)


def test_invalid_json_line(corpus_copy):
    path = corpus_copy / "jobs.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][:-5]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"jobs.jsonl:2: not valid JSON"):
        load_jobs(path=corpus_copy)


def test_unknown_and_duplicate_ids(corpus_copy):
    _rewrite(corpus_copy / "answers.jsonl", 2, lambda r: r.__setitem__("jd_id", "nowhere-01"))
    with pytest.raises(CorpusError, match="unknown jd_id 'nowhere-01'"):
        load_corpus(path=corpus_copy)


def test_job_in_two_splits(corpus_copy):
    splits = json.loads((corpus_copy / "splits.json").read_text())
    splits["dev"].append(splits["test"][0])
    (corpus_copy / "splits.json").write_text(json.dumps(splits))
    with pytest.raises(CorpusError, match="is in both"):
        load_jobs(path=corpus_copy)


def test_missing_file(tmp_path):
    with pytest.raises(CorpusError, match="corpus file not found"):
        load_corpus(path=tmp_path)


def test_summary_is_json_ready():
    summary = summarize_corpus()
    json.dumps(summary)
    assert summary["answers"] == len(load_corpus())
    assert isinstance(load_corpus(), pd.DataFrame)
