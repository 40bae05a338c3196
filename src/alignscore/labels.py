"""Label names, span-group keys and typed aliases shared across alignscore.

Every name here is spelled as in the scoring rubric.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "BUCKETS",
    "CUES_KEY",
    "FLAGS",
    "GOAL",
    "HORIZON",
    "LABELS",
    "LEVELS",
    "SCORES",
    "SKILL",
    "SPANS_KEY",
    "TITLE",
    "Bucket",
    "Label",
    "Level",
    "bucket_for",
]

GOAL = "GOAL"
HORIZON = "HORIZON"
SKILL = "SKILL"
TITLE = "TITLE"
LABELS: tuple[str, ...] = (GOAL, HORIZON, SKILL, TITLE)

Label = Literal["GOAL", "HORIZON", "SKILL", "TITLE"]
Bucket = Literal["short", "mid", "long"]
Level = Literal["entry", "mid", "senior"]

BUCKETS: tuple[str, ...] = ("short", "mid", "long")
LEVELS: tuple[str, ...] = ("entry", "mid", "senior")

SCORES: tuple[str, ...] = ("alignment", "specificity", "employer_focus", "overall")
FLAGS: tuple[str, ...] = (
    "flight_risk",
    "unrealistic",
    "vague",
    "self_centred",
    "no_bridge",
    "missing_short_term",
    "missing_long_term",
)

SPANS_KEY = "alignscore"
CUES_KEY = "alignscore_cues"

#: Upper bound (years) of the ``short`` bucket and lower bound of ``long`` (RUBRIC.md).
SHORT_MAX_YEARS = 3.0
LONG_MIN_YEARS = 5.0


def bucket_for(years_min: float | None, years_max: float | None) -> Bucket:
    """Return the rubric bucket of a horizon given its bounds in years (``None`` = open).

    Args:
        years_min: Lower bound in years from now, or ``None`` when open.
        years_max: Upper bound in years from now, or ``None`` when open.

    Returns:
        ``"short"`` when the upper bound is 3 or less, ``"long"`` when the lower bound is 5 or
        more or both bounds are open, ``"mid"`` otherwise.

    Example:
        >>> bucket_for(0, 2), bucket_for(3, 5), bucket_for(5, None), bucket_for(None, None)
        ('short', 'mid', 'long', 'long')
    """
    if years_max is not None and years_max <= SHORT_MAX_YEARS:
        return "short"
    if (years_min is not None and years_min >= LONG_MIN_YEARS) or (
        years_min is None and years_max is None
    ):
        return "long"
    return "mid"
