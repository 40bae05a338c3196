"""Extract GOAL, HORIZON, SKILL and TITLE spans from one text, with offsets into that text.

Example:
    >>> spans = extract("In the next two years I want to master SQL &amp; Tableau.")
    >>> [(s.label, s.text) for s in spans]
    [('HORIZON', 'In the next two years'), ('GOAL', 'master SQL &amp; Tableau'), ('SKILL', 'SQL'), ('SKILL', 'Tableau')]
    >>> spans[0].years_min, spans[0].years_max, spans[0].bucket
    (0.0, 2.0, 'short')
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InvalidInputError
from .extensions import BUCKET, HORIZON_AT, HYPOTHETICAL, NEGATED, OFFSETS, YEARS
from .labels import SPANS_KEY
from .pipeline import load_pipeline
from .results import Span

__all__ = ["doc_spans", "extract"]


def doc_spans(doc: Doc, original: str | None = None) -> tuple[Span, ...]:
    """Convert the ``alignscore`` span group of a processed Doc to :class:`Span` results.

    Offsets are mapped back to the original string when the tokenizer cleaned the text.
    """
    text = original if original is not None else doc._.get("alignscore_original") or doc.text
    offsets = doc._.get(OFFSETS)
    group = doc.spans.get(SPANS_KEY, [])
    spans = sorted(group, key=lambda s: (s.start_char, -s.end_char, s.label_))
    index = {(s.start, s.end, s.label_): i for i, s in enumerate(spans)}
    out = []
    for s in spans:
        start, end = s.start_char, s.end_char
        if offsets is not None:
            starts, ends = offsets
            start, end = starts[start], ends[end - 1]
        kw: dict[str, Any] = {}
        if s.label_ == "HORIZON":
            years = s._.get(YEARS) or [None, None]
            lo, hi = years
            kw = {
                "years_min": None if lo is None else float(lo),
                "years_max": None if hi is None else float(hi),
                "bucket": s._.get(BUCKET),
            }
        elif s.label_ == "GOAL":
            at = s._.get(HORIZON_AT)
            kw = {
                "negated": bool(s._.get(NEGATED)),
                "hypothetical": bool(s._.get(HYPOTHETICAL)),
                "horizon": index.get((at[0], at[1], "HORIZON")) if at else None,
            }
        else:
            kw = {"id": s.id_ or None}
        out.append(Span(s.label_, text[start:end], start, end, **kw))
    return tuple(out)


def extract(
    text: str, *, nlp: Language | None = None, reference_year: int | None = None
) -> tuple[Span, ...]:
    """Extract spans from one answer or job description.

    Args:
        text: The text; HTML leftovers are cleaned before tokenising and offsets still index
            this string.
        nlp: A loaded pipeline (default: :func:`alignscore.pipeline.load_pipeline`).
        reference_year: The calendar year "now" for expressions like "by 2030" (default: the
            pipeline's setting, the current year).

    Returns:
        The spans, sorted by start (outer first on a tie).

    Raises:
        InvalidInputError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"Expected a string, got {type(text).__name__}.")
    nlp = nlp or load_pipeline()
    if reference_year is None:
        return doc_spans(nlp(text), text)
    horizons = nlp.get_pipe("alignscore_horizons")
    saved = horizons.reference_year
    horizons.reference_year = reference_year
    try:
        return doc_spans(nlp(text), text)
    finally:
        horizons.reference_year = saved
