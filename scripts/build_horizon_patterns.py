"""Write ``src/alignscore/patterns/horizons.jsonl``: SpanRuler token patterns for time expressions.

Each HORIZON pattern's ``id`` names how the normaliser reads it (``deadline``: 0 to the quantity;
``point``: the quantity itself; ``duration``: 0 to the quantity; ``by_year``: 0 to the years left
until that calendar year; ``word_<bucket>``: a fixed range). NOT_HORIZON patterns mark past time
and requirement phrases ("two years ago", "for the past five years", "3+ years of experience");
a HORIZON overlapping one is dropped.

Usage: python scripts/build_horizon_patterns.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "alignscore" / "patterns" / "horizons.jsonl"

UNITS = ["year", "years", "yr", "yrs", "month", "months", "mo", "decade", "decades", "week", "weeks"]
UNIT = {"NORM": {"IN": UNITS}}
NUMWORDS = ["a", "an", "one", "couple", "few", "several", "half"]
NUM = {"LIKE_NUM": True}
CONNECT = {"NORM": {"IN": ["or", "to", "-", "–", "—", "and"]}}

# quantity + unit, as token lists
QUANTITIES: list[list[dict]] = [
    [NUM, UNIT],
    [NUM, CONNECT, NUM, UNIT],
    [{"NORM": {"IN": ["a", "an", "one"]}}, UNIT],
    [{"NORM": {"IN": ["a", "an", "one"]}}, UNIT, {"NORM": "or"}, {"NORM": {"IN": ["two", "2", "so"]}}],
    [{"NORM": {"IN": ["a", "an", "one"]}}, UNIT, {"NORM": "and"}, {"NORM": "a", "OP": "?"}, {"NORM": "half"}],
    [NUM, {"NORM": "and"}, {"NORM": "a", "OP": "?"}, {"NORM": "half"}, UNIT],
    [NUM, UNIT, {"NORM": "and"}, {"NORM": "a"}, {"NORM": "half"}],
    [{"NORM": "a", "OP": "?"}, {"NORM": "couple"}, {"NORM": "of", "OP": "?"}, UNIT],
    [{"NORM": "a", "OP": "?"}, {"NORM": "few"}, UNIT],
    [{"NORM": "several"}, UNIT],
    [{"NORM": "half"}, {"NORM": "a"}, UNIT],
    [NUM, {"ORTH": {"IN": ["-", "–"]}}, UNIT],  # five-year
]
DEADLINE_PREFIXES: list[list[dict]] = [
    [{"NORM": {"IN": ["in", "over", "within", "during", "for", "throughout"]}}, {"NORM": {"IN": ["the", "my", "our"]}, "OP": "?"}, {"NORM": {"IN": ["next", "coming", "following", "first", "upcoming"]}}],
    [{"NORM": {"IN": ["the", "my"]}}, {"NORM": {"IN": ["next", "coming", "first"]}}],
    [{"NORM": {"IN": ["next", "coming"]}}],
    [{"NORM": "within"}],
    [{"NORM": {"IN": ["inside", "under"]}}, {"NORM": "of", "OP": "?"}],
]
POINT_PREFIXES: list[list[dict]] = [
    [{"NORM": {"IN": ["in", "after", "around", "about"]}}],
    [{"NORM": {"IN": ["in", "after"]}}, {"NORM": {"IN": ["about", "around", "maybe", "roughly", "another", "like", "approximately", "say", "probably"]}}],
    [{"NORM": "by"}, {"NORM": "the", "OP": "?"}, {"NORM": {"IN": ["end", "time"]}}, {"NORM": "of"}, {"NORM": {"IN": ["the", "my"]}, "OP": "?"}, {"NORM": {"IN": ["first", "next"]}, "OP": "?"}],
]
POINT_SUFFIXES: list[list[dict]] = [
    [{"NORM": "from"}, {"NORM": {"IN": ["now", "today"]}}],
    [{"NORM": {"IN": ["'s", "’s"]}, "OP": "?"}, {"NORM": "time"}],
    [{"NORM": {"IN": ["down", "up"]}}, {"NORM": "the"}, {"NORM": {"IN": ["road", "line", "track"]}}],
    [{"NORM": "out"}],
    [{"NORM": {"IN": ["into", "in"]}}, {"NORM": "the"}, {"NORM": "role"}],
]

WORDS: dict[str, list[list[dict]]] = {
    "word_short": [
        [{"NORM": {"IN": ["short", "near"]}}, {"ORTH": "-", "OP": "?"}, {"NORM": {"IN": ["term", "run"]}}],
        [{"NORM": {"IN": ["in", "over", "for"]}}, {"NORM": "the"}, {"NORM": {"IN": ["short", "near"]}}, {"ORTH": "-", "OP": "?"}, {"NORM": {"IN": ["term", "run"]}}],
        [{"NORM": {"IN": ["immediate", "immediately"]}}],
        [{"NORM": "right"}, {"NORM": "away"}],
        [{"NORM": "in"}, {"NORM": "the"}, {"NORM": {"IN": ["near", "immediate"]}}, {"NORM": "future"}],
    ],
    "word_months": [
        [{"NORM": {"IN": ["in", "over", "during"]}}, {"NORM": "the"}, {"NORM": {"IN": ["coming", "next", "first"]}}, {"NORM": {"IN": ["few", "couple"]}, "OP": "?"}, {"NORM": "of", "OP": "?"}, {"NORM": {"IN": ["month", "months"]}}],
    ],
    "word_this_year": [
        [{"NORM": {"IN": ["next", "this"]}}, {"NORM": "year"}],
        [{"NORM": "by"}, {"NORM": "the"}, {"NORM": "end"}, {"NORM": "of"}, {"NORM": {"IN": ["the", "this"]}}, {"NORM": "year"}],
        [{"NORM": {"IN": ["in", "during", "within", "by", "after"]}, "OP": "?"}, {"NORM": {"IN": ["my", "the"]}}, {"NORM": "first"}, {"NORM": "year"}],
    ],
    "word_next_year_end": [
        [{"NORM": "by"}, {"NORM": "the"}, {"NORM": "end"}, {"NORM": "of"}, {"NORM": "next"}, {"NORM": "year"}],
    ],
    "year_n": [
        [{"NORM": "year"}, {"NORM": {"IN": ["one", "two", "three", "four", "five", "ten", "1", "2", "3", "4", "5", "10"]}}],
        [{"NORM": "by"}, {"NORM": "year"}, {"NORM": {"IN": ["one", "two", "three", "four", "five", "ten", "1", "2", "3", "4", "5", "10"]}}],
    ],
    "word_mid": [
        [{"NORM": {"IN": ["medium", "mid", "middle"]}}, {"ORTH": "-", "OP": "?"}, {"NORM": {"IN": ["term", "run"]}}],
        [{"NORM": "midterm"}],
        [{"NORM": {"IN": ["in", "over", "for"]}}, {"NORM": "the"}, {"NORM": {"IN": ["medium", "mid", "middle"]}}, {"ORTH": "-", "OP": "?"}, {"NORM": {"IN": ["term", "run"]}}],
    ],
    "word_long": [
        [{"NORM": {"IN": ["long", "longer"]}}, {"ORTH": "-", "OP": "?"}, {"NORM": {"IN": ["term", "run", "range"]}}],
        [{"NORM": {"IN": ["in", "over", "for", "on"]}}, {"NORM": "the"}, {"NORM": {"IN": ["long", "longer"]}}, {"ORTH": "-", "OP": "?"}, {"NORM": {"IN": ["term", "run", "haul"]}}],
    ],
    "word_open": [
        [{"NORM": {"IN": ["eventually", "ultimately", "someday", "one-day", "longterm"]}}],
        [{"NORM": {"IN": ["some", "one"]}}, {"NORM": "day"}],
        [{"NORM": {"IN": ["down", "further"]}}, {"NORM": {"IN": ["the", "down"]}}, {"NORM": {"IN": ["road", "line", "track"]}}],
        [{"NORM": "further"}, {"NORM": "down"}, {"NORM": "the"}, {"NORM": {"IN": ["road", "line", "track"]}}],
        [{"NORM": {"IN": ["in", "into"]}}, {"NORM": "the"}, {"NORM": {"IN": ["future", "years"]}}, {"NORM": "ahead", "OP": "?"}],
        [{"NORM": "in"}, {"NORM": "the"}, {"NORM": {"IN": ["distant", "far"]}}, {"NORM": "future"}],
        [{"NORM": {"IN": ["later", "further", "farther"]}}, {"NORM": {"IN": ["in", "into", "on"]}}, {"NORM": {"IN": ["my", "the"]}}, {"NORM": "career"}],
        [{"NORM": "later"}, {"NORM": "on"}],
        [{"NORM": {"IN": ["at", "from"]}}, {"NORM": "some"}, {"NORM": "point"}],
        [{"NORM": "over"}, {"NORM": "the"}, {"NORM": "years"}],
        [{"NORM": "over"}, {"NORM": "time"}],
    ],
}

NOT_HORIZON: list[list[dict]] = [
    *[[*q, {"NORM": "ago"}] for q in QUANTITIES],
    *[
        [{"NORM": {"IN": ["in", "for", "over", "during", "the", "within", "throughout"]}, "OP": "?"}, {"NORM": {"IN": ["the", "my", "those", "these"]}, "OP": "?"}, {"NORM": {"IN": ["last", "past", "previous", "prior", "recent"]}}, *q]
        for q in QUANTITIES
    ],
    [{"NORM": {"IN": ["last", "past", "previous"]}}, UNIT],
    *[[*q, {"NORM": "of"}, {"NORM": {"IN": ["experience", "expertise", "work"]}}] for q in QUANTITIES],
    *[[*q, {"NORM": {"IN": ["experience", "old"]}}] for q in QUANTITIES],
    [NUM, {"ORTH": "+"}, UNIT],
    [{"NORM": {"IN": ["since", "every", "each", "per"]}}, {"LIKE_NUM": True, "OP": "?"}, UNIT],
    [{"NORM": {"IN": ["at", "of", "after", "than", "over", "with"]}}, {"NORM": {"IN": ["least", "minimum", "more"]}, "OP": "?"}, NUM, {"ORTH": "+", "OP": "?"}, UNIT, {"NORM": "of"}],
    [{"NORM": {"IN": ["minimum", "min"]}}, {"NORM": "of", "OP": "?"}, NUM, UNIT],
]


def patterns() -> list[dict]:
    out: list[dict] = []
    for q in QUANTITIES:
        for p in DEADLINE_PREFIXES:
            out.append({"label": "HORIZON", "pattern": [*p, *q], "id": "deadline"})
        for p in POINT_PREFIXES:
            out.append({"label": "HORIZON", "pattern": [*p, *q], "id": "point"})
        for s in POINT_SUFFIXES:
            out.append({"label": "HORIZON", "pattern": [*q, *s], "id": "point"})
            out.append({"label": "HORIZON", "pattern": [{"NORM": "in"}, *q, *s], "id": "point"})
        out.append({"label": "HORIZON", "pattern": [{"NORM": "for"}, *q], "id": "duration"})
        out.append({"label": "HORIZON", "pattern": [{"NORM": "for"}, {"NORM": {"IN": ["another", "about", "around", "at"]}}, {"NORM": "least", "OP": "?"}, *q], "id": "duration"})
        out.append({"label": "HORIZON", "pattern": q, "id": "bare"})
    year = {"SHAPE": "dddd", "TEXT": {"REGEX": "^20[2-9][0-9]$"}}
    for p in (
        [{"NORM": {"IN": ["by", "before", "until", "till"]}}, year],
        [{"NORM": "by"}, {"NORM": "the"}, {"NORM": "end"}, {"NORM": "of"}, year],
        [{"NORM": "in"}, year],
    ):
        out.append({"label": "HORIZON", "pattern": p, "id": "by_year"})
    for kind, pats in WORDS.items():
        for p in pats:
            out.append({"label": "HORIZON", "pattern": p, "id": kind})
    for p in NOT_HORIZON:
        out.append({"label": "NOT_HORIZON", "pattern": p, "id": "past_or_requirement"})
    return out


def main() -> None:
    pats = patterns()
    with OUT.open("w", encoding="utf-8") as fh:
        for p in pats:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"wrote {len(pats)} patterns to {OUT}")


if __name__ == "__main__":
    main()
