"""Small helpers shared by the components."""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["clause_bounds"]


def clause_bounds(doc: Doc, span: Span) -> tuple[int, int]:
    """Token range of the sentence holding ``span``, cut at newlines (a bullet line is a clause)."""
    start, end = (span.sent.start, span.sent.end) if doc.has_annotation("SENT_START") else (0, len(doc))
    for k in range(span.start - 1, start - 1, -1):
        if doc[k].is_space and "\n" in doc[k].text:
            start = k + 1
            break
    for k in range(span.end, end):
        if doc[k].is_space and "\n" in doc[k].text:
            end = k
            break
    return start, end
