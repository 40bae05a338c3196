r"""Hashed word 1-2 gram counts of an answer: the text model's input, in training and at inference.

The tokenisation is scikit-learn's default word analyser: lowercase, tokens matching
``(?u)\b\w\w+\b``, unigrams followed by bigrams joined with one space. Each term goes to column
``zlib.crc32(term.encode("utf-8")) % 2**18``; terms that share a column add up. CRC-32 comes with
the standard library, so scoring needs neither scikit-learn's murmurhash nor scipy, and the same
function builds the training matrix, so the two can never disagree.

Example:
    >>> terms("I want to lead SQL")
    ['want', 'to', 'lead', 'sql', 'want to', 'to lead', 'lead sql']
    >>> counts = hashed_counts("data data science")
    >>> sorted(counts.values())
    [1, 1, 1, 2]
    >>> all(0 <= column < N_FEATURES for column in counts)
    True
"""

from __future__ import annotations

import re
import zlib
from itertools import pairwise

__all__ = ["N_FEATURES", "column", "hashed_counts", "terms"]

#: number of hashed columns (2**18)
N_FEATURES = 2**18
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str) -> list[str]:
    """Return the word unigrams, then the bigrams, of ``text`` (lowercased).

    Args:
        text: Any string (an empty string gives no terms).

    Returns:
        The terms in order: every token, then every pair of neighbouring tokens.
    """
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def column(term: str) -> int:
    """The hashed column of one term: ``crc32(term) % N_FEATURES``."""
    return zlib.crc32(term.encode("utf-8")) % N_FEATURES


def hashed_counts(text: str) -> dict[int, int]:
    """Count the terms of ``text`` per hashed column.

    Args:
        text: Any string.

    Returns:
        ``{column: count}`` with ``column = crc32(term) % N_FEATURES``.
    """
    counts: dict[int, int] = {}
    for term in terms(text):
        c = column(term)
        counts[c] = counts.get(c, 0) + 1
    return counts
