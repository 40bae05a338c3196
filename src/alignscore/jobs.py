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

from spacy.tokens import Doc

from .labels import CUES_KEY, SPANS_KEY
from .titles import title_info

__all__ = ["JobProfile", "job_profile"]

_YEARS = re.compile(r"(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years|yrs)", re.IGNORECASE)
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
}


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
    years = [int(m.group(1)) for m in _YEARS.finditer(doc.text)]
    years_required = max(years) if years else None
    if rank >= 3 or (years_required is not None and years_required >= 5):
        level = "senior"
    elif (
        rank <= 1
        or (years_required is not None and years_required <= 1)
        or (
            years_required is None
            and info
            and info["job_zone"] is not None
            and info["job_zone"] <= 2
        )
    ):
        level = "entry"
    else:
        level = "mid"
    skills = tuple(dict.fromkeys(s.text for s in group if s.label_ == "SKILL"))
    cues = doc.spans.get(CUES_KEY, [])
    growth: list[str] = []
    for c in cues:
        if c.label_ == "GROWTH_OFFER":
            tag = _GROWTH.get(c.text.lower()) or _GROWTH.get(c[0].lemma_)
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
