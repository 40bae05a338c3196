"""Plain-language reasons behind each score and flag, quoting the answer's own spans.

Example:
    >>> from alignscore import score
    >>> r = score("In the next two years I want to master SQL and Tableau.", "Data analyst: SQL, Tableau.")
    >>> any("SQL" in e for e in r.explanations)
    True
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from .extensions import BUCKET, NEGATED
from .features import JobView, job_view
from .jobs import JobProfile
from .labels import CUES_KEY, SPANS_KEY
from .titles import title_info

__all__ = ["NON_ANSWER_REASONS", "explain"]

#: the first reason given for an answer that is not an answer (kinds of
#: :func:`alignscore.flags.non_answer_kinds`, and "empty")
NON_ANSWER_REASONS = {
    "empty": "The answer has no words to score.",
    "pasted": "The answer repeats the posting; say in your own words what you want from the role.",
    "stuffing": "The answer lists skills without a goal; say what you want to do with them here.",
    "off_topic": "The answer does not speak to this role or to where you want to go.",
    "not_english": "Most words are not recognised as English; the scores may not mean much.",
}
NO_GOAL = "No goal is stated: say what you want to learn, do or become, and when."


def _quote(texts: list[str], limit: int = 3) -> str:
    uniq = list(dict.fromkeys(t.strip() for t in texts if t.strip()))[:limit]
    if not uniq:
        return ""
    if len(uniq) == 1:
        return uniq[0]
    return ", ".join(uniq[:-1]) + " and " + uniq[-1]


def _quoted(texts: list[str], limit: int = 3) -> str:
    """Each text in its own quotation marks: “a”, “b” and “c”."""
    return _quote([f"\u201c{t.strip()}\u201d" for t in texts if t.strip()], limit)


def _start_end(span: Span) -> tuple[int, int]:
    return span.start, span.end


_OPEN_ENDS = frozenset({"own", "my", "a", "an", "the", "our", "your"})


def _whole_phrase(cue: Span) -> Span:
    """A cue that stops before its noun ("my own") quoted with it ("my own startup")."""
    doc = cue.doc
    if cue[-1].lower_ in _OPEN_ENDS and cue.end < len(doc) and doc[cue.end].is_alpha:
        return doc[cue.start : cue.end + 1]
    return cue


def explain(
    answer: Doc,
    job: Doc,
    profile: JobProfile,
    features: dict[str, float],
    bands: dict[str, int],
    flags: dict[str, bool],
    view: JobView | None = None,
    kinds: Sequence[str] = (),
) -> tuple[str, ...]:
    """Return the reasons, strongest first: raised flags, then the weakest and strongest scores.

    ``view`` is the posting's :class:`~alignscore.features.JobView` (computed when omitted).
    ``kinds`` say what makes the answer a non-answer (:func:`~alignscore.flags.non_answer_kinds`,
    or ``["empty"]``); such an answer's reasons open with what it is
    (:data:`NON_ANSWER_REASONS`):

    - an empty answer gets that and the missing goal, nothing else;
    - a pasted posting or a bare list of skills is not praised for naming the posting's skills;
    - an answer mostly in another language says so, and no more about its topic;
    - an off-topic answer is called so only if it names none of the posting's skills.
    """
    if "empty" in kinds:
        return (NON_ANSWER_REASONS["empty"], NO_GOAL)
    spans = list(answer.spans.get(SPANS_KEY, []))
    cues = list(answer.spans.get(CUES_KEY, []))
    view = view or job_view(job)
    goals = [s for s in spans if s.label_ == "GOAL" and not s._.get(NEGATED)]
    skill_spans = [s for s in spans if s.label_ == "SKILL"]
    skills = [s.text for s in skill_spans]
    job_skills, job_ids = view.skill_texts, view.skill_ids
    shared = [
        s.text for s in skill_spans if s.text.lower() in job_skills or (s.id_ and s.id_ in job_ids)
    ]
    horizons = [s for s in spans if s.label_ == "HORIZON"]
    role = profile.title or "this role"
    out: list[tuple[float, str]] = []

    def cue_texts(label: str) -> list[str]:
        # cues a word or two apart are one phrase: "save enough money", not "save" and "money"
        merged: list[Span] = []
        for c in sorted((_whole_phrase(c) for c in cues if c.label_ == label), key=_start_end):
            gap = c.doc[merged[-1].end : c.start] if merged else None
            if (
                gap is not None
                and len(gap) <= 2
                and all(t.is_alpha and t.lower_ not in ("and", "or", "but") for t in gap)
            ):
                last = merged[-1]
                merged[-1] = last.doc[last.start : max(last.end, c.end)]
            else:
                merged.append(c)
        return [c.text for c in merged]

    if not goals:
        out.append((10, NO_GOAL))
    if flags["flight_risk"]:
        out.append(
            (
                9,
                f"\u201c{_quote(cue_texts('FLIGHT_CUE'), 1)}\u201d suggests this job is a stopover; interviewers hear a retention risk.",
            )
        )
    if flags["unrealistic"]:
        # the highest target first: the one far above the role, not a role held before
        titles = [
            s.text
            for s in sorted(
                (s for s in spans if s.label_ == "TITLE"),
                key=lambda s: -title_info(s.text, s.id_)["rank"],
            )
        ]
        out.append(
            (
                8.5,
                f"The target \u201c{_quote(titles, 1)}\u201d is far above the level of {role}; name the steps in between.",
            )
        )
    if flags["self_centred"]:
        out.append(
            (
                8,
                f"The gains named ({_quoted(cue_texts('SELF_GAIN_CUE'))}) are yours alone; say what the team or its customers get.",
            )
        )
    if flags["vague"] and goals:
        cl = cue_texts("CLICHE")
        if cl:
            out.append(
                (
                    7.5,
                    f"Phrases like {_quoted(cl, 2)} stand in for goals; name a skill, tool or project instead.",
                )
            )
        else:
            out.append(
                (7.5, "The goals are general; name a skill, tool, certification or project type.")
            )
    if flags["no_bridge"] and goals:
        out.append(
            (
                7,
                f"Nothing connects {role} to your goals; say what this role gives you that leads there.",
            )
        )
    if flags["missing_short_term"] and goals:
        out.append(
            (
                6.5,
                "No goal for the next one to three years; add a near-term skill to master in this role.",
            )
        )
    if flags["missing_long_term"] and goals:
        near = [h.text for h in horizons if h._.get(BUCKET) == "short"]
        when = f" beyond \u201c{near[0]}\u201d" if near else ""
        out.append(
            (6, f"No direction is given{when}; add where you want to be in five years or more.")
        )
    copied = "pasted" in kinds or "stuffing" in kinds  # naming skills is no merit there
    if shared and not copied:
        out.append(
            (5 + 0.1 * len(shared), f"You name {_quote(shared)}, which the posting asks for.")
        )
    elif goals and job_skills and bands["alignment"] <= 3:
        out.append(
            (
                5.5,
                f"None of your goals uses what the posting asks for, such as {_quote(list(view.skill_names), 2)}.",
            )
        )
    # a target the posting itself names as a next step ("Clear path to Lead Analyst")
    own_title = (profile.title or "").lower()
    paths = [
        s.text
        for s in spans
        if s.label_ == "TITLE"
        and s.text.lower() in view.title_texts
        and s.text.lower() != own_title
        and any(g.start <= s.start < g.end for g in goals)
    ]
    if paths and bands["alignment"] >= 3 and not flags["unrealistic"]:
        out.append((4.8, f"You aim at {_quote(paths, 1)}, a step the posting itself names."))
    bridge = [c.text for c in cues if c.label_ == "BRIDGE_CUE" and c[0].lower_ in ("this", "the")]
    if bridge and not flags["no_bridge"]:
        out.append((4.5, f"You tie the role to your goals (\u201c{bridge[0]}\u201d)."))
    if horizons and not flags["missing_short_term"] and not flags["missing_long_term"]:
        out.append((4, f"You place your goals in time: {_quote([h.text for h in horizons])}."))
    employer = cue_texts("EMPLOYER_CUE")
    if bands["employer_focus"] >= 4 and employer:
        out.append((3.5, f"You frame your growth around the employer ({_quoted(employer, 2)})."))
    elif bands["employer_focus"] <= 2 and not flags["self_centred"]:
        out.append(
            (5, "The answer is about you; add what the team, company or its customers gain.")
        )
    if goals and bands["specificity"] >= 4 and skills:
        out.append((3, f"Your goals are concrete: {_quote(skills)}."))
    out.sort(key=lambda x: -x[0])
    lead = []
    if "not_english" in kinds:
        lead.append(NON_ANSWER_REASONS["not_english"])
    kind = next((k for k in kinds if k != "not_english"), None)
    if kind in ("pasted", "stuffing") or (kind == "off_topic" and not shared and not lead):
        lead.append(NON_ANSWER_REASONS[kind])
    return tuple(dict.fromkeys([*lead, *(text for _, text in out)]))
