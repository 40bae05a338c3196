"""The cue ruler's span filter: one span per cue, and no cue where the words mean something else.

The cue ruler (``alignscore_cue_ruler``) matches several patterns that can find the same words:
the lemma phrase "paid" is "pay", so "pay" was found twice, once per pattern, and counted twice
by every feature that counts cues. :func:`cue_filter` keeps one span per label and token range
(the first pattern's id), and drops an employer cue "so that" that opens "so that's why" or "so
that is" (a reason, not a benefit for the team).

Example:
    >>> from alignscore.pipeline import load_pipeline
    >>> doc = load_pipeline()("It pays more, so that's why I applied.")
    >>> [(c.label_, c.text) for c in doc.spans["alignscore_cues"]]
    [('SELF_GAIN_CUE', 'pays')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span
from spacy.util import registry

__all__ = ["NOT_A_PURPOSE", "cue_filter", "make_cue_filter"]

# after "so that" these words give a reason ("so that's why I applied"), not a purpose
NOT_A_PURPOSE = frozenset({"'s", "’s", "is", "was"})


def cue_filter(existing: Iterable[Span], found: Iterable[Span]) -> list[Span]:
    """Return ``found`` with one span per (label, start, end), less "so that" + "'s".

    ``existing`` (spans already under the key) are left to the ruler; the cue ruler overwrites.
    """
    out: list[Span] = []
    seen: set[tuple[int, int, int]] = set()
    for span in found:
        key = (span.label, span.start, span.end)
        if key in seen:
            continue
        seen.add(key)
        doc = span.doc
        if (
            span.label_ == "EMPLOYER_CUE"
            and span.text.lower() == "so that"
            and span.end < len(doc)
            and doc[span.end].lower_ in NOT_A_PURPOSE
        ):
            continue
        out.append(span)
    return out


@registry.misc("alignscore.cue_filter.v1")
def make_cue_filter() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """Return :func:`cue_filter` (for the ``spans_filter`` setting of the cue ruler)."""
    return cue_filter
