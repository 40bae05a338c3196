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
UNIT = {"LEMMA": {"IN": UNITS}}
NUMWORDS = ["a", "an", "one", "couple", "few", "several", "half"]
NUM = {"LIKE_NUM": True}
CONNECT = {"LEMMA": {"IN": ["or", "to", "-", "–", "—", "and"]}}

# quantity + unit, as token lists
FILLER = {"LOWER": {"IN": [",", "like", "say", "maybe", "about", "around", "roughly", "approximately", "probably", "um", "uh", "another", "perhaps", "realistically"]}, "OP": "*"}
MORE = {"LOWER": {"IN": ["more", "further", "additional"]}, "OP": "?"}
OR_SO = {"LOWER": {"IN": ["or", "ish"]}, "OP": "?"}
ORDINALS = ["first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th"]
QUANTITIES: list[list[dict]] = [
    [NUM, MORE, UNIT],
    [NUM, CONNECT, {"LOWER": {"IN": ["maybe", "perhaps", "or"]}, "OP": "?"}, NUM, MORE, UNIT],
    [NUM, {"ORTH": ","}, {"LOWER": {"IN": ["maybe", "perhaps"]}, "OP": "?"}, NUM, MORE, UNIT],
    [{"LEMMA": {"IN": ["a", "an", "one", "another"]}}, UNIT],
    [{"LEMMA": {"IN": ["a", "an", "one", "another"]}, "OP": "?"}, UNIT, {"LEMMA": "or"}, {"LEMMA": {"IN": ["two", "2", "so", "three", "3"]}}],
    [{"LEMMA": {"IN": ["a", "an", "one"]}}, UNIT, {"LEMMA": "and"}, {"LEMMA": "a", "OP": "?"}, {"LEMMA": "half"}],
    [NUM, {"LEMMA": "and"}, {"LEMMA": "a", "OP": "?"}, {"LEMMA": "half"}, UNIT],
    [NUM, UNIT, {"LEMMA": "and"}, {"LEMMA": "a"}, {"LEMMA": "half"}],
    [{"LEMMA": "a", "OP": "?"}, {"LEMMA": "couple"}, {"LEMMA": "of", "OP": "?"}, MORE, UNIT],
    [{"LEMMA": "a", "OP": "?"}, {"LEMMA": "few"}, MORE, UNIT],
    [{"LEMMA": {"IN": ["several", "some"]}}, MORE, UNIT],
    [{"LEMMA": "half"}, {"LEMMA": "a"}, UNIT],
    [NUM, {"ORTH": {"IN": ["-", "–"]}}, UNIT],  # five-year
    [NUM, {"ORTH": "+"}, UNIT],  # 5+ yrs (a horizon in notes; "3+ years of experience" is not)
    [NUM, UNIT, {"ORTH": "+"}],
]
QUANTITIES = [*QUANTITIES, *[[*q, {"LOWER": "or"}, {"LOWER": "so"}] for q in QUANTITIES[:3]]]
DEADLINE_PREFIXES: list[list[dict]] = [
    [{"LEMMA": {"IN": ["in", "over", "within", "during", "for", "throughout"]}}, {"LEMMA": {"IN": ["the", "my", "our"]}, "OP": "?"}, {"LEMMA": {"IN": ["next", "coming", "following", "first", "upcoming"]}}],
    [{"LEMMA": {"IN": ["the", "my"]}}, {"LEMMA": {"IN": ["next", "coming", "first"]}}],
    [{"LEMMA": {"IN": ["next", "coming"]}}],
    [{"LEMMA": "within"}],
    [{"LEMMA": {"IN": ["inside", "under"]}}, {"LEMMA": "of", "OP": "?"}],
    [{"LOWER": "first"}],
]
POINT_PREFIXES: list[list[dict]] = [
    [{"LEMMA": {"IN": ["in", "after", "around", "about"]}}],
    [{"LEMMA": {"IN": ["in", "after"]}}, {"LEMMA": {"IN": ["about", "around", "maybe", "roughly", "another", "like", "approximately", "say", "probably"]}}],
    [{"LEMMA": "by"}, {"LEMMA": "the", "OP": "?"}, {"LEMMA": {"IN": ["end", "time"]}}, {"LEMMA": "of"}, {"LEMMA": {"IN": ["the", "my"]}, "OP": "?"}, {"LEMMA": {"IN": ["first", "next"]}, "OP": "?"}],
]
POINT_SUFFIXES: list[list[dict]] = [
    [{"LEMMA": "from"}, {"LEMMA": {"IN": ["now", "today"]}}],
    [{"LEMMA": {"IN": ["'s", "’s"]}, "OP": "?"}, {"LEMMA": "time"}],
    [{"LEMMA": {"IN": ["down", "up"]}}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["road", "line", "track"]}}],
    [{"LEMMA": "out"}],
    [{"LEMMA": {"IN": ["into", "in"]}}, {"LEMMA": "the"}, {"LEMMA": "role"}],
]

WORDS: dict[str, list[list[dict]]] = {
    "word_short": [
        [{"LEMMA": {"IN": ["short", "near"]}}, {"ORTH": "-", "OP": "?"}, {"LEMMA": {"IN": ["term", "run"]}}],
        [{"LEMMA": {"IN": ["in", "over", "for"]}}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["short", "near"]}}, {"ORTH": "-", "OP": "?"}, {"LEMMA": {"IN": ["term", "run"]}}],
        [{"LEMMA": {"IN": ["immediate", "immediately"]}}],
        [{"LEMMA": {"IN": ["right", "straight"]}}, {"LEMMA": "away"}],

        [{"LEMMA": "in"}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["near", "immediate"]}}, {"LEMMA": "future"}],
    ],
    "weak_short": [
        [{"LOWER": "right"}, {"LOWER": "now"}],
        [{"LOWER": {"IN": ["at", "in"]}}, {"LOWER": "this"}, {"LOWER": {"IN": ["stage", "point"]}}],
        [{"LOWER": "to"}, {"LOWER": "start"}, {"LOWER": "with"}],
        [{"LOWER": "for"}, {"LOWER": "now"}],
    ],
    "weak_open": [
        [{"LOWER": "later"}, {"LOWER": "on"}],
    ],
    "word_months": [
        [{"LEMMA": {"IN": ["in", "over", "during"]}}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["coming", "next", "first"]}}, {"LEMMA": {"IN": ["few", "couple"]}, "OP": "?"}, {"LEMMA": "of", "OP": "?"}, {"LEMMA": {"IN": ["month", "months"]}}],
    ],
    "word_this_year": [
        [{"LEMMA": {"IN": ["next", "this"]}}, {"LEMMA": "year"}],
        [{"LEMMA": "by"}, {"LEMMA": "the"}, {"LEMMA": "end"}, {"LEMMA": "of"}, {"LEMMA": {"IN": ["the", "this"]}}, {"LEMMA": "year"}],
        [{"LEMMA": {"IN": ["in", "during", "within", "by", "after"]}, "OP": "?"}, {"LEMMA": {"IN": ["my", "the"]}}, {"LEMMA": "first"}, {"LEMMA": "year"}],
    ],
    "word_next_year_end": [
        [{"LEMMA": "by"}, {"LEMMA": "the"}, {"LEMMA": "end"}, {"LEMMA": "of"}, {"LEMMA": "next"}, {"LEMMA": "year"}],
    ],
    "year_n": [
        [{"LEMMA": "year"}, {"LEMMA": {"IN": ["one", "two", "three", "four", "five", "ten", "1", "2", "3", "4", "5", "10"]}}],
        [{"LEMMA": "by"}, {"LEMMA": "year"}, {"LEMMA": {"IN": ["one", "two", "three", "four", "five", "ten", "1", "2", "3", "4", "5", "10"]}}],
    ],
    "word_mid": [
        [{"LEMMA": {"IN": ["medium", "mid", "middle"]}}, {"ORTH": "-", "OP": "?"}, {"LEMMA": {"IN": ["term", "run"]}}],
        [{"LEMMA": "midterm"}],
        [{"LEMMA": {"IN": ["in", "over", "for"]}}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["medium", "mid", "middle"]}}, {"ORTH": "-", "OP": "?"}, {"LEMMA": {"IN": ["term", "run"]}}],
    ],
    "word_long": [
        [{"LEMMA": {"IN": ["long", "longer"]}}, {"ORTH": "-", "OP": "?"}, {"LEMMA": {"IN": ["term", "run", "range"]}}],
        [{"LEMMA": {"IN": ["in", "over", "for", "on"]}}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["long", "longer"]}}, {"ORTH": "-", "OP": "?"}, {"LEMMA": {"IN": ["term", "run", "haul"]}}],
    ],
    "word_open": [
        [{"LOWER": {"IN": ["eventually", "eventualy", "evenutally", "eventally", "ultimately", "ultimatly", "someday", "one-day", "longterm"]}}],
        [{"LOWER": {"IN": ["further", "farther"]}}, {"LOWER": {"IN": ["ahead", "out", "on"]}}],
        [{"LOWER": "looking"}, {"LOWER": {"IN": ["further", "farther"]}}, {"LOWER": "ahead"}],
        [{"LOWER": "in"}, {"LOWER": "future"}],
        [{"LOWER": "somewhere"}, {"LOWER": {"IN": ["down", "along"]}}, {"LOWER": "the"}, {"LOWER": {"IN": ["road", "line", "track"]}}],
        [{"LOWER": {"IN": ["some", "one"]}}, {"LOWER": "day"}],
        [{"LEMMA": {"IN": ["down", "further"]}}, {"LEMMA": {"IN": ["the", "down"]}}, {"LEMMA": {"IN": ["road", "line", "track"]}}],
        [{"LEMMA": "further"}, {"LEMMA": "down"}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["road", "line", "track"]}}],
        [{"LEMMA": {"IN": ["in", "into"]}}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["future", "years"]}}, {"LEMMA": "ahead", "OP": "?"}],
        [{"LEMMA": "in"}, {"LEMMA": "the"}, {"LEMMA": {"IN": ["distant", "far"]}}, {"LEMMA": "future"}],
        [{"LEMMA": {"IN": ["later", "further", "farther"]}}, {"LEMMA": {"IN": ["in", "into", "on"]}}, {"LEMMA": {"IN": ["my", "the"]}}, {"LEMMA": "career"}],
        [{"LEMMA": "later"}, {"LEMMA": "on"}],
        [{"LEMMA": {"IN": ["at", "from"]}}, {"LEMMA": "some"}, {"LEMMA": "point"}],
        [{"LEMMA": "over"}, {"LEMMA": "the"}, {"LEMMA": "years"}],
    ],
}

NOT_HORIZON: list[list[dict]] = [
    *[[*q, {"LEMMA": "ago"}] for q in QUANTITIES],
    *[
        [{"LEMMA": {"IN": ["in", "for", "over", "during", "the", "within", "throughout"]}, "OP": "?"}, {"LEMMA": {"IN": ["the", "my", "those", "these"]}, "OP": "?"}, {"LEMMA": {"IN": ["last", "past", "previous", "prior", "recent"]}}, *q]
        for q in QUANTITIES
    ],
    [{"LEMMA": {"IN": ["last", "past", "previous"]}}, UNIT],
    *[[*q, {"LEMMA": "of"}, {"LEMMA": {"IN": ["experience", "expertise", "work"]}}] for q in QUANTITIES],
    *[[*q, {"LEMMA": {"IN": ["experience", "old"]}}] for q in QUANTITIES],
    [{"LOWER": {"IN": ["once", "twice", "times", "per"]}}, {"LOWER": {"IN": ["a", "an", "per", "every"]}, "OP": "?"}, UNIT],
    [{"LEMMA": {"IN": ["since", "every", "each", "per"]}}, {"LIKE_NUM": True, "OP": "?"}, UNIT],
    [{"LEMMA": {"IN": ["at", "of", "after", "than", "over", "with"]}}, {"LEMMA": {"IN": ["least", "minimum", "more"]}, "OP": "?"}, NUM, {"ORTH": "+", "OP": "?"}, UNIT, {"LEMMA": "of"}],
    [{"LEMMA": {"IN": ["minimum", "min"]}}, {"LEMMA": "of", "OP": "?"}, NUM, UNIT],
]


def patterns() -> list[dict]:
    out: list[dict] = []
    for p in DEADLINE_PREFIXES[:3]:
        out.append({"label": "HORIZON", "pattern": [*p, UNIT], "id": "deadline"})
    for q in QUANTITIES:
        for p in DEADLINE_PREFIXES:
            out.append({"label": "HORIZON", "pattern": [*p, FILLER, *q], "id": "deadline"})
        for p in POINT_PREFIXES:
            out.append({"label": "HORIZON", "pattern": [*p, FILLER, *q], "id": "point"})
        for s in POINT_SUFFIXES:
            out.append({"label": "HORIZON", "pattern": [*q, *s], "id": "point"})
            out.append({"label": "HORIZON", "pattern": [{"LEMMA": {"IN": ["in", "about", "around", "roughly", "maybe"]}}, FILLER, *q, *s], "id": "point"})
        out.append({"label": "HORIZON", "pattern": [{"LEMMA": "for"}, FILLER, *q], "id": "duration"})
        out.append({"label": "HORIZON", "pattern": [{"LEMMA": "for"}, {"LEMMA": {"IN": ["another", "about", "around", "at"]}}, {"LEMMA": "least", "OP": "?"}, *q], "id": "duration"})
        out.append({"label": "HORIZON", "pattern": q, "id": "bare"})
    year = {"SHAPE": "dddd", "TEXT": {"REGEX": "^20[2-9][0-9]$"}}
    for p in (
        [{"LEMMA": {"IN": ["by", "before", "until", "till"]}}, year],
        [{"LEMMA": "by"}, {"LEMMA": "the"}, {"LEMMA": "end"}, {"LEMMA": "of"}, year],
        [{"LEMMA": "in"}, year],
    ):
        out.append({"label": "HORIZON", "pattern": p, "id": "by_year"})
    ordinal = {"LOWER": {"IN": ORDINALS}}
    for unit in (["year", "years", "yr", "yrs"], ["month", "months"]):
        u = {"LEMMA": {"IN": unit}}
        out.append({"label": "HORIZON", "pattern": [{"LEMMA": {"IN": ["in", "during", "over", "within", "for", "after", "throughout"]}}, {"LEMMA": {"IN": ["my", "the", "our", "this"]}}, ordinal, u], "id": "ordinal_in"})
        out.append({"label": "HORIZON", "pattern": [{"LEMMA": "by"}, {"LEMMA": "the", "OP": "?"}, {"LEMMA": "end", "OP": "?"}, {"LEMMA": "of", "OP": "?"}, {"LEMMA": {"IN": ["my", "the", "our"]}}, ordinal, u], "id": "ordinal_by"})
    numtok = {"LIKE_NUM": True}
    for first in (["year", "yr"], ["month"]):
        kind = "year_n" if first[0] == "year" else "month_n"
        u = {"LEMMA": {"IN": first}}
        out.append({"label": "HORIZON", "pattern": [u, numtok], "id": kind})
        out.append({"label": "HORIZON", "pattern": [u, numtok, {"ORTH": {"IN": ["-", "–"]}}, numtok], "id": kind})
        out.append({"label": "HORIZON", "pattern": [u, numtok, {"LOWER": {"IN": ["or", "to"]}}, numtok], "id": kind})
        out.append({"label": "HORIZON", "pattern": [{"LEMMA": "by"}, {"LEMMA": "the", "OP": "?"}, {"LEMMA": "end", "OP": "?"}, {"LEMMA": "of", "OP": "?"}, u, numtok], "id": kind + "_by"})
    seasons = ["christmas", "easter", "summer", "spring", "autumn", "fall", "winter", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "q1", "q2", "q3", "q4"]
    out.append({"label": "HORIZON", "pattern": [{"LEMMA": {"IN": ["by", "before", "until"]}}, {"LEMMA": {"IN": ["next", "this"]}, "OP": "?"}, {"LOWER": {"IN": seasons}}], "id": "word_this_year"})
    out.append({"label": "HORIZON", "pattern": [{"LEMMA": "within"}, {"LEMMA": "the"}, {"LEMMA": "year"}], "id": "word_this_year"})
    out.append({"label": "HORIZON", "pattern": [{"LEMMA": "in"}, {"LEMMA": "the"}, {"LOWER": "first"}, {"LOWER": "quarter"}], "id": "word_months"})
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
