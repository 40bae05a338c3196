"""Job-description profile: the role's title, seniority level, skills and growth offers.

Example:
    >>> from alignscore.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> p = job_profile(nlp("Senior Data Analyst. 5+ years of experience with SQL. We pay for certifications."))
    >>> p.title, p.level, "SQL" in p.skills, "certification" in p.growth
    ('Senior Data Analyst', 'senior', True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .labels import CUES_KEY, SPANS_KEY
from .titles import title_info, title_rank

__all__ = ["JobProfile", "job_profile"]

# "3+ years", "0-2 years" (the lower end), "1 year+", "2 years' PQE"; numbers above
# MAX_YEARS_REQUIRED are a company's history ("60 years making chemicals"), not a requirement
_YEARS = re.compile(
    r"(\d{1,2})\s*\+?\s*(?:[-\u2013\u2014]\s*\d{1,2}\s*)?(?:years?|yrs?)\b", re.IGNORECASE
)
MAX_YEARS_REQUIRED = 15
# postings open to beginners whatever their title says
_ENTRY_LEVEL = re.compile(
    r"\b(?:no (?:prior |previous |formal )?experience (?:needed|required|necessary)"
    r"|entry[- ]level"
    r"|(?:early career|graduates?|school leavers|career changers|newly qualified)\b[^.\n]{0,40}"
    r"\bwelcome)",
    re.IGNORECASE,
)
# titles whose seniority word names a line manager ("Store Manager", "Team Leader"): the level
# comes from the years asked for, when the posting gives them
MANAGERIAL_WORDS = frozenset(
    {"manager", "supervisor", "foreman", "forewoman", "superintendent", "charge", "leader"}
)
_GRADE = re.compile(r"\b(I{1,3})$")  # "Social Worker I", "Technician II"
_GROWTH = {
    "mentor": "mentorship",
    "coach": "mentorship",
    "training": "training",
    "train": "training",
    "certification": "certification",
    "certificate": "certification",
    "certified": "certification",
    "tuition": "tuition",
    "promotion": "promotion_path",
    "progression": "promotion_path",
    "career path": "promotion_path",
    "rotation": "rotation",
    "rotational": "rotation",
    "leadership programme": "leadership_programme",
    "leadership program": "leadership_programme",
    "academy": "training",
    "apprenticeship": "training",
    "conference": "conference",
    "new market": "new_markets",
    "expand into": "new_markets",
    "expansion": "new_markets",
    "launch": "new_markets",
    "professional development": "training",
    "pay for": "certification",
    "sponsor": "certification",
    # every other GROWTH_OFFER cue phrase, so that none is found and then dropped untagged
    "tuition reimbursement": "tuition",
    "education assistance": "tuition",
    "career development": "training",
    "development programme": "training",
    "development program": "training",
    "learning budget": "training",
    "training budget": "training",
    "career progression": "promotion_path",
    "path to": "promotion_path",
    "clear path": "promotion_path",
    "promotion track": "promotion_path",
    "promote from within": "promotion_path",
    "leadership track": "promotion_path",
    "management track": "promotion_path",
    "rotate": "rotation",
    "mentorship": "mentorship",
    "internal mobility": "promotion_path",
    "grow into": "promotion_path",
    "advance": "promotion_path",
    "study leave": "training",
    "cpd": "training",
    "learning stipend": "training",
    "training stipend": "training",
    "education stipend": "training",
    "learning allowance": "training",
    "career ladder": "promotion_path",
    "engineering ladder": "promotion_path",
    "promotion ladder": "promotion_path",
    "career framework": "promotion_path",
    "progression framework": "promotion_path",
    "promote": "promotion_path",  # "promoted to", "promotes to"
}
# a rotation that is a duty, not a programme: "on-call rotation", "weekend rotation"
_DUTY_ROTATIONS = frozenset({"call", "on-call", "shift", "weekend", "night", "holiday", "rota"})


@dataclass(frozen=True, slots=True)
class JobProfile:
    """What the posting says about the role."""

    title: str | None
    level: str  # "entry" | "mid" | "senior"
    rank: int  # seniority rank of the role's title, 1-6 (see titles.title_rank)
    soc: str | None
    job_zone: int | None
    years_required: int | None
    skills: tuple[str, ...]
    growth: tuple[str, ...]


def job_profile(doc: Doc) -> JobProfile:
    """Read a processed job description into a :class:`JobProfile`.

    The level comes from the title's seniority words, the years of experience asked for and the
    O*NET job zone of the title, in that order of precedence.
    """
    group = doc.spans.get(SPANS_KEY, [])
    titles = [s for s in group if s.label_ == "TITLE"]
    title_span = titles[0] if titles else None
    info = title_info(title_span.text, title_span.id_) if title_span is not None else None
    rank = info["rank"] if info else 2
    text = doc.text
    years = [int(m.group(1)) for m in _YEARS.finditer(text)]
    years = [y for y in years if y <= MAX_YEARS_REQUIRED]
    years_required = max(years) if years else None
    level = _level(_graded_title(doc, title_span), info, years_required, text)
    skills = tuple(dict.fromkeys(s.text for s in group if s.label_ == "SKILL"))
    cues = doc.spans.get(CUES_KEY, [])
    growth: list[str] = []
    for c in cues:
        if c.label_ == "GROWTH_OFFER":
            tag = _GROWTH.get(c.text.lower()) or _GROWTH.get(c[0].lemma_)
            if tag == "rotation" and c.start > 0 and doc[c.start - 1].lower_ in _DUTY_ROTATIONS:
                continue
            if tag and tag not in growth:
                growth.append(tag)
    return JobProfile(
        title=title_span.text if title_span is not None else None,
        level=level,
        rank=rank,
        soc=info["soc"] if info else None,
        job_zone=info["job_zone"] if info else None,
        years_required=years_required,
        skills=skills,
        growth=tuple(growth),
    )


def _level(title: str, info: dict | None, years: int | None, text: str) -> str:
    """Entry, mid or senior, from the title's words, the years asked for and the job zone.

    - senior: a director or executive title, a senior or lead title, or 6+ years asked for;
      a line manager ("Store Manager") is senior only when no years are given;
    - entry: a junior, trainee or assistant title, grade I ("Social Worker I"), at most a year
      asked for, a posting open to beginners ("no experience needed"), or, without years, an
      O*NET job zone of 1-2;
    - mid otherwise.
    """
    rank = info["rank"] if info else 2
    managerial = rank == 4 and title_rank(title, MANAGERIAL_WORDS) <= 2
    if rank >= 5 or (rank >= 3 and not managerial) or (years is not None and years >= 6):
        return "senior"
    if managerial:
        return "senior" if years is None else "mid"
    grade = _GRADE.search(title.strip())
    if (
        rank <= 1
        or (grade is not None and grade.group(1) == "I")
        or (years is not None and years <= 1)
        or _ENTRY_LEVEL.search(text) is not None
        or (years is None and info and info["job_zone"] is not None and info["job_zone"] <= 2)
    ):
        return "entry"
    return "mid"


def _graded_title(doc: Doc, title: Span | None) -> str:
    """The title's text, with a grade "I" the gazetteer leaves out ("Social Worker I.")."""
    if title is None:
        return ""
    k = title.end
    if k < len(doc) and (
        doc[k].text == "I."  # the tokenizer keeps "I." whole
        or (
            doc[k].text == "I" and (k + 1 == len(doc) or doc[k + 1].is_punct or doc[k + 1].is_space)
        )
    ):
        return title.text + " I"
    return title.text
