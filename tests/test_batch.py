from __future__ import annotations

import pandas as pd
import pytest

import alignscore
from alignscore.datasets import load_corpus

JD = "Data Analyst. You will build SQL reports in Tableau. Mentoring and a certification budget."
GOOD = "In my first year I want to master SQL and Tableau and own the weekly reports for the team."


def test_score_many_equals_score_one_by_one_on_dev():
    dev = load_corpus("dev")
    batch = list(
        alignscore.score_many(list(dev["answer"]), list(dev["job_description"]), batch_size=32)
    )
    single = [
        alignscore.score(a, j) for a, j in zip(dev["answer"], dev["job_description"], strict=True)
    ]
    assert batch == single


def test_n_process_two_keeps_order():
    dev = load_corpus("dev").head(24)
    one = list(alignscore.score_many(dev["answer"], dev["job_description"], batch_size=8))
    two = list(
        alignscore.score_many(dev["answer"], dev["job_description"], batch_size=8, n_process=2)
    )
    assert [r.to_dict() for r in two] == [r.to_dict() for r in one]


def test_score_frame_row_count_and_columns():
    dev = load_corpus("dev").head(10).set_index("answer_id")
    out = alignscore.score_frame(dev)
    assert len(out) == len(dev) and list(out.index) == list(dev.index)
    assert out["error"].isna().all()
    assert isinstance(out, pd.DataFrame)


def test_equal_postings_in_a_batch_become_one_object():
    from alignscore.api import _share_postings

    jd_a = "".join(["Data ", "Analyst. SQL required."])
    jd_b = "".join(["Data Analyst.", " SQL required."])
    assert jd_a == jd_b and jd_a is not jd_b
    chunk = [(0, ("x", jd_a)), (1, ("y", jd_b)), (2, ("z", None)), (3, ("w", 5))]
    shared = _share_postings(chunk)
    assert [(i, a) for i, (a, _) in shared] == [(0, "x"), (1, "y"), (2, "z"), (3, "w")]
    assert shared[0][1][1] is shared[1][1][1]
    assert shared[2][1][1] is None and shared[3][1][1] == 5


def test_score_frames_over_chunks_equals_score_frame_over_the_whole():
    dev = load_corpus("dev").head(11).set_index("answer_id")
    whole = alignscore.score_frame(dev)
    chunks = [dev.iloc[:4], dev.iloc[4:4], dev.iloc[4:11], dev.iloc[11:11]]
    out = list(alignscore.score_frames(chunks, keep=["jd_id"], batch_size=3))
    assert [len(o) for o in out] == [4, 0, 7, 0]
    # a stream of empty frames only (a file with a header and no rows) runs to its end
    assert [len(o) for o in alignscore.score_frames([dev.iloc[:0], dev.iloc[:0]])] == [0, 0]
    assert all(list(o.columns[:1]) == ["jd_id"] for o in out)
    pd.testing.assert_frame_equal(pd.concat([o.drop(columns="jd_id") for o in out]), whole)


def test_scored_frames_have_one_schema_whatever_their_rows():
    schema = alignscore.frame_schema().dtypes
    ok = alignscore.score_frame(pd.DataFrame({"answer": [GOOD], "job_description": [JD]}))
    bad = alignscore.score_frame(
        pd.DataFrame({"answer": [None, pd.NA], "job_description": [JD, JD]}, dtype=object)
    )
    for frame in (ok, bad):
        pd.testing.assert_series_equal(frame.dtypes, schema)
    assert bad["error"].str.contains("missing").all()  # pd.NA is missing, like None and NaN
    assert ok["error"].tolist() == [None]


def test_score_frames_names_a_missing_keep_column():
    with pytest.raises(alignscore.InvalidInputError, match="Missing columns"):
        frame = pd.DataFrame({"answer": ["x"], "job_description": [JD]})
        next(alignscore.score_frames([frame], keep=["id"]))
