"""clean_text: runs of spaces and tabs read as one space, with offsets into the original."""

from __future__ import annotations

import html

import pytest

from alignscore import extract
from alignscore.labels import GOAL, HORIZON
from alignscore.text import clean_text


def _assert_trimmed_to(text: str, expected: str) -> None:
    """``clean_text(text)`` is ``expected``, and maps back to exactly that part of ``text``."""
    clean = clean_text(text)
    assert clean.text == expected
    start, end = clean.to_original(0, len(clean.text))
    assert text[start:end] == expected


def labelled(text: str, label: str) -> list[str]:
    """The spans of ``label`` in ``text``, with their white space made single."""
    return [" ".join(s.text.split()) for s in extract(text) if s.label == label]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to lead.  Then mentor.", "I want to lead. Then mentor."),
        ("In  two   years", "In two years"),
        ("In\ttwo\t\tyears", "In two years"),
        ("a \t b", "a b"),
        ("line one  \n  line two", "line one \n line two"),  # newlines stay: they end bullets
        ("- yr 1:  SQL\n\n- yr 2:  dbt", "- yr 1: SQL\n\n- yr 2: dbt"),
        ("  leading and trailing  ", " leading and trailing "),
        ("one space only", "one space only"),
        ("R&amp;D <b>lead</b>", "R&D lead "),
        ("x&nbsp; y", "x y"),
    ],
)
def test_runs_of_spaces_and_tabs_become_one_space(text, expected):
    clean = clean_text(text)
    assert clean.text == expected
    # every clean character maps back to a character of the original that reads the same
    for i, ch in enumerate(clean.text):
        start, end = clean.to_original(i, i + 1)
        original = text[start:end]
        assert (
            original == ch
            or html.unescape(original).replace("\xa0", " ") == ch
            or (ch == " " and (original.isspace() or original.startswith("<")))
        )


def test_text_without_runs_keeps_no_offset_map():
    assert clean_text("I want to lead the team.").starts is None
    assert clean_text("In\ttwo years").starts is None  # a lone tab is a space, same length


@pytest.mark.parametrize(
    "text",
    [
        "In the next two years I want to master SQL.  Long term I want to lead the team.",
        "In  the  next  two  years  I  want  to  master  SQL.",
        "In the next two years\tI want to master SQL.",
    ],
)
def test_spaced_out_text_keeps_its_goals_and_horizons(text):
    single = " ".join(text.split())
    assert labelled(text, GOAL) == labelled(single, GOAL)
    assert labelled(text, HORIZON) == labelled(single, HORIZON)
    assert labelled(text, HORIZON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Q: How does this position align with your career goals?\nA: I want to lead QA.",
            "I want to lead QA.",
        ),
        (
            "Question: How does this role fit your career goals? Answer: In two years, lead QA.",
            "In two years, lead QA.",
        ),
        (
            "Interviewer: how does this job align with your long-term goals?\n\nMe: I want to lead.",
            "I want to lead.",
        ),
        (
            "How does this position align with my career goals? Closely: I want to lead.",
            "Closely: I want to lead.",
        ),
        # a question later in the answer, or one about something else, stays
        (
            "I want to lead QA. How does this align with my goals? Closely.",
            "I want to lead QA. How does this align with my goals? Closely.",
        ),
        ("Why QA? Because I want to lead it.", "Why QA? Because I want to lead it."),
        ("A: I want to lead QA.", "A: I want to lead QA."),
    ],
)
def test_an_echoed_interview_question_is_dropped(text, expected):
    _assert_trimmed_to(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for the question! I want to lead QA. Thank you.", "I want to lead QA."),
        ("Thank you for asking. I want to lead QA.", "I want to lead QA."),
        ("Great question. I want to lead QA.", "I want to lead QA."),
        ("That's a great question! Thank you. I want to lead QA.", "I want to lead QA."),
        ("I want to lead QA. Thank you for your time!", "I want to lead QA."),
        ("I want to lead QA.\n\nThanks so much.", "I want to lead QA."),
        ("thank you for the question, in 2 years I lead QA.", "in 2 years I lead QA."),
        (
            "Q: How does this role fit your goals?\nA: Thanks for asking. I want to lead QA.",
            "I want to lead QA.",
        ),
        # thanks that say something stay
        (
            "Thank you for this chance to move into QA. I want to lead it.",
            "Thank you for this chance to move into QA. I want to lead it.",
        ),
        (
            "I want to lead QA, thanks to the mentoring here.",
            "I want to lead QA, thanks to the mentoring here.",
        ),
        (
            "I want to thank my team. I want to lead QA.",
            "I want to thank my team. I want to lead QA.",
        ),
        # an answer that is nothing but thanks keeps its words
        ("Thank you.", "Thank you."),
        ("Great question. Thanks!", "Great question. Thanks!"),
    ],
)
def test_pleasantries_around_an_answer_are_dropped(text, expected):
    _assert_trimmed_to(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Thanks for asking!</p><p>I want to lead QA.</p>", "I want to lead QA.\n"),
        ("<p>I want to lead QA.</p><p>Thank you.</p>", "\nI want to lead QA."),
        ("Great question.<br>I want to lead QA.<br><br>Thanks!", "I want to lead QA."),
    ],
)
def test_pleasantries_in_markup_go_with_their_tags(text, expected):
    clean = clean_text(text)
    assert clean.text == expected
    start, end = clean.to_original(clean.text.index("I"), clean.text.index(".") + 1)
    assert text[start:end] == "I want to lead QA."


@pytest.mark.parametrize(
    "text",
    [
        "I want to learn SQL\x00 in two years",  # a NUL from a bad export
        "I want to learn SQL\x1b in two years",
        "I want to learn SQL \ud83d in two years",  # half an emoji: a lone surrogate
    ],
)
def test_control_characters_and_lone_surrogates_are_read_as_spaces(text):
    import alignscore

    r = alignscore.score(text, "Data Analyst. SQL.")
    assert [s.text for s in r.spans if s.label == "SKILL"] == ["SQL"]
    assert [s.text for s in r.spans if s.label == HORIZON] == ["in two years"]
    assert all(text[s.start_char : s.end_char] == s.text for s in r.spans)
