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
