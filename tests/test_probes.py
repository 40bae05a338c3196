"""Probe tests: non-answers must not look like good answers; surface noise must not move scores."""

from __future__ import annotations

import random

import pytest

from alignscore import score
from alignscore.datasets import load_jobs
from alignscore.noise import strip_punctuation, swap_letters, transcript

TEST_JOBS = load_jobs("test")
OFF_TOPIC = (
    "The weekend was great. We drove to the coast, the weather was warm and the fish and chips "
    "were excellent. My sister has a new puppy called Biscuit who chews everything, and we spent "
    "Sunday afternoon walking along the cliffs before the traffic on the way home."
)


def _skills(row) -> list[str]:
    return [s["text"] for s in row.job_spans if s["label"] == "SKILL"] or row.title.split()


def _gibberish(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice("bcdfghjklmnpqrstvwxz aeiou") for _ in range(rng.randint(3, 9)))
        for _ in range(40)
    )


@pytest.mark.parametrize("row", list(TEST_JOBS.itertuples()), ids=list(TEST_JOBS["jd_id"]))
def test_non_answers_score_low_for_every_test_posting(row):
    jd = row.job_description
    probes = {
        "keyword stuffing": ", ".join(_skills(row)),
        "pasted posting": " ".join(jd.split()[:120]),
        "gibberish": _gibberish(len(jd)),
        "off-topic": OFF_TOPIC,
    }
    for name, text in probes.items():
        band = score(text, jd).bands["overall"]
        assert band <= 2, f"{name} got overall band {band}"


STRONG = (
    "In my first year I want to get properly fluent in the tools this role uses every day and own "
    "two of the weekly reports, so the team stops waiting on ad-hoc requests. The mentoring here is "
    "exactly the bridge I need. Longer term, I'd like to grow into a senior role leading the "
    "projects that matter most to your customers."
)


@pytest.mark.parametrize(
    "perturb",
    [str.lower, strip_punctuation, transcript, lambda t: swap_letters(t, 4, seed=0)],
    ids=["lowercase", "no punctuation", "transcript", "swapped letters"],
)
def test_surface_noise_moves_no_score_by_more_than_a_tenth(perturb):
    jd = TEST_JOBS["job_description"].iloc[0]
    base = score(STRONG, jd)
    noisy = score(perturb(STRONG), jd)
    for name in ("alignment", "specificity", "employer_focus", "overall"):
        assert abs(getattr(base, name) - getattr(noisy, name)) <= 0.1, name


@pytest.mark.parametrize(
    "rewrite",
    [
        # runs of spaces read as one space: the answer is the same answer
        lambda t: t.replace(" ", "  ").replace(". ", ".\t"),
        # a transcript's "Q: <the question> A:" before the answer is not the candidate's words
        lambda t: "Q: How does this position align with your career goals?\nA: " + t,
        # thanks before and after the answer say nothing about the candidate's goals
        lambda t: "Thanks for the question! " + t + " Thank you.",
        lambda t: "Great question. " + t + "\n\nThank you for your time!",
    ],
    ids=["doubled_spaces_and_tabs", "echoed_question", "thanks_around", "praise_and_thanks"],
)
def test_layout_around_the_same_words_changes_no_score(rewrite):
    jd = TEST_JOBS["job_description"].iloc[0]
    base = score(STRONG, jd)
    rewritten = score(rewrite(STRONG), jd)
    for name in ("alignment", "specificity", "employer_focus", "overall"):
        assert getattr(rewritten, name) == pytest.approx(getattr(base, name), abs=1e-12), name
    assert rewritten.flags == base.flags
