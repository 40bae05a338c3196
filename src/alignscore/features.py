"""Named, documented features of one (answer, job description) pair.

Features are computed once per pair from the processed Docs and grouped by what they serve;
names are ``<group>_<name>``, sorted and stable (bump :data:`FEATURE_SET_VERSION` when a name or
meaning changes). Counts of cues are per 100 words where that matters, so that long answers do
not win by length alone.

Groups:
    text_*      size and register (word count, share of known words). Nothing here depends on
                case or punctuation, so that lowercased or unpunctuated answers score alike.
    goal_*      what the GOAL spans say: count, negated, hypothetical, with a horizon.
    horizon_*   horizons present per bucket.
    spec_*      specificity: named skills, titles, numbers, clichés and hedges.
    overlap_*   alignment: skills and words shared with the posting, weighted by specificity.
    copy_*      how much of the posting is pasted back.
    seniority_* target titles against the role's level.
    field_*     target titles from another occupational family.
    bridge_*    explicit statements linking this role to the goals.
    employer_*  we / our / your-company framing and benefit cues against I / me / my.
    self_*      self-gain cues (salary, perks, own venture).
    flight_*    stopover cues.
    jd_*        what the posting offers (growth tags, level).

Example:
    >>> from alignscore.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> jd = nlp("Junior Data Analyst. You will build Tableau dashboards in SQL. Mentoring provided.")
    >>> ans = nlp("In the next two years I want to master SQL and Tableau so our team can decide faster.")
    >>> f = pair_features(ans, jd)
    >>> f["overlap_skill_count"], f["horizon_has_short"], f["goal_count"] > 0
    (2.0, 1.0, True)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LENGTH, LOWER, NORM, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from .components._spans import clause_bounds, clause_marks
from .components.cues import NOT_A_PURPOSE
from .extensions import HORIZON_AT, HYPOTHETICAL, NEGATED, YEARS
from .jobs import JobProfile, job_profile
from .labels import CUES_KEY, SPANS_KEY
from .resources import lemma_forms, lemma_table
from .titles import title_info

__all__ = [
    "FEATURE_SET_VERSION",
    "FLAG_ONLY_FEATURES",
    "JobView",
    "feature_frame",
    "job_view",
    "pair_features",
]

FEATURE_SET_VERSION = "11"
#: features the flag rules read but the scorer is not trained on
FLAG_ONLY_FEATURES = (
    "flight_stint",
    "flight_weak_cues",
    "goal_later_count",
    "self_gain_strong_cues",
)
STINT_CUE = "flight_stint"  # id prefix of the stint cue patterns

LEVEL_RANK = {"entry": 1, "mid": 2, "senior": 3}
# sentence openers that place what follows after the steps already named
_LATER_OPENERS = frozenset(
    {
        ("after", "that"),
        ("after", "this"),
        ("after", ","),  # a learner's "After, I hope ..."
        ("afterwards",),
        ("beyond", "that"),
        ("from", "there"),
        ("later",),
    }
)
_LATER_JOINERS = frozenset({"to", "and", ",", "maybe", "then", "perhaps"})
# at most this many words of a goal cue between "later" and the goal ("later I hope to reach")
_LATER_CUE_WORDS = 4
_SELF = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i'd", "i've", "i'll"})
_WE = frozenset({"we", "our", "ours", "us", "ourselves"})
_YOU = frozenset({"you", "your", "yours"})
_ORG_NOUNS = frozenset(
    {
        "team",
        "company",
        "organisation",
        "organization",
        "business",
        "firm",
        "department",
        "clinic",
        "hospital",
        "school",
        "store",
        "customers",
        "customer",
        "clients",
        "client",
        "patients",
        "patient",
        "students",
        "users",
        "members",
        "community",
        "mission",
    }
)
_NUMBER = re.compile(r"\d")
_STAY_START = frozenset({"first", "next", "initial", "opening", "coming"})
_PAST_LEAVING = frozenset({"went", "left", "quit", "spent"})
_DEADLINE_WORDS = frozenset({"in", "within"})
# self-gain cues that annotators rarely read as self-centred on train+dev ("for me": 31 of 150)
_WEAK_SELF = frozenset({"for me", "financial", "pays", "my degree", "my own"})
_PLACE_DETERMINERS = frozenset({"the", "a", "this", "our", "their", "that"})
# a bigger employer named in a sentence told in the past, with no aim before it, is career
# history: "first at one of the big advisory firms and since 2021 in-house at ..."
_EMPLOYER_FLIGHTS = frozenset(
    {"flight_one_of_the_big", "flight_bigger_employer", "flight_found_venture"}
)
# after a founded venture's noun, words that make it no venture: "a business case", "a
# company-wide scheme", "a business partner"
_NOT_A_VENTURE_NEXT = frozenset(
    {"-", "case", "cases", "plan", "plans", "partner", "partners", "unit", "units", "account"}
    | {"accounts", "analyst", "process", "side", "level", "culture", "relationship", "card"}
)
# before a founded venture, words that make it the employer's: "help you build a business"
_FOR_THE_EMPLOYER = frozenset({"help", "helping", "you", "your", "us"})
_NARRATIVE_PAST = frozenset(
    {"since", "ago", "was", "were", "worked", "spent", "joined", "previously", "started", "moved"}
)
_AIM_WORDS = frozenset(
    {"want", "would", "'d", "’d", "will", "'ll", "’ll", "plan", "hope", "like", "love", "aim",
     "goal", "dream", "eventually", "then", "later", "future", "next", "ideally"}
)
_WEAK_FLIGHT = frozenset({"for now", "set up a", "get out of", "running my own"})


def _deadline(cue: Span) -> bool:
    """Whether a stint cue ending in "tops" or "max" is the deadline of an aim.

    "In, like, a year, eighteen months tops, I'm running operations": a time to reach a goal,
    not a measured-out stay ("I'd give you eighteen months tops").
    """
    if cue[-1].lower_ not in ("tops", "max"):
        return False
    doc = cue.doc
    start = max(cue.sent.start, cue.start - 8)
    return any(t.lower_ in _DEADLINE_WORDS for t in doc[start : cue.start])


def _career_history(cue: Span) -> bool:
    """Whether a cue sits in a sentence told in the past with no aim stated before the cue."""
    sent = cue.sent
    if not any(t.lower_ in _NARRATIVE_PAST for t in sent):
        return False
    return not any(t.lower_ in _AIM_WORDS for t in cue.doc[sent.start : cue.start])


def _not_a_venture(cue: Span) -> bool:
    """Whether a founded "venture" is a business case, a company-wide scheme or the employer's.

    "Build a business case", "launch a company-wide scheme", "help you build a business", and
    "I built a consulting firm" (career history: "built" is a past form the lemma rule in
    :func:`pair_features` does not catch, as it does "started").
    """
    doc = cue.doc
    if cue.end < len(doc) and doc[cue.end].lower_ in _NOT_A_VENTURE_NEXT:
        return True
    if cue[0].lower_ == "built":
        return True
    return any(t.lower_ in _FOR_THE_EMPLOYER for t in doc[max(0, cue.start - 3) : cue.start])


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    return lemma_forms() | frozenset(STOP_WORDS)


_ROW_ATTRS = [IS_PUNCT, IS_SPACE, IS_ALPHA, LOWER, NORM, ORTH, LENGTH]
_PUNCT, _SPACE, _ALPHA, _LOWER, _NORM, _ORTH, _LENGTH = range(len(_ROW_ATTRS))


def _rows(doc: Doc) -> list[list[int]]:
    """Per token, the ``_ROW_ATTRS`` values from one ``to_array`` call (no Token objects)."""
    return doc.to_array(_ROW_ATTRS).tolist() if len(doc) else []


def _content(lowers: list[str], rows: list[list[int]], strings: Any) -> set[str]:
    """Content words (norms): alphabetic, not a stop word, longer than two characters.

    ``lowers`` are the lowercase forms of the tokens in ``rows`` (already looked up).
    """
    return {
        strings[r[_NORM]]
        for w, r in zip(lowers, rows, strict=True)
        if r[_ALPHA] and r[_LENGTH] > 2 and w not in STOP_WORDS
    }


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@dataclass(frozen=True, slots=True)
class JobView:
    """What the features need from a posting, computed once per posting."""

    spans: tuple[Span, ...]
    skill_names: tuple[str, ...]  # SKILL texts as written, most repeated first, one per name
    skill_texts: frozenset[str]  # lowercase SKILL texts
    skill_ids: frozenset[str]  # canonical SKILL ids
    skill_keys: frozenset[str]  # both
    title_words: frozenset[str]
    title_texts: frozenset[str]
    content: frozenset[str]
    grams5: frozenset[tuple[str, ...]]
    n_tokens: int


def job_view(job: Doc) -> JobView:
    """Precompute the posting-side sets used by :func:`pair_features`."""
    spans = tuple(job.spans.get(SPANS_KEY, ()))
    rows = _rows(job)
    strings = job.vocab.strings
    lowers = [strings[r[_LOWER]] for r in rows]
    tokens = [w for w, r in zip(lowers, rows, strict=True) if r[_ALPHA]]
    skills = [s for s in spans if s.label_ == "SKILL"]
    names: dict[str, str] = {}  # lowercase text -> the first spelling, in posting order
    for s in skills:
        names.setdefault(s.text.lower(), s.text)
    counts = Counter(s.text.lower() for s in skills)
    skill_texts = frozenset(names)
    skill_ids = frozenset(s.id_ for s in skills if s.id_)
    return JobView(
        spans=spans,
        # the posting's most repeated names first, then in the order it gives them
        skill_names=tuple(names[k] for k in sorted(names, key=lambda k: -counts[k])),
        skill_texts=skill_texts,
        skill_ids=skill_ids,
        skill_keys=skill_texts | skill_ids,
        title_words=frozenset(t.norm_ for s in spans if s.label_ == "TITLE" for t in s),
        title_texts=frozenset(s.text.lower() for s in spans if s.label_ == "TITLE"),
        content=frozenset(_content(lowers, rows, strings)),
        grams5=frozenset(_ngrams(tokens, 5)) if len(tokens) >= 5 else frozenset(),
        n_tokens=len(job),
    )


def _after_the_steps(goal: Span, horizons: list[Span]) -> bool:
    """Whether a goal comes after the steps dated before it.

    Its sentence opens "After that", "Beyond that", "From there" or "Later" and dates nothing
    itself, and a time was named earlier in the answer; or "later" comes right before it ("...,
    later lead an aviation desk") after a time named earlier.
    """
    doc = goal.doc
    j = goal.start - 1
    while j >= 0 and doc[j].lower_ in _LATER_JOINERS:
        j -= 1
    if j >= 0 and doc[j].lower_ in ("later", "afterwards") and any(h.end <= j for h in horizons):
        return True  # "..., later lead an aviation desk", "and later to become ..."
    # ... or with the goal's cue between: "and later I hope to reach HLTA"
    for k in range(j, max(-1, j - _LATER_CUE_WORDS), -1):
        if doc[k].is_punct or doc[k].is_space or doc[k].is_sent_start:
            break
        if doc[k].lower_ in ("later", "afterwards"):
            return k < j and any(h.end <= k for h in horizons)
    sent = goal.sent if doc.has_annotation("SENT_START") else doc[:]
    words = [t.lower_ for t in sent[:2]]
    if not (tuple(words[:2]) in _LATER_OPENERS or tuple(words[:1]) in _LATER_OPENERS):
        return False
    if not any(h.end <= sent.start for h in horizons):
        return False  # nothing was dated before it: "After that meeting I ..."
    return not any(sent.start <= h.start < sent.end for h in horizons)


_UNSURE_LEMMAS = frozenset({"know", "sure", "idea", "decide", "clue", "map", "figure"})


# options set side by side: "maybe lead a team, maybe stay an ic"
_OPTION_WORDS = frozenset({"maybe", "perhaps"})


def _open_choice(goal: Span, hedges: list[Span]) -> bool:
    """Whether a goal is an option the speaker has not chosen.

    "I don't know (yet) if I want to ...", "not sure whether I'd ..." (a hedge, then "if" or
    "whether", then the goal, with no "but" in between), or one of two options after the hedge
    ("not sure, maybe lead a team, maybe stay an ic"). "Long term, I don't know, I'd like to ..."
    states an aim after the hedge.
    """
    doc = goal.doc
    sent = goal.sent if doc.has_annotation("SENT_START") else doc[:]
    # one of two options: "maybe" right before the goal and another in its sentence
    option = (
        goal.start > sent.start
        and doc[goal.start - 1].lower_ in _OPTION_WORDS
        and sum(t.lower_ in _OPTION_WORDS for t in sent) > 1
    )
    for c in hedges:
        if not (sent.start <= c.start and c.end <= goal.start):
            continue
        if not any(t.lemma_ in _UNSURE_LEMMAS for t in c):
            continue
        if any(t.lower_ == "but" for t in doc[c.end : goal.start]):
            continue
        after = [t.lower_ for t in doc[c.end : min(c.end + 2, goal.start)]]
        if "if" in after or "whether" in after:
            return True
        if option:
            return True  # "not sure, maybe lead a team, maybe stay an ic"
    return False


NAMED_STEP_SHORT_GAP = 3


def pair_features(
    answer: Doc, job: Doc, profile: JobProfile | None = None, view: JobView | None = None
) -> dict[str, float]:
    """Compute every feature of one (answer, job description) pair.

    Args:
        answer: The processed answer (with the posting's terms added, as :func:`score` does).
        job: The processed job description (may be empty).
        profile: The posting's :class:`JobProfile` (computed from ``job`` when omitted).
        view: The posting's :class:`JobView` (computed from ``job`` when omitted).

    Returns:
        ``{feature name: float}``, the same names in the same order for every pair.
    """
    profile = profile or job_profile(job)
    view = view or job_view(job)
    spans = list(answer.spans.get(SPANS_KEY, []))
    cues = list(answer.spans.get(CUES_KEY, []))
    # token attributes from one to_array call (no Token objects): lowercase, norm and text
    # strings, and the flags the features below filter on
    strings = answer.vocab.strings
    rows = _rows(answer)
    words = [(i, r) for i, r in enumerate(rows) if not r[_PUNCT] and not r[_SPACE]]
    n_words = len(words)
    per100 = 100.0 / max(n_words, 20)
    lower = [strings[r[_LOWER]] for _, r in words]
    lower_count = Counter(lower)
    # alphabetic tokens are never punctuation or space: the words' alphabetic lowercase forms
    alpha = [w for w, (_, r) in zip(lower, words, strict=True) if r[_ALPHA]]
    f: dict[str, float] = {}

    # text
    known = _known_words()
    f["text_log_words"] = math.log1p(n_words)
    f["text_known_word_share"] = sum(map(known.__contains__, alpha)) / len(alpha) if alpha else 0.0
    f["text_is_empty"] = float(n_words == 0)

    # goals and horizons
    goals = [s for s in spans if s.label_ == "GOAL"]
    negated = [bool(g._.get(NEGATED)) for g in goals]  # each extension read once
    positive = [g for g, neg in zip(goals, negated, strict=True) if not neg]
    horizon_at = [g._.get(HORIZON_AT) for g in positive]
    horizons = [s for s in spans if s.label_ == "HORIZON"]
    horizon_buckets = [s._.get("alignscore_bucket") for s in horizons]
    buckets = set(horizon_buckets)
    f["goal_count"] = float(len(positive))
    f["goal_negated"] = float(sum(negated))
    f["goal_hypothetical"] = float(sum(1 for g in positive if g._.get(HYPOTHETICAL)))
    f["goal_with_horizon_share"] = (
        sum(1 for at in horizon_at if at) / len(positive) if positive else 0.0
    )
    # goals placed beyond the next three years: a later horizon that governs no goal ("I don't
    # know my long-term path yet") gives no direction
    later_at = {
        (s.start, s.end)
        for s, b in zip(horizons, horizon_buckets, strict=True)
        # "in about three years" (3 to 3) is no nearer than the mid term
        if b in ("mid", "long") or ((s._.get(YEARS) or [None])[0] or 0) >= 3
    }
    # a date stacked on a later label keeps the label's reach: "Longer term, by 2029, ..."
    for prev, nxt in pairwise(horizons):
        between = answer[prev.end : nxt.start]
        stacked = all(
            (t.is_punct and t.text not in (".", "!", "?", "..."))
            or (t.is_space and "\n" not in t.text)
            for t in between
        )  # not across a sentence or a line: "unsure long term. first: ..."
        if stacked and (prev.start, prev.end) in later_at:
            later_at.add((nxt.start, nxt.end))
    # ... and an undated goal in a sentence that opens "After that", "Beyond that", "From there":
    # it goes past the steps dated before it
    hedges = [c for c in cues if c.label_ == "HEDGE"]
    f["goal_later_count"] = float(
        sum(
            1
            for g, at in zip(positive, horizon_at, strict=True)
            if ((at and tuple(at) in later_at) or _after_the_steps(g, horizons))
            and not _open_choice(g, hedges)
        )
    )
    f["goal_words_share"] = sum(len(g) for g in positive) / max(n_words, 1)
    for b in ("short", "mid", "long"):
        f[f"horizon_has_{b}"] = float(b in buckets)
    f["horizon_count"] = float(len(horizons))

    # specificity
    skills = [s for s in spans if s.label_ == "SKILL"]
    titles = [s for s in spans if s.label_ == "TITLE"]
    horizon_tokens = {t.i for s in horizons for t in s}
    f["spec_skills"] = float(len({s.text.lower() for s in skills}))
    f["spec_skills_per100"] = len(skills) * per100
    f["spec_titles"] = float(len(titles))
    f["spec_numbers"] = float(
        sum(
            1
            for i, r in words
            if not r[_ALPHA] and i not in horizon_tokens and _NUMBER.search(strings[r[_ORTH]])
        )
    )  # (an alphabetic token holds no digit)
    skill_tokens = {t.i for s in skills for t in s}
    f["spec_skill_token_share"] = len(skill_tokens) / max(n_words, 1)
    f["spec_skills_in_goals"] = float(
        sum(1 for s in skills if any(g.start <= s.start and s.end <= g.end for g in positive))
    )
    labels = [c.label_ for c in cues]
    f["spec_cliches_per100"] = labels.count("CLICHE") * per100
    f["spec_hedges_per100"] = labels.count("HEDGE") * per100

    # overlap with the posting
    job_skill_keys = view.skill_keys
    ans_skill_keys = [(s.text.lower(), s.id_) for s in skills]
    shared = {t for t, i in ans_skill_keys if t in job_skill_keys or (i and i in job_skill_keys)}
    f["overlap_skill_count"] = float(len(shared))
    f["overlap_skill_share"] = len(shared) / len({t for t, _ in ans_skill_keys}) if skills else 0.0
    a_set = _content(lower, [r for _, r in words], strings)
    j_set = view.content
    f["overlap_content_jaccard"] = (
        len(a_set & j_set) / len(a_set | j_set) if a_set and j_set else 0.0
    )
    f["overlap_content_share"] = len(a_set & j_set) / len(a_set) if a_set else 0.0
    goal_content = {
        t.norm_ for g in positive for t in g if t.is_alpha and t.lower_ not in STOP_WORDS
    }
    f["overlap_goal_share"] = len(goal_content & j_set) / len(goal_content) if goal_content else 0.0
    f["overlap_title_words"] = float(any({t.norm_ for t in s} & view.title_words for s in titles))
    growth_words = {
        "mentor",
        "mentoring",
        "mentorship",
        "certification",
        "certificate",
        "training",
        "rotation",
        "academy",
        "programme",
        "program",
        "tuition",
        "promotion",
    }
    f["overlap_growth_mentions"] = (
        float(sum(lower_count[w] for w in growth_words)) if profile.growth else 0.0
    )

    # pasted posting
    a_tok = alpha
    jgrams = view.grams5
    if len(a_tok) >= 5 and jgrams:
        grams = zip(a_tok, a_tok[1:], a_tok[2:], a_tok[3:], a_tok[4:], strict=False)  # in C
        hits = [i for i, gram in enumerate(grams) if gram in jgrams]
        covered = {k for i in hits for k in range(i, i + 5)}
        f["copy_share"] = len(covered) / len(a_tok)
    else:
        f["copy_share"] = 0.0

    # seniority and field: titles the answer aims at, against the posting's own title
    jd_rank = LEVEL_RANK[profile.level]
    role_rank = max(profile.rank, jd_rank)
    job_title_texts = view.title_texts
    # clauses: sentences cut at line breaks, so that each line of notes stands alone ("- short
    # term: ...\n- long term: Head of Data" does not make Head of Data a near-term target)
    marks = clause_marks(answer)

    def clause(span: Span) -> int:
        return clause_bounds(answer, span, marks)[0]

    short_sents = {
        clause(h) for h, b in zip(horizons, horizon_buckets, strict=True) if b == "short"
    }
    goal_sents = {clause(g) for g in positive}
    goal_at = list(zip(positive, horizon_at, strict=True))
    short_at = {
        (h.start, h.end): b == "short" for h, b in zip(horizons, horizon_buckets, strict=True)
    }
    past_sents = {clause(c) for c in cues if c.label_ == "PAST_CUE"}
    target_ranks, short_ranks = [], []
    other_field = 0
    role_words = (profile.title or "").lower().split()
    role_head = lemma_table().get(role_words[-1], role_words[-1]) if role_words else None
    for s in titles:
        # the role itself, or a step the posting names; a bare role noun that heads the posting's
        # title ("controller" for a Trainee Air Traffic Controller) is the role itself
        named = s.text.lower() in job_title_texts or (len(s) == 1 and s[0].norm_ == role_head)
        sent = clause(s)
        if sent in past_sents and sent not in goal_sents:
            continue  # a role held in the past, not a target
        info = title_info(s.text, s.id_)
        if not named:
            target_ranks.append(info["rank"])
        # near term: the goal holding the title is dated short, or, undated, its clause has a
        # short horizon ("in the next year ... and long term be a charge nurse" is long term)
        dated = next((at for g, at in goal_at if at and g.start <= s.start < g.end), None)
        # a step the posting names is far too soon only when it is three ranks up: a
        # trainee's "Watch Manager in 18 months", not a junior's "Senior Analyst in two years"
        soon = short_at.get(tuple(dated)) if dated else sent in short_sents
        if soon and (not named or info["rank"] - role_rank >= NAMED_STEP_SHORT_GAP):
            short_ranks.append(info["rank"])
        if profile.soc and info["soc"] and info["soc"][:2] != profile.soc[:2]:
            other_field += 1
    f["seniority_target_rank"] = float(max(target_ranks)) if target_ranks else 0.0
    f["seniority_gap"] = float(max(target_ranks) - role_rank) if target_ranks else 0.0
    f["seniority_short_gap"] = float(max(short_ranks) - role_rank) if short_ranks else 0.0
    f["field_other_titles"] = float(other_field)

    # bridge, employer, self, flight
    f["bridge_cues"] = float(labels.count("BRIDGE_CUE"))
    f["bridge_this_role"] = float(
        any(c.label_ == "BRIDGE_CUE" and c[0].lower_ in ("this", "the") for c in cues)
    )
    n_self = sum(lower_count[w] for w in _SELF)
    n_we = sum(lower_count[w] for w in _WE)
    n_you = sum(lower_count[w] for w in _YOU)
    n_org = sum(lower_count[w] for w in _ORG_NOUNS)
    f["employer_we_ratio"] = (n_we + n_you + n_org) / (n_self + n_we + n_you + n_org + 1)
    f["employer_cues_per100"] = labels.count("EMPLOYER_CUE") * per100
    f["employer_so_that"] = float(
        sum(
            1
            for i, w in enumerate(lower[:-1])
            if w == "so"
            and lower[i + 1] in ("that", "the", "our", "we", "your")
            # "so that's why I applied" gives a reason, not a purpose (as in the cue filter)
            and not (
                lower[i + 1] == "that" and lower[i + 2 : i + 3] and lower[i + 2] in NOT_A_PURPOSE
            )
        )
        if "so" in lower_count
        else 0
    )
    f["self_gain_cues"] = float(labels.count("SELF_GAIN_CUE"))
    # for the self_centred rule: cues that rarely mark a self-centred answer on their own
    # ("my own" counts only as part of a venture: "my own agency", not "my own kitchen")
    ventures = [(c.start, c.end) for c in cues if c.label_ == "FLIGHT_CUE"]
    f["self_gain_strong_cues"] = float(
        sum(
            1
            for c in cues
            if c.label_ == "SELF_GAIN_CUE"
            and (
                c.text.lower() not in _WEAK_SELF
                or any(a <= c.start and c.end <= b for a, b in ventures)
            )
        )
    )
    f["self_i_per100"] = n_self * per100
    # a stopover told in the past ("then moved into logistics") is career history
    flights = [
        c
        for c in cues
        if c.label_ == "FLIGHT_CUE"
        and not any(
            (
                t.lower_.endswith("ed")
                and t.lemma_ != t.lower_
                and not (t.i > 0 and answer[t.i - 1].lower_ in ("a", "an"))  # "a focused year"
                and not (t.i > 0 and answer[t.i - 1].text == "-")  # "self-employed"
            )
            or t.lower_ in _PAST_LEAVING
            for t in c
        )
        and not (c.id_ in _EMPLOYER_FLIGHTS and _career_history(c))
        and not (c.id_ == "flight_found_venture" and _not_a_venture(c))
        # "at the med school", "the law school's office": a workplace, not study to leave for;
        # "... in grad school": where something was learnt
        and not (
            c[-1].lower_ == "school"
            and c.start > 0
            and (
                answer[c.start - 1].lower_ in _PLACE_DETERMINERS
                or answer[c.start - 1].lower_ in ("in", "during", "from", "since")
            )
        )
    ]
    stints = [c for c in flights if c.id_.startswith(STINT_CUE) and not _deadline(c)]
    stopovers = [c for c in flights if not c.id_.startswith(STINT_CUE)]
    f["flight_cues"] = float(len(stopovers))
    # for the flight_risk rule only: a measured-out stint ("stay a couple of years ..., then",
    # "12-18 months here"), but not "the first eighteen months here", the start of a stay
    f["flight_stint"] = float(
        any(c.start == 0 or answer[c.start - 1].lower_ not in _STAY_START for c in stints)
    )
    # for the flight_risk rule only: cues that never marked a flight risk on train+dev ("for
    # now", "set up a"), and a move that is a promotion ("then move up")
    f["flight_weak_cues"] = float(
        sum(
            1
            for c in stopovers
            if c.text.lower() in _WEAK_FLIGHT
            or (c.end < len(answer) and answer[c.end].lower_ == "up" and "move" in c.lemma_)
        )
    )
    f["flight_past_cues"] = float(labels.count("PAST_CUE"))

    # the posting
    f["jd_level_rank"] = float(jd_rank)
    f["jd_growth_tags"] = float(len(profile.growth))
    f["jd_is_empty"] = float(view.n_tokens == 0)
    return dict(sorted(f.items()))


def feature_frame(rows: Iterable[dict[str, float]]) -> pd.DataFrame:
    """Stack feature dicts into a float DataFrame with sorted, stable columns."""
    frame = pd.DataFrame(list(rows), dtype=float)
    return frame.reindex(sorted(frame.columns), axis=1).astype(np.float64)
