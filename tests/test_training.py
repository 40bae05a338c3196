"""training_rows: the noised copies training adds, with their labels, postings and sources."""

from __future__ import annotations

import pandas as pd

from alignscore.labels import SCORES
from alignscore.noise import NOISES, swap_letters
from alignscore.training import training_rows


def _rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "answer_id": ["a-1", "a-2"],
            "jd_id": ["jd-7", "jd-9"],
            "answer": ["In two years, I'd like to lead QA.", "I want to learn SQL; then BI."],
            **{t: [4, 2] for t in SCORES},
        },
        index=[10, 11],
    )


def test_training_rows_adds_one_copy_per_noise_with_the_same_labels():
    rows = training_rows(_rows())
    assert len(rows) == 2 * (1 + len(NOISES))
    assert list(rows.index) == list(range(len(rows)))
    assert list(rows["noise"]) == ["", ""] + [k for k in NOISES for _ in range(2)]
    assert list(rows["source"]) == [0, 1] * (1 + len(NOISES))
    for col in ("answer_id", "jd_id", *SCORES):
        assert list(rows[col]) == list(_rows()[col]) * (1 + len(NOISES))
    by_noise = rows.set_index(["noise", "source"])["answer"]
    assert by_noise[("", 0)] == "In two years, I'd like to lead QA."
    assert by_noise[("lowercase", 0)] == "in two years, i'd like to lead qa."
    assert by_noise[("no_punctuation", 1)] == "I want to learn SQL then BI"
    assert by_noise[("transcript", 1)] == "i want to learn sql then bi"
    # swaps are seeded by answer and kind: the same copies on every run
    assert by_noise[("swapped_letters", 0)] == swap_letters(
        "In two years, I'd like to lead QA.", seed="a-1:swapped_letters"
    )
    assert by_noise[("swapped_letters", 0)] != by_noise[("", 0)]
    assert training_rows(_rows()).equals(rows)


def test_training_rows_without_noise_is_the_rows_alone():
    rows = training_rows(_rows(), ())
    assert list(rows["answer"]) == list(_rows()["answer"])
    assert list(rows["noise"]) == ["", ""]
