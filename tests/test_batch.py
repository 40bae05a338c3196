from __future__ import annotations

import pandas as pd

import alignscore
from alignscore.datasets import load_corpus


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
