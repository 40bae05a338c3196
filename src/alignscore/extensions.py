"""Every Doc and Span extension alignscore sets, registered once by :func:`register_extensions`.

Stored values are plain and serialisable (they survive ``DocBin`` and ``nlp.pipe(n_process=2)``);
getters return typed views over them.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

__all__ = [
    "BUCKET",
    "HORIZON_AT",
    "HYPOTHETICAL",
    "NEGATED",
    "OFFSETS",
    "ORIGINAL",
    "TITLE_INFO",
    "YEARS",
    "register_extensions",
]

ORIGINAL = "alignscore_original"  # Doc: the caller's string when cleaning changed it, else None
OFFSETS = "alignscore_offsets"  # Doc: [starts, ends] lists mapping clean chars to original chars
YEARS = "alignscore_years"  # Span (HORIZON): [years_min, years_max], None for an open bound
BUCKET = "alignscore_bucket"  # Span (HORIZON): "short" | "mid" | "long"
HORIZON_AT = "alignscore_horizon_at"  # Span (GOAL): [start, end] token offsets of its HORIZON
NEGATED = "alignscore_negated"  # Span (GOAL): the candidate says they do not want this
HYPOTHETICAL = "alignscore_hypothetical"  # Span (GOAL): conditional ("if the chance arises")
TITLE_INFO = "alignscore_title_info"  # Span (TITLE): getter -> {"soc", "job_zone", "level"}


def _title_info(span: Span) -> dict[str, Any] | None:
    if span.label_ != "TITLE":
        return None
    from .titles import title_info

    return title_info(span.text, span.id_)


def register_extensions() -> None:
    """Register alignscore's extensions on Doc and Span (idempotent)."""
    for name in (ORIGINAL, OFFSETS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in (YEARS, BUCKET, HORIZON_AT):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in (NEGATED, HYPOTHETICAL):
        if not Span.has_extension(name):
            Span.set_extension(name, default=False)
    if not Span.has_extension(TITLE_INFO):
        Span.set_extension(TITLE_INFO, getter=_title_info)
