"""Write ``src/alignscore/patterns/horizons.jsonl``: SpanRuler token patterns for time expressions.

Each HORIZON pattern's ``id`` names how the normaliser reads it (``quantity``: a number of
years, months or weeks, whose surrounding words the normaliser reads to decide between a deadline,
a point and a duration, and to reject past time; ``by_year``: 0 to the years left until that
calendar year; ``word_<kind>``: a fixed range; ``ordinal_*``, ``year_n``, ``month_n``).

Usage: python scripts/build_horizon_patterns.py
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "alignscore" / "patterns" / "horizons.jsonl"

UNITS = [
    "year",
    "years",
    "yr",
    "yrs",
    "month",
    "months",
    "mo",
    "decade",
    "decades",
    "week",
    "weeks",
    # a season of field or seasonal work: "in the next couple of seasons", "for two seasons"
    "season",
    "seasons",
]
UNIT = {"LOWER": {"IN": UNITS}}
NUMWORDS = ["a", "an", "one", "couple", "few", "several", "half"]
NUM = {"LIKE_NUM": True}
CONNECT = {"LOWER": {"IN": ["or", "to", "-", "–", "—", "and"]}}

# quantity + unit, as token lists
MORE = {"LOWER": {"IN": ["more", "further", "additional"]}, "OP": "?"}
OR_SO = {"LOWER": {"IN": ["or", "ish"]}, "OP": "?"}
# "by", "by the end of": optional words before a year or month of a plan
BY_THE_END_OF = [
    {"LOWER": "by"},
    {"LOWER": "the", "OP": "?"},
    {"LOWER": "end", "OP": "?"},
    {"LOWER": "of", "OP": "?"},
]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th"]
QUANTITIES: list[list[dict]] = [
    [NUM, MORE, UNIT],
    [NUM, CONNECT, {"LOWER": {"IN": ["maybe", "perhaps", "or"]}, "OP": "?"}, NUM, MORE, UNIT],
    [NUM, {"ORTH": ","}, {"LOWER": {"IN": ["maybe", "perhaps"]}, "OP": "?"}, NUM, MORE, UNIT],
    [{"LOWER": {"IN": ["a", "an", "one", "another"]}}, UNIT],
    [
        {"LOWER": {"IN": ["a", "an", "one", "another"]}, "OP": "?"},
        UNIT,
        {"LOWER": "or"},
        {"LOWER": {"IN": ["two", "2", "so", "three", "3"]}},
    ],
    [
        {"LOWER": {"IN": ["a", "an", "one"]}},
        UNIT,
        {"LOWER": "and"},
        {"LOWER": "a", "OP": "?"},
        {"LOWER": "half"},
    ],
    [NUM, {"LOWER": "and"}, {"LOWER": "a", "OP": "?"}, {"LOWER": "half"}, UNIT],
    [NUM, UNIT, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}],
    [{"LOWER": "a", "OP": "?"}, {"LOWER": "couple"}, {"LOWER": "of", "OP": "?"}, MORE, UNIT],
    [{"LOWER": "a", "OP": "?"}, {"LOWER": "few"}, MORE, UNIT],
    [{"LOWER": {"IN": ["several", "some"]}}, MORE, UNIT],
    [{"LOWER": "half"}, {"LOWER": "a"}, UNIT],
    [NUM, {"ORTH": {"IN": ["-", "–"]}}, UNIT],  # five-year
    [NUM, {"ORTH": "+"}, UNIT],  # 5+ yrs (a horizon in notes; "3+ years of experience" is not)
    [NUM, UNIT, {"ORTH": "+"}],
]
QUANTITIES = [*QUANTITIES, *[[*q, {"LOWER": "or"}, {"LOWER": "so"}] for q in QUANTITIES[:3]]]

# "year two", "by year five": the year of a plan
YEAR_NUMBER = {
    "LOWER": {"IN": ["one", "two", "three", "four", "five", "ten", "1", "2", "3", "4", "5", "10"]}
}

WORDS: dict[str, list[list[dict]]] = {
    "word_short": [
        [
            {"LOWER": {"IN": ["short", "near"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["term", "run"]}},
        ],
        [
            {"LOWER": {"IN": ["in", "over", "for"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["short", "near"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["term", "run"]}},
        ],
        [{"LOWER": {"IN": ["immediate", "immediately"]}}],
        # a learner's "in the short time": the short term
        [{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "short"}, {"LOWER": "time"}],
        [{"LOWER": {"IN": ["right", "straight"]}}, {"LOWER": "away"}],
        [
            {"LOWER": "in"},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["near", "immediate"]}},
            {"LOWER": "future"},
        ],
    ],
    "weak_short": [
        [{"LOWER": "right"}, {"LOWER": "now"}],
        # not "at this stage (of my career)": where the speaker stands, not when an aim is due
        [{"LOWER": "to"}, {"LOWER": "start"}, {"LOWER": "with"}],
        [{"LOWER": "for"}, {"LOWER": "now"}],
    ],
    "weak_open": [
        [{"LOWER": "later"}, {"LOWER": "on"}],
        # "over time, I hope to ...": open like "eventually", but only beside an aim
        [{"LOWER": "over"}, {"LOWER": "time"}],
    ],
    # single words: the normaliser also checks their neighbours ("my first job", "remote-first"
    # are not horizons) and needs a goal beside them; "longer" only as a notes label
    "first_word": [[{"LOWER": "first"}]],
    "longer_label": [[{"LOWER": "longer"}]],
    "later_label": [[{"LOWER": {"IN": ["later", "afterwards"]}}]],
    "word_months": [
        [
            {"LOWER": {"IN": ["in", "over", "during"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["coming", "next", "first"]}},
            {"LOWER": {"IN": ["few", "couple"]}, "OP": "?"},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": {"IN": ["month", "months"]}},
        ],
    ],
    "word_this_year": [
        [{"LOWER": {"IN": ["next", "this"]}}, {"LOWER": "year"}],
        [
            {"LOWER": "by"},
            {"LOWER": "the"},
            {"LOWER": "end"},
            {"LOWER": "of"},
            {"LOWER": {"IN": ["the", "this"]}},
            {"LOWER": "year"},
        ],
        [
            {"LOWER": {"IN": ["in", "during", "within", "by", "after"]}, "OP": "?"},
            {"LOWER": {"IN": ["my", "the"]}},
            {"LOWER": "first"},
            {"LOWER": "year"},
        ],
    ],
    "word_next_year_end": [
        [
            {"LOWER": "by"},
            {"LOWER": "the"},
            {"LOWER": "end"},
            {"LOWER": "of"},
            {"LOWER": "next"},
            {"LOWER": "year"},
        ],
    ],
    "year_n": [
        [
            {"LOWER": "year"},
            YEAR_NUMBER,
        ],
        [
            {"LOWER": "by"},
            {"LOWER": "year"},
            YEAR_NUMBER,
        ],
    ],
    "word_mid": [
        [
            {"LOWER": {"IN": ["medium", "mid", "middle"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["term", "run"]}},
        ],
        [{"LOWER": "midterm"}],
        [
            {"LOWER": {"IN": ["in", "over", "for"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["medium", "mid", "middle"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["term", "run"]}},
        ],
    ],
    "word_long": [
        [
            {"LOWER": {"IN": ["long", "longer"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["term", "run", "range"]}},
        ],
        [
            {"LOWER": {"IN": ["in", "over", "for", "on"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["long", "longer"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["term", "run", "haul"]}},
        ],
        # a learner's "in the long time": the long term
        [{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "long"}, {"LOWER": "time"}],
    ],
    "word_open": [
        [
            {
                "LOWER": {
                    "IN": [
                        "eventually",
                        "eventualy",
                        "evenutally",
                        "eventally",
                        "ultimately",
                        "ultimatly",
                        "someday",
                        "one-day",
                        "longterm",
                    ]
                }
            }
        ],
        [{"LOWER": {"IN": ["further", "farther"]}}, {"LOWER": {"IN": ["ahead", "out", "on"]}}],
        [{"LOWER": "looking"}, {"LOWER": {"IN": ["further", "farther"]}}, {"LOWER": "ahead"}],
        [{"LOWER": "in"}, {"LOWER": "future"}],
        [
            {"LOWER": "somewhere"},
            {"LOWER": {"IN": ["down", "along"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["road", "line", "track"]}},
        ],
        [{"LOWER": {"IN": ["some", "one"]}}, {"LOWER": "day"}],
        [
            {"LOWER": {"IN": ["down", "further"]}},
            {"LOWER": {"IN": ["the", "down"]}},
            {"LOWER": {"IN": ["road", "line", "track"]}},
        ],
        [
            {"LOWER": "further"},
            {"LOWER": "down"},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["road", "line", "track"]}},
        ],
        [
            {"LOWER": {"IN": ["in", "into"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["future", "years"]}},
            {"LOWER": "ahead", "OP": "?"},
        ],
        [
            {"LOWER": "in"},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["distant", "far"]}},
            {"LOWER": "future"},
        ],
        [
            {"LOWER": {"IN": ["later", "further", "farther"]}},
            {"LOWER": {"IN": ["in", "into", "on"]}},
            {"LOWER": {"IN": ["my", "the"]}},
            {"LOWER": "career"},
        ],
        [{"LOWER": "later"}, {"LOWER": "on"}],
        [{"LOWER": {"IN": ["at", "from"]}}, {"LOWER": "some"}, {"LOWER": "point"}],
        [{"LOWER": "over"}, {"LOWER": "the"}, {"LOWER": "years"}],
    ],
}


def patterns() -> list[dict]:
    """Core patterns only: the normaliser takes in prepositions and fillers around a quantity
    ("in the next" + "two years", "five years" + "from now") and rejects past time, in Python,
    which keeps the Matcher small and fast.
    """
    # quantities ("two years", "18 months", "a year or two") are found by the normaliser's own
    # scanner over its lexicon; these patterns cover everything else
    out: list[dict] = []
    year = {"SHAPE": "dddd", "TEXT": {"REGEX": "^20[2-9][0-9]$"}}
    for p in (
        [{"LOWER": {"IN": ["by", "before", "until", "till", "around", "circa"]}}, year],
        [{"LOWER": "by"}, {"LOWER": "the"}, {"LOWER": "end"}, {"LOWER": "of"}, year],
        [{"LOWER": "by"}, {"LOWER": "end"}, {"LOWER": "of"}, year],
        [{"LOWER": "in"}, year],
    ):
        out.append({"label": "HORIZON", "pattern": p, "id": "by_year"})
    ordinal = {"LOWER": {"IN": ORDINALS}}
    for unit in (["year", "years", "yr", "yrs"], ["month", "months"]):
        u = {"LOWER": {"IN": unit}}
        out.append(
            {
                "label": "HORIZON",
                "pattern": [
                    {
                        "LOWER": {
                            "IN": ["in", "during", "over", "within", "for", "after", "throughout"]
                        }
                    },
                    {"LOWER": {"IN": ["my", "the", "our", "this"]}},
                    ordinal,
                    u,
                ],
                "id": "ordinal_in",
            }
        )
        out.append(
            {
                "label": "HORIZON",
                "pattern": [
                    *BY_THE_END_OF,
                    {"LOWER": {"IN": ["my", "the", "our"]}},
                    ordinal,
                    u,
                ],
                "id": "ordinal_by",
            }
        )
    numtok = {"LIKE_NUM": True}
    for first in (["year", "yr"], ["month"]):
        kind = "year_n" if first[0] == "year" else "month_n"
        u = {"LOWER": {"IN": first}}
        # a range also takes the plural: "Years 2-3: ...", "yrs 3 to 5"
        us = {"LOWER": {"IN": [*first, *(w + "s" for w in first)]}}
        out.append({"label": "HORIZON", "pattern": [u, numtok], "id": kind})
        out.append(
            {
                "label": "HORIZON",
                "pattern": [us, numtok, {"ORTH": {"IN": ["-", "–"]}}, numtok],
                "id": kind,
            }
        )
        out.append(
            {
                "label": "HORIZON",
                "pattern": [us, numtok, {"LOWER": {"IN": ["or", "to"]}}, numtok],
                "id": kind,
            }
        )
        out.append(
            {
                "label": "HORIZON",
                "pattern": [
                    *BY_THE_END_OF,
                    u,
                    numtok,
                ],
                "id": kind + "_by",
            }
        )
    seasons = [
        "christmas",
        "easter",
        "summer",
        "spring",
        "autumn",
        "fall",
        "winter",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "q1",
        "q2",
        "q3",
        "q4",
    ]
    out.append(
        {
            "label": "HORIZON",
            "pattern": [
                {"LOWER": {"IN": ["by", "before", "until"]}},
                {"LOWER": {"IN": ["next", "this"]}, "OP": "?"},
                {"LOWER": {"IN": seasons}},
            ],
            "id": "word_this_year",
        }
    )
    out.append(
        {
            "label": "HORIZON",
            "pattern": [{"LOWER": "next"}, {"LOWER": {"IN": seasons}}],
            "id": "word_this_year",
        }
    )
    out.append(
        {
            "label": "HORIZON",
            "pattern": [{"LOWER": "within"}, {"LOWER": "the"}, {"LOWER": "year"}],
            "id": "word_this_year",
        }
    )
    out.append(
        {
            "label": "HORIZON",
            "pattern": [
                {"LOWER": "in"},
                {"LOWER": "the"},
                {"LOWER": "first"},
                {"LOWER": "quarter"},
            ],
            "id": "word_months",
        }
    )
    for kind, pats in WORDS.items():
        for p in pats:
            out.append({"label": "HORIZON", "pattern": p, "id": kind})
    final: list[dict] = []
    seen: set[tuple[str, str]] = set()
    norm = _norms()
    for p in out:
        variants = _expand(p["pattern"])
        if len(variants) > MAX_PHRASES:
            # thousands of phrases ("in my 3rd yr", "by the end of our second month") load
            # slowly (one Doc each); one token pattern on the norms the PhraseMatcher would
            # compare matches the same spans
            final += [dict(p, pattern=q) for q in _on_norms(p["pattern"], norm)]
            continue
        for q in variants:
            if all(set(t) == {"LOWER"} and isinstance(t["LOWER"], str) for t in q):
                # a fixed phrase: matched by the PhraseMatcher, whose cost does not grow with
                # the number of phrases
                text = " ".join(t["LOWER"] for t in q)
                if (text, p["id"]) not in seen:
                    seen.add((text, p["id"]))
                    final.append({"label": p["label"], "pattern": text, "id": p["id"]})
            else:
                final += [dict(p, pattern=r) for r in _per_first_value(q, "LOWER")]
    return final


MAX_PHRASES = 100  # a pattern spelling out to more phrases is kept as token patterns on NORM


def _norms() -> Callable[[str], str]:
    """The pipeline's NORM of one word (what the ruler's PhraseMatcher compares)."""
    import spacy

    from alignscore.pipeline import create_tokenizer

    # the pipeline's own tokenizer and NORM getter, built from code: no saved pipeline needed
    tokenizer = create_tokenizer()(spacy.blank("en"))

    def norm(word: str) -> str:
        doc = tokenizer(word)
        if len(doc) != 1 or doc[0].text != word:
            raise ValueError(f"{word!r} is not one token; keep it in a phrase pattern")
        return doc[0].norm_

    return norm


def _on_norms(pattern: list[dict], norm: Callable[[str], str]) -> list[list[dict]]:
    """A plain pattern (``LOWER`` values) on ``NORM``, one per value of its first token."""
    out: list[dict] = []
    for tok in pattern:
        value = tok["LOWER"]
        values = value["IN"] if isinstance(value, dict) else [value]
        norms = sorted({norm(str(v).lower()) for v in values})
        spec: dict = {"NORM": norms[0] if len(norms) == 1 else {"IN": norms}}
        if "OP" in tok:
            spec["OP"] = tok["OP"]
        out.append(spec)
    return _per_first_value(out, "NORM")


def _per_first_value(pattern: list[dict], attr: str) -> list[list[dict]]:
    """One pattern per value of a required first token's ``IN`` set (else the pattern itself).

    The Matcher tests the first tokens of its patterns at every position, so a plain first value
    is cheaper there than a set.
    """
    first = pattern[0]
    value = first.get(attr)
    if isinstance(value, dict) and set(value) == {"IN"} and first.get("OP") not in ("*", "?"):
        return [[{**first, attr: v}, *pattern[1:]] for v in value["IN"]]
    return [pattern]


def _expand(pattern: list[dict]) -> list[list[dict]]:
    """Spell out ``{"LOWER": {"IN": [...]}}`` as plain values: the Matcher checks plain values in
    compiled code but calls back into Python for every set-membership test, token by token.
    """
    plain = all(set(t) <= {"LOWER", "ORTH", "OP"} for t in pattern)
    variants: list[list[dict]] = [[]]
    for tok in pattern:
        if not plain:
            variants = [[*v, tok] for v in variants]
            continue
        attr = "LOWER" if "LOWER" in tok else "ORTH"
        value = tok[attr]
        values = value["IN"] if isinstance(value, dict) else [value]
        options = [{"LOWER": str(v).lower()} for v in values]
        if tok.get("OP") == "?":
            variants = [[*v, o] for v in variants for o in [None, *options]]
        else:
            variants = [[*v, o] for v in variants for o in options]
    return [[t for t in v if t is not None] for v in variants]


def main() -> None:
    pats = patterns()
    with OUT.open("w", encoding="utf-8") as fh:
        for p in pats:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"wrote {len(pats)} patterns to {OUT}")


if __name__ == "__main__":
    main()
