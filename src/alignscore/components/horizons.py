"""HorizonNormalizer: keep real HORIZON candidates and turn each into years from now and a bucket.

The SpanRuler proposes HORIZON candidates (pattern ``id`` = how to read them) and NOT_HORIZON
spans (past time, experience requirements). This component drops candidates that overlap a
NOT_HORIZON or sit in a past-tense context ("I have worked there for two years"), keeps the
longest of overlapping candidates, and sets ``span._.alignscore_years`` and
``span._.alignscore_bucket`` following the rubric's table.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import BUCKET, YEARS, register_extensions
from ..labels import CUES_KEY, HORIZON, SPANS_KEY, bucket_for
from ..resources import read_lexicon
from ._spans import BatchedPipe, clause_bounds, clause_marks

__all__ = ["HorizonNormalizer", "make_horizon_normalizer", "parse_quantity"]

NOT_HORIZON = "NOT_HORIZON"
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


_TENS = frozenset({20.0, 30.0, 40.0, 50.0})


def _number(norm: str, words: dict[str, float]) -> float | None:
    if _NUMBER.match(norm):
        return float(norm)
    return words.get(norm)


def parse_quantity(
    norms: list[str], lexicon: dict[str, Any], raw: list[str] | None = None
) -> tuple[float, float] | None:
    """Read a quantity of time from normalised tokens; return (low, high) in years.

    Example:
        >>> lex = read_lexicon("horizon_lexicon")
        >>> parse_quantity(["a", "year", "and", "a", "half"], lex)
        (1.5, 1.5)
        >>> parse_quantity(["3", "-", "5", "year"], lex)
        (3.0, 5.0)
        >>> parse_quantity(["18", "month"], lex)
        (1.5, 1.5)
        >>> parse_quantity(["twenty", "-", "two", "year"], lex)
        (22.0, 22.0)
    """
    raw = raw or norms
    words: dict[str, float] = lexicon["numbers"]
    units: dict[str, float] = lexicon["units"]
    values: list[float] = []
    unit = None
    i = 0
    while i < len(norms):
        tok = norms[i]
        nxt = norms[i + 1] if i + 1 < len(norms) else ""
        if tok == "and" and "half" in norms[i + 1 : i + 3] and values:
            values[-1] += 0.5
            i += 3 if nxt == "a" else 2
            continue
        if tok == "half" and nxt == "a":  # "half a year"
            values.append(0.5)
            i += 2
            continue
        if tok in units and unit is None:
            unit = units[tok]
            if not values:  # "the next years": a few; "next year": one
                values.append(lexicon["numbers"]["few"] if raw[i].endswith("s") else 1.0)
        elif tok in ("a", "an"):
            if nxt in units:
                values.append(1.0)
        elif tok == "several":
            values.extend([3.0, 5.0])
        else:
            v = _number(tok, words)
            if v is not None and not (tok == "one" and nxt in ("day",)):
                j = i + 2 if nxt == "-" else i + 1
                ones = words.get(norms[j]) if j < len(norms) else None
                if v in _TENS and ones is not None and 1 <= ones <= 9 and ones == int(ones):
                    v = float(v + ones)  # one compound number: "twenty-two", "thirty six"
                    i = j
                values.append(v)
        i += 1
    if not values or unit is None:
        return None
    return min(values) * unit, max(values) * unit


DAY_UNITS = frozenset({"day", "days"})
DEADLINE_LEADS = frozenset({"in", "over", "within", "during", "for", "throughout"})
DETERMINERS = frozenset({"the", "my", "our", "this", "those", "these"})
NEXT_WORDS = frozenset({"next", "coming", "following", "first", "upcoming"})
FILLERS = frozenset(
    {
        ",",
        "like",
        "say",
        "maybe",
        "about",
        "around",
        "roughly",
        "approximately",
        "probably",
        "um",
        "uh",
        "another",
        "perhaps",
        "realistically",
        "at",
        "least",
        "max",
        "maximum",
        "~",
        "only",
        "just",
    }
)
QUANTITY_WORDS = frozenset(
    {
        "a",
        "an",
        "one",
        "another",
        "couple",
        "few",
        "several",
        "some",
        "half",
        "more",
        "further",
        "additional",
        "of",
        "+",
    }
)
QUANTITY_JOINERS = frozenset({"or", "to", "-", "–", "—", "and", ",", "maybe", "perhaps"})
POINT_LEADS = frozenset({"in", "after", "around", "about"})
# how far before a time phrase a tense cue is read ("I've been on the motor side at a comparison
# site insurer for about three years")
PAST_WINDOW = 12
APPROXIMATELY = frozenset({"about", "around", "roughly", "approximately", "~"})
PAST_BEFORE = frozenset({"last", "past", "previous", "prior", "recent"})
NOT_BEFORE = frozenset(
    {"since", "every", "each", "per", "once", "twice", "times", "minimum", "min"}
)
NOT_AFTER = frozenset({"ago", "experience", "old", "earlier", "before"})
# single words that place a goal in time only beside the right neighbours: "first" not after a
# determiner ("my first job", "the first to", "remote-first", "to first patient"), nor before
# "of", "time", "hand", nor in "say first that"; "longer" only as a notes label ("longer: ...")
SINGLE_WORD_KINDS = frozenset({"first_word", "longer_label", "later_label"})
TERM_KINDS = frozenset({"word_short", "word_mid", "word_long"})
# nouns a hyphenated term word may describe and still date a goal: "my long-term aim is to ..."
# (before any other noun it names a kind of thing: "long-term care", "a short-term contract")
TERM_GOAL_NOUNS = frozenset(
    {
        "aim",
        "aims",
        "ambition",
        "ambitions",
        "goal",
        "goals",
        "plan",
        "plans",
        "future",
        "vision",
        "career",
        "objective",
        "objectives",
        "target",
        "targets",
        "dream",
        "dreams",
        "hope",
        "hopes",
        "aspiration",
        "aspirations",
        "priority",
        "priorities",
        "view",
        "focus",
        "step",
        "steps",
    }
)
_NOT_BEFORE_FIRST = frozenset(
    {
        "the",
        "my",
        "our",
        "a",
        "an",
        "his",
        "her",
        "their",
        "your",
        "its",
        "this",
        "that",
        "at",
        "on",
        "be",
        "is",
        "was",
        "very",
        "'s",
        "’s",
        "to",
    }
)
_NOT_AFTER_FIRST = frozenset(
    {
        "of",
        "time",
        "times",
        "hand",
        "-",
        "place",
        "name",
        "language",
        "and",
        "day",
        "job",
        "that",
        "what",
        "which",
        "aid",
        "was",
        "were",
    }
)
# words that go on the clause after a "first" placing it in time ("get good first and then ...")
_CLAUSE_AFTER_FIRST = frozenset(
    {"then", "and", "so", "because", "before", "but", "though", "while", "is", "i", "we"}
)
# verbs whose "for" the weak "for now" can swallow: "what I'm looking for now" (only "for now":
# "hoping for the next two years" keeps its horizon)
_FOR_VERBS = frozenset(
    {
        "looking",
        "searching",
        "aiming",
        "hoping",
        "asking",
        "waiting",
        "seeking",
        "applying",
        "look",
        "search",
        "wait",
        "seek",
        "apply",
        "ask",
    }
)  # verb forms only: "my aim for the first eighteen months" is a goal's time
# words before a base form that make it a plan, not the past: "to spend", "I'd spend"
_INFINITIVE_MARKS = frozenset({"to", "will", "'ll", "’ll", "would", "'d", "’d", "can", "could"})
# "in one day", "a one-day course", "one day a week": a day as an amount or a rate
_DAY_AMOUNT_BEFORE = frozenset({"in", "within", "per", "a", "an", "for", "every", "each", "of"})
_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_RATE_PERIODS = frozenset({"week", "fortnight", "month", "year", "term", "quarter", "shift"})
# "after N years" with N at least this many is a career behind the speaker unless a stay word
# follows: "after twelve years at sea" (past), "after eight years here" (a stay in the role)
CAREER_YEARS = 6.0
_STAY_WORDS = frozenset(
    {"here", "you", "your", "this", "role", "job", "position", "post", "company", "team"}
)
LABEL_MARKS = (":", "->", "–", "-", "=>", "→")
# "First I want to say ...", "first let me explain": a "first" announcing what is said next
_SPEECH_VERBS = frozenset(
    {"say", "mention", "tell", "admit", "explain", "clarify", "stress", "thank", "confess",
     "acknowledge", "answer", "share", "point"}
)
# words that deny the plan a compound duration names: "I don't have a five-year plan", "I
# won't invent a five-year plan", "pretend this is a ten-year commitment"
_DENIAL = frozenset({"not", "never", "no", "cannot", "pretend", "invent", "fake"})
# a sentence saying the candidate cannot place anything in time: "I don't know where I'll be in
# five years", "long term: honestly not sure yet", "I don't have a clear picture past year 3"
_UNSURE_WORDS = frozenset({"unsure", "undecided", "uncertain"})
_UNSURE_AFTER_NOT = frozenset(
    {"know", "sure", "decide", "decided", "idea", "clue", "picture", "map", "figure"}
)
_OPEN_LEADS = frozenset({"honestly", "still", "wide", "completely", "totally", "pretty"})
# saying what cannot be said: "I cannot say", "hard to predict" (with a "where" before the time)
_SAYING = frozenset({"say", "tell", "predict"})
_HARD = frozenset({"hard", "difficult", "impossible", "tough", "tricky"})
# words by which an unsure sentence still names a possible aim: "long term, I don't know, maybe
# lead a data team"
_TENTATIVE = frozenset({"maybe", "perhaps", "probably", "possibly", "might", "could"})


def _rate(doc: Doc, s: int) -> bool:
    """Whether the quantity at ``s`` ends a rate: "five days a week", "one conference a year"."""
    if doc[s].lower_ in ("a", "an", "per"):
        article = s
    elif s > 0 and doc[s - 1].lower_ in ("a", "an", "per"):
        article = s - 1
    else:
        return False
    noun = article - 1  # the counted noun: "days", "evenings", "shifts"; "one conference"
    if noun < 1 or not doc[noun].is_alpha or not doc[noun - 1].like_num:
        return False
    return doc[noun].lower_.endswith("s") or doc[noun - 1].lower_ in ("one", "1")


def read_context(doc: Doc, span: Span) -> tuple[str, int, int] | None:
    """Read the words around a quantity of time; return (kind, start, end) or None for past time.

    ``kind`` is ``deadline`` ("in the next two years", "within 18 months"), ``point`` ("in five
    years", "five years from now"), ``duration`` ("for two or three years") or ``bare``.
    """
    n = len(doc)
    s, e = span.start, span.end
    after = doc[e].lower_ if e < n else ""
    after2 = doc[e + 1].lower_ if e + 1 < n else ""
    if after in NOT_AFTER or (
        after == "of" and after2 in ("experience", "expertise", "work", "age")
    ):
        return None
    if after == "-" and after2 in ("old", "olds"):
        return None  # an age: "fifteen-year-olds"
    j = s
    while j > 0 and doc[j - 1].lower_ in DETERMINERS:
        j -= 1
    if j > 0 and (doc[j - 1].lower_ in PAST_BEFORE or doc[j - 1].lower_ in NOT_BEFORE):
        return None
    if j > 1 and doc[j - 1].lower_ in ("a", "an") and doc[j - 2].lower_ in NOT_BEFORE:
        return None
    if _rate(doc, s):
        return None
    k = s
    while k > 0 and doc[k - 1].lower_ in FILLERS:
        k -= 1
    if k > 1 and doc[k - 1].lower_ == "the" and doc[k - 2].lower_ in ("within", "inside", "over"):
        k -= 1  # "within the two years of the rotation"
    lead = doc[k - 1].lower_ if k > 0 else ""
    kind, start = "bare", s
    if doc[s].lower_ in NEXT_WORDS:  # the match itself is "next year(s)"
        lead, k = doc[s].lower_, s + 1
    if lead in NEXT_WORDS:
        j = k - 1
        if j > 0 and doc[j - 1].lower_ in DETERMINERS:
            j -= 1
        if j > 1 and doc[j - 2].lower_ == "this" and doc[j - 1].lower_ == "time":
            j -= 2  # "by this time next year"
            if j > 0 and doc[j - 1].lower_ in ("by", "around", "about"):
                j -= 1
        if j > 0 and doc[j - 1].lower_ in DEADLINE_LEADS:
            j -= 1
        kind, start = "deadline", j
    elif lead in ("within", "under", "inside"):
        kind, start = "deadline", k - 1  # "inside two years", "inside of three years"
    elif lead == "of" and k > 1 and doc[k - 2].lower_ == "inside":
        kind, start = "deadline", k - 2
    elif lead == "for":
        if after in ("now", "already") or (after == "so" and after2 == "far"):
            return None  # "for about four years now": a duration up to now is past
        if k > 1 and doc[k - 2].lower_ == "now":
            return None  # a learner's "I am mixing live now for eleven years"
        kind, start = "duration", k - 1
    elif lead in POINT_LEADS:
        kind, start = "point", k - 1
        if start > 0 and lead in ("about", "around") and doc[start - 1].lower_ in ("in", "after"):
            start -= 1
    elif lead == "of" and k > 3 and [t.lower_ for t in doc[k - 3 : k - 1]] == ["the", "end"]:
        kind, start = "point", k - 4 if doc[k - 4].lower_ == "by" else k - 3
    end = e
    if (after == "from" and after2 in ("now", "today")) or (
        after in ("'s", "’s") and after2 == "time"
    ):
        end, kind = e + 2, "point" if kind == "bare" else kind
        if start == s and k < s and doc[k].lower_ in APPROXIMATELY:
            start = k  # "around five years from now"
    elif after == "time" and kind == "point":
        end = e + 1
    elif (
        after in ("down", "up")
        and after2 == "the"
        and e + 2 < n
        and doc[e + 2].lower_ in ("road", "line", "track")
    ):
        end, kind = e + 3, "point" if kind == "bare" else kind
    elif after == "out" and kind == "bare":
        end, kind = e + 1, "point"
    if end < n and doc[end].lower_ == "or" and end + 1 < n and doc[end + 1].lower_ == "so":
        end += 2
    return kind, start, end


class HorizonNormalizer(BatchedPipe):
    """Filter HORIZON candidates and normalise them to years from now and a bucket."""

    def __init__(
        self,
        nlp: Language,
        name: str = "alignscore_horizons",
        *,
        spans_key: str = SPANS_KEY,
        lexicon: str = "horizon_lexicon",
        reference_year: int = 0,
        cues_key: str = CUES_KEY,
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.lexicon: dict[str, Any] = read_lexicon(lexicon)
        self.reference_year = reference_year
        self.past_cues = frozenset(self.lexicon["past_cues"])
        self.future_cues = frozenset(self.lexicon["future_cues"])
        self.needs_goal = frozenset(self.lexicon["needs_goal_context"])
        self.uncertainty = frozenset(self.lexicon["uncertainty"])
        self.cues_key = cues_key
        # verbs that take an object: "learn first fix", "do first aid" (an ordinal, not a time)
        self.object_verbs = frozenset(read_lexicon("goal_lexicon")["goal_verbs"]) - {"be"}

    def _year(self) -> int:
        return self.reference_year or _dt.date.today().year

    def years(
        self, span: Span, kind: str, reference_year: int | None = None
    ) -> tuple[float | None, float | None] | None:
        """Return (years_min, years_max) for a candidate read the ``kind`` way, or None."""
        fixed = self.lexicon["fixed"].get(kind)
        if fixed is not None:
            return fixed[0], fixed[1]
        norms = [t.lemma_ for t in span]
        if kind == "by_year":
            year = next((int(t.text) for t in span if t.like_num and len(t.text) == 4), None)
            if year is None:
                return None
            left = year - (reference_year or self._year())
            return (0.0, float(max(left, 1))) if left >= 0 else None
        if kind.startswith(("year_n", "month_n")):
            scale = 1.0 if kind.startswith("year_n") else 1 / 12
            nums = [
                v for t in span if (v := _number(t.lemma_, self.lexicon["numbers"])) is not None
            ]
            if not nums or max(nums) > (10 if scale == 1.0 else 60):
                # "years 2015-2020" are dates; "Year 12" a school year group; "Year 40" no plan
                return None
            if kind.endswith("_by"):
                return 0.0, max(nums) * scale
            return min(nums) * scale, max(nums) * scale
        if kind.startswith("ordinal"):
            ords = self.lexicon["ordinals"]
            n = next((ords[t.lower_] for t in span if t.lower_ in ords), None)
            if n is None:
                return None
            scale = 1 / 12 if any(t.lemma_ == "month" for t in span) else 1.0
            return (0.0, n * scale) if kind == "ordinal_by" else ((n - 1) * scale, n * scale)
        q = parse_quantity(norms, self.lexicon, [t.lower_ for t in span])
        if q is None:
            return None
        lo, hi = q
        if any(t.text == "+" for t in span):
            return lo, None
        if kind in ("deadline", "duration"):
            return 0.0, hi
        return lo, hi

    def _past_context(self, doc: Doc, span: Span, start: int, end: int) -> bool:
        """True when the nearest tense cue before the span, or else after it, is past."""
        past_at = -1
        for k in range(max(start, span.start - PAST_WINDOW), span.start):
            tok = doc[k]
            if tok.lower_ in self.past_cues and not (
                tok.lower_ == tok.lemma_ and k > 0 and doc[k - 1].lower_ in _INFINITIVE_MARKS
            ):
                past_at = k  # "spent", "I spend four years"; not "to spend", "I'd spend"
            elif tok.lemma_ in self.future_cues or tok.lower_ in self.future_cues:
                past_at = -1
        if past_at >= 0:
            return True
        for k in range(span.end, min(end, span.end + 6)):
            tok = doc[k]
            if tok.lemma_ in self.future_cues or tok.lower_ in self.future_cues:
                return False
            if tok.lower_ in self.past_cues:
                return True
        return False

    def _goal_context(self, doc: Doc, span: Span, start: int, end: int, cues: list[Span]) -> bool:
        """True when the sentence or bullet line states a goal and no uncertainty about it."""
        if span.end < len(doc) and doc[span.end].text in LABEL_MARKS:
            return True
        inside = [c for c in cues if c.start >= start and c.end <= end]
        if any(
            c.label_ == "HEDGE" and any(t.lemma_ in self.uncertainty for t in c) for c in inside
        ):
            return False
        return any(c.label_ in ("GOAL_CUE", "NEG_GOAL_CUE") for c in inside)

    @staticmethod
    def _describes_noun(doc: Doc, span: Span) -> bool:
        """Whether a term phrase is a modifier: "a short run-up", "long-term care".

        A hyphen right after it joins it to the next word; a hyphenated term ("long-term")
        before a content word names a kind of thing unless that word is a goal noun.
        """
        if span.end >= len(doc):
            return False
        nxt = doc[span.end]
        if nxt.text == "-" and not doc[span.end - 1].whitespace_:
            return True
        if not any(t.text == "-" for t in span):
            return False
        return nxt.is_alpha and not nxt.is_stop and nxt.lower_ not in TERM_GOAL_NOUNS

    def single_word_ok(self, doc: Doc, span: Span, kind: str) -> bool:
        """Whether a one-word candidate ("first", "longer") reads as a time placement.

        "first" counts unless its neighbours make it an ordinal (``_NOT_BEFORE_FIRST``,
        ``_NOT_AFTER_FIRST``, or a verb before it and a word after it: "learn first fix");
        "longer" and "later" count only as a label ("longer: ...", "later: director?").
        """
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if kind in ("longer_label", "later_label"):
            return nxt in LABEL_MARKS  # "longer: ...", "later: director?"
        if span.start > 0:
            prev = doc[span.start - 1]
            if prev.lower_ in _NOT_BEFORE_FIRST or (prev.text == "-" and not prev.whitespace_):
                return False  # an ordinal, or a compound ("remote-first"); a bullet mark is fine
            if (
                prev.lemma_ in self.object_verbs
                and nxt.isalpha()
                and nxt not in _CLAUSE_AFTER_FIRST
            ):
                return False  # the verb's object: "do first aid", "learn first fix"
        if nxt in _NOT_AFTER_FIRST:
            return False
        return not self._announces_speech(doc, span.end)

    @staticmethod
    def _announces_speech(doc: Doc, i: int) -> bool:
        """Whether the words after a "first" at ``i`` announce speech: "First I want to say"."""
        for k in range(i, min(i + 5, len(doc))):
            if doc[k].lemma_ in _SPEECH_VERBS and doc[k - 1].lower_ in ("to", "me", "must", "i"):
                return True
            if doc[k].is_punct:
                return False
        return False

    @staticmethod
    def _compound_not_placing(doc: Doc, span: Span, sent_start: int) -> bool:
        """Whether a hyphenated duration ("six-month", "a ten-year") places nothing in time.

        It describes plural things ("six-month gigs") or a plan the sentence (from
        ``sent_start``) denies having ("I don't have a five-year plan", "pretend this is a
        ten-year commitment").
        """
        if len(span) < 2 or span[-2].text != "-" or span.end >= len(doc):
            return False  # "2-3 yrs" is a range, not a compound
        nxt = doc[span.end]
        if nxt.is_alpha and nxt.lower_.endswith("s") and nxt.lemma_ != nxt.lower_:
            return True
        return any(t.lemma_ in _DENIAL for t in doc[sent_start : span.start])

    @staticmethod
    def _verbs_for(doc: Doc, span: Span) -> bool:
        """Whether the "for" opening ``span`` belongs to the verb before it ("looking for")."""
        return span.start > 0 and doc[span.start - 1].lower_ in _FOR_VERBS

    @staticmethod
    def _day_amount(doc: Doc, span: Span) -> bool:
        """Whether "one day" is an amount or a rate: "in one day", "one day a week", "some days"."""
        if span[-1].lower_ == "days":
            return True  # "Some days I think I'd drift toward ...": how often, not when
        if span[0].lower_ != "one":
            return False
        n = len(doc)
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < n else ""
        per = doc[span.end + 1].lower_ if span.end + 1 < n else ""
        return (
            before in _DAY_AMOUNT_BEFORE
            or after in ("of", "-")
            or (after in _RATE_WORDS and per in _RATE_PERIODS)  # not "one day a chief exec role"
        )

    @staticmethod
    def _career_behind(doc: Doc, span: Span, years_min: float | None) -> bool:
        """Whether "after N years" is the speaker's career so far, not a stay in the role.

        A long count ("after twelve years at sea", "after nine years leading CHW programmes")
        is the past unless the words after it put it in the role ("after eight years here").
        """
        if years_min is None or years_min < CAREER_YEARS or doc[span.start].lower_ != "after":
            return False
        return not any(t.lower_ in _STAY_WORDS for t in doc[span.end : span.end + 3])

    @staticmethod
    def _unsure(sent: Span) -> bool:
        """Whether a sentence says its writer cannot tell: "not sure", "no idea", "unsure"."""
        negated = -10
        for tok in sent:
            if tok.is_space:
                continue
            low = tok.lower_
            if low in _UNSURE_WORDS or (
                low == "mark" and tok.i > sent.start and tok.nbor(-1).lower_ == "question"
            ):
                return True  # "unsure", "long-term's a question mark"
            if tok.lemma_ in ("not", "no", "never"):
                negated = tok.i
            elif (tok.i - negated <= 5 and tok.lemma_ in _UNSURE_AFTER_NOT) or (
                low == "open" and tok.i > sent.start and tok.nbor(-1).lower_ in _OPEN_LEADS
            ):
                return True
        return False

    @staticmethod
    def _cannot_say(sent: Span) -> bool:
        """Whether a sentence says its writer cannot say, tell or predict something.

        "I cannot say", "I can't tell you exactly", "(it is) hard to say", "impossible to
        predict". Read only with a "where" before the time ("where I'll be in ten years"): "I
        can't tell you how excited I am" doubts nothing.
        """
        negated = -10
        for tok in sent:
            lemma = tok.lemma_
            if lemma in ("not", "never"):
                negated = tok.i
            elif lemma in _SAYING and (
                tok.i - negated <= 3
                or (
                    tok.i - 2 >= sent.start
                    and tok.nbor(-1).lower_ == "to"
                    and tok.nbor(-2).lower_ in _HARD
                )
            ):
                return True
        return False

    def _placed_nothing(
        self, doc: Doc, span: Span, start: int, end: int, newlines: list[int], cues: list[Span]
    ) -> bool:
        """Whether a time sits in a sentence saying the candidate cannot place anything in it.

        "I don't know where I'll be in five years" (a "where" question under a doubt),
        "long term: honestly not sure yet" (a doubt with no aim and no tentative one).
        ``start``/``end`` bound the sentence within its line (:func:`clause_bounds`);
        ``newlines`` are the newline tokens of ``doc``.
        """
        asked = doc[max(start, span.start - 6) : span.start]
        where = any(t.lower_ == "where" for t in asked)
        if where and self._cannot_say(doc[start:end]):
            return True  # "where I will be in ten years I cannot say", "... is hard to say"
        if not self._unsure(doc[start:end]):
            return False
        if where:
            return True  # "I don't know where I'll be in ten years"
        if span.end < len(doc) and doc[span.end].text in LABEL_MARKS:
            # the rest of the line: "- long term: not sure. probably stay in procurement"
            j = bisect_left(newlines, span.end)
            end = newlines[j] if j < len(newlines) else len(doc)
        if any(t.lower_ in _TENTATIVE for t in doc[start:end]):
            return False
        return not any(
            c.label_ in ("GOAL_CUE", "NEG_GOAL_CUE") and c.start >= start and c.end <= end
            for c in cues
        )

    def quantities(self, doc: Doc) -> list[Span]:
        """Find quantities of time ("two years", "18 months", "a year or two", "3-5 yrs")."""
        units = self.lexicon["units"]
        numbers = self.lexicon["numbers"]
        out = []
        n = len(doc)
        # scan lowercase hashes (one to_array call); Token objects only around a unit word
        strings = doc.vocab.strings
        for i, low_hash in enumerate(doc.to_array(LOWER).tolist()):
            if strings[low_hash] not in units:
                continue
            start = i
            has_number = False
            while start > 0:
                prev = doc[start - 1]
                low = prev.lower_
                if prev.like_num or low in numbers or low in QUANTITY_WORDS:
                    has_number = (
                        has_number
                        or prev.like_num
                        or low in numbers
                        or low in ("a", "an", "another", "some")
                    )
                    start -= 1
                elif (
                    low in QUANTITY_JOINERS
                    and start - 1 > 0
                    and (doc[start - 2].like_num or doc[start - 2].lower_ in numbers)
                ):
                    start -= 1
                else:
                    break
            end = i + 1
            if (
                end + 1 < n
                and doc[end].lower_ == "or"
                and (doc[end + 1].lower_ in ("two", "2", "three", "3"))
            ):
                end += 2
                has_number = True
            elif (
                end + 2 < n
                and doc[end].lower_ == "and"
                and doc[end + 1].lower_ == "a"
                and doc[end + 2].lower_ == "half"
            ):
                end += 3
            elif end < n and doc[end].text == "+":
                end += 1
            while start < i and doc[start].lower_ in QUANTITY_JOINERS:
                start += 1
            if not has_number and not (start > 0 and doc[start - 1].lower_ in NEXT_WORDS):
                continue
            if doc[i].lower_ in DAY_UNITS and not any(
                (t.is_digit or t.lower_ in numbers) and t.lower_ != "one" for t in doc[start:i]
            ):
                continue  # "one day", "some day", "the first day": not a count of days
            if start > 0 and doc[start - 1].lower_ in NEXT_WORDS and not has_number:
                start -= 1
            out.append(Span(doc, start, end, label=HORIZON, span_id="quantity"))
        return out

    def find(self, doc: Doc) -> list[Span]:
        """Return the kept HORIZON spans, with years and bucket set."""
        group = doc.spans.get(self.spans_key, [])
        blocked = [s for s in group if s.label_ == NOT_HORIZON]
        cands = sorted(
            [*(s for s in group if s.label_ == HORIZON), *self.quantities(doc)],
            key=lambda s: (-(s.end - s.start), s.start),
        )
        kept: list[Span] = []
        taken: set[int] = set()
        cues = list(doc.spans.get(self.cues_key, []))
        read: list[tuple[Span, str]] = []
        for span in cands:
            kind = span.id_
            if kind == "quantity":
                ctx = read_context(doc, span)
                if ctx is None:
                    continue
                kind, start, end = ctx
                span = Span(doc, start, end, label=HORIZON, span_id=kind)
            read.append((span, kind))
        read.sort(key=lambda sk: (-(sk[0].end - sk[0].start), sk[0].start))
        marks = clause_marks(doc) if read else None
        newlines = marks[1] if marks is not None else []
        for span, kind in read:
            if taken.intersection(range(span.start, span.end)):
                continue
            if any(b.start < span.end and span.start < b.end for b in blocked):
                continue
            start, end = clause_bounds(doc, span, marks)
            if kind in ("duration", "bare", "point") and self._past_context(doc, span, start, end):
                continue
            if kind in SINGLE_WORD_KINDS and not self.single_word_ok(doc, span, kind):
                continue
            if kind in TERM_KINDS and self._describes_noun(doc, span):
                continue
            if kind == "word_open" and self._day_amount(doc, span):
                continue
            if kind == "weak_short" and span[0].lower_ == "for" and self._verbs_for(doc, span):
                continue  # the verb's "for": "what I am looking for now is"
            if kind in self.needs_goal and not self._goal_context(doc, span, start, end, cues):
                continue
            if kind in ("bare", "duration") and any(t.lower_ in DAY_UNITS for t in span):
                continue  # "27 days of PTO", "for three days": an amount, not a time placement
            if kind in ("bare", "duration") and self._compound_not_placing(doc, span, start):
                continue
            if self._placed_nothing(doc, span, start, end, newlines, cues):
                continue
            years = self.years(span, kind)
            if years is None or self._career_behind(doc, span, years[0]):
                continue
            lo, hi = years
            span._.set(YEARS, [lo, hi])
            span._.set(BUCKET, bucket_for(lo, hi))
            kept.append(span)
            taken.update(range(span.start, span.end))
        return kept

    def __call__(self, doc: Doc) -> Doc:
        """Replace the HORIZON candidates of the span group by the kept, normalised ones."""
        group = doc.spans.get(self.spans_key, [])
        kept = self.find(doc)
        others = [s for s in group if s.label_ not in (HORIZON, NOT_HORIZON)]
        doc.spans[self.spans_key] = sorted([*others, *kept], key=lambda s: (s.start, -s.end))
        return doc


@Language.factory(
    "alignscore_horizons",
    requires=["doc.spans"],
    assigns=["doc.spans", "span._.alignscore_years", "span._.alignscore_bucket"],
    default_config={
        "spans_key": SPANS_KEY,
        "lexicon": "horizon_lexicon",
        "reference_year": 0,
        "cues_key": CUES_KEY,
    },
)
def make_horizon_normalizer(
    nlp: Language, name: str, spans_key: str, lexicon: str, reference_year: int, cues_key: str
) -> HorizonNormalizer:
    """Create the HORIZON normaliser.

    Assigns ``span._.alignscore_years`` ([years_min, years_max], None for an open bound) and
    ``span._.alignscore_bucket`` on each kept HORIZON in ``doc.spans[spans_key]``, and removes
    rejected candidates. ``reference_year`` 0 means the current calendar year (for "by 2030").
    """
    return HorizonNormalizer(
        nlp,
        name,
        spans_key=spans_key,
        lexicon=lexicon,
        reference_year=reference_year,
        cues_key=cues_key,
    )
