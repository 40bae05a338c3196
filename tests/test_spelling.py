"""Truth table of the swapped-letter typo repair, and its offsets through the pipeline."""

from __future__ import annotations

import pytest

from alignscore import extract
from alignscore.spelling import TypoRepair, default_repair


@pytest.mark.parametrize(
    ("typo", "fixed"),
    [
        ("yaers", "years"),
        ("wnat", "want"),
        ("becuase", "because"),
        ("beleive", "believe"),
        ("buisness", "business"),
        ("recieve", "receive"),
        ("mangaer", "manager"),
        ("improev", "improve"),
    ],
)
def test_swapped_letters_are_repaired(typo, fixed):
    assert default_repair()(f"in two {typo} time") == f"in two {fixed} time"


@pytest.mark.parametrize(
    "word",
    [
        "Paris",  # capitalised: a name
        "Meta",
        "IFRS",  # capitals: an acronym
        "ifrs",  # a taxonomy name typed in lowercase
        "wset",
        "lsat",
        "barely",  # a common word, even though "barley" is one swap away
        "forth",
        "theres",  # common spellings without the apostrophe
        "ive",
        "cpo",  # three letters: too short to tell
        "teh",
        "sliver",  # a rare word that is in the lexicon
        "kubernetes",  # unknown, with no common neighbour
        "solid-state",  # hyphenated and apostrophised words are left whole
        "dont",
    ],
)
def test_words_that_must_stay(word):
    text = f"we talked about {word} today"
    assert default_repair()(text) == text


def test_repair_prefers_the_most_common_neighbour_and_keeps_length():
    repair = TypoRepair(frozenset(), {"bacd": -9.0, "abdc": -6.0})
    assert repair("x abcd y") == "x abdc y"  # both are one swap away; the commoner wins
    rare = TypoRepair(frozenset(), {"bacd": -12.9})
    assert rare("x abcd y") == "x abcd y"  # not common enough to be the intended word
    known = TypoRepair(frozenset({"abcd"}), {"bacd": -6.0})
    assert known("x abcd y") == "x abcd y"  # in the lexicon: spelled on purpose


def test_spans_quote_the_callers_text_with_the_typo():
    text = "In the next two yaers I wnat to master SQL."
    spans = extract(text)
    horizon = next(s for s in spans if s.label == "HORIZON")
    assert horizon.text == "In the next two yaers"
    assert text[horizon.start_char : horizon.end_char] == horizon.text
    assert any(s.label == "GOAL" for s in spans)
