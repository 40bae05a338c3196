"""Truth table of the surface-noise functions that training augments with."""

from __future__ import annotations

import pytest

from alignscore.noise import NOISES, noised, strip_punctuation, swap_letters, transcript


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to lead, then mentor.", "I want to lead then mentor"),
        ("C++ & SQL (3-5 years)", "C  SQL 35 years"),
        ("I'd like to—eventually—manage", "Id like toeventuallymanage"),
        ("Line one.\nLine two!", "Line one\nLine two"),
        ("Café: naïve résumé", "Café naïve résumé"),
        ("", ""),
    ],
)
def test_strip_punctuation_keeps_letters_digits_and_space(text, expected):
    assert strip_punctuation(text) == expected


def test_transcript_is_lowercase_without_punctuation():
    assert transcript("In 2 years, I'll lead QA.") == "in 2 years ill lead qa"


def test_swap_letters_swaps_neighbouring_letters_only():
    text = "I want to grow into a senior analyst role in 3-5 years."
    noisy = swap_letters(text, 4, seed=7)
    assert noisy != text
    assert len(noisy) == len(text) and sorted(noisy) == sorted(text)
    # digits, spaces and punctuation stay where they were
    assert [i for i, c in enumerate(noisy) if not c.isalpha()] == [
        i for i, c in enumerate(text) if not c.isalpha()
    ]
    assert sum(a != b for a, b in zip(text, noisy, strict=True)) <= 8


def test_swap_letters_is_reproducible_and_seeded():
    text = "Longer term I would like to manage the reporting team."
    assert swap_letters(text, seed="a-17") == swap_letters(text, seed="a-17")
    assert swap_letters(text, seed=1) != swap_letters(text, seed=2)


def test_swap_letters_on_text_without_letter_pairs():
    assert swap_letters("I a 1 2", 4) == "I a 1 2"
    assert swap_letters("", 4) == ""


def test_noised_applies_each_kind_and_rejects_unknown_ones():
    text = "Next year, I'll own the QA reports."
    assert noised(text, "lowercase") == "next year, i'll own the qa reports."
    assert noised(text, "no_punctuation") == "Next year Ill own the QA reports"
    assert noised(text, "transcript") == "next year ill own the qa reports"
    assert noised(text, "swapped_letters", seed=3) == swap_letters(text, seed=3)
    assert set(NOISES) == {"lowercase", "no_punctuation", "transcript", "swapped_letters"}
    with pytest.raises(KeyError, match="unknown noise"):
        noised(text, "shouting")
