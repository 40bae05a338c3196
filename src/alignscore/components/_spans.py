"""Small helpers shared by the components."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.tokens import Doc, Span
from spacy.util import minibatch

__all__ = ["BatchedPipe", "Marks", "clause_bounds", "clause_marks", "pipe_in_batches"]

Marks = tuple[list[int], list[int]]


def clause_marks(doc: Doc) -> Marks:
    """Sentence starts and newline tokens of ``doc``, for :func:`clause_bounds`.

    Compute them once per Doc when bounding many spans: one ``to_array`` call instead of a
    Token object per token looked at.
    """
    n = len(doc)
    if n == 0:
        return [0], []
    arr = doc.to_array([SENT_START, IS_SPACE, ORTH])
    if doc.has_annotation("SENT_START"):
        starts = np.flatnonzero(arr[:, 0] == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
    else:
        starts = [0]
    strings = doc.vocab.strings
    newlines = [
        int(k) for k in np.flatnonzero(arr[:, 1]).tolist() if "\n" in strings[int(arr[k, 2])]
    ]
    return starts, newlines


def clause_bounds(doc: Doc, span: Span, marks: Marks | None = None) -> tuple[int, int]:
    """Token range of the sentence holding ``span``, cut at newlines (a bullet line is a clause).

    The sentence is the one holding the span's first token, as ``Span.sent`` gives it.
    ``marks`` are :func:`clause_marks` of ``doc`` (computed here when omitted).
    """
    starts, newlines = marks if marks is not None else clause_marks(doc)
    i = bisect_right(starts, span.start)
    start = starts[i - 1]
    end = starts[i] if i < len(starts) else len(doc)
    j = bisect_left(newlines, span.start) - 1  # the last newline before the span
    if j >= 0 and newlines[j] >= start:
        start = newlines[j] + 1
    j = bisect_left(newlines, span.end)  # the first newline at or after its end
    if j < len(newlines) and newlines[j] < end:
        end = newlines[j]
    return start, end


def pipe_in_batches(component: Any, stream: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    """Run ``component`` over ``stream`` one batch at a time, then yield the batch.

    ``nlp.pipe`` chains the components' ``pipe`` generators; if each yields a Doc as soon as it
    is done, every Doc runs through the whole pipeline before the next starts, and each
    component's code and tables are evicted from the CPU caches by the others' for every Doc.
    Running one component over a batch before passing it on makes the pipeline about a fifth
    faster (1.69 -> 1.35 ms per answer, batch of 64 to 256) with the same output.
    """
    for batch in minibatch(stream, max(1, batch_size)):
        for doc in batch:
            component(doc)
        yield from batch


class BatchedPipe:
    """Mixin for a component whose ``pipe`` runs it over a batch at a time.

    See :func:`pipe_in_batches`.
    """

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of Docs a batch at a time."""
        return pipe_in_batches(self, stream, batch_size)
