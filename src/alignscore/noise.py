"""Surface noise of the kinds real answers carry: lost case, lost punctuation, letter swaps.

Answers reach the scorer typed on phones, pasted from speech-to-text, or written in a hurry.
These functions make such variants of a clean answer. Training adds one noised copy of every
training answer per kind in :data:`NOISES` (same labels, same posting), so that the scorer learns
that these changes do not change what an answer says; the robustness benchmark and the probe
tests apply the same kinds, with other random draws, to answers the scorer never saw.

Example:
    >>> strip_punctuation("Long term: lead the team, then PM.")
    'Long term lead the team then PM'
    >>> transcript("Long term: lead the team.")
    'long term lead the team'
    >>> swap_letters("mentoring", 1, seed=0) != "mentoring"
    True
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["NOISES", "keeps", "noised", "strip_punctuation", "swap_letters", "transcript"]

#: letter pairs swapped per answer by the ``swapped_letters`` noise
SWAPS = 4


def keeps(char: str) -> bool:
    """Whether :func:`strip_punctuation` keeps ``char``: letters, digits and white space."""
    return char.isalnum() or char.isspace()


def strip_punctuation(text: str) -> str:
    """``text`` without punctuation or symbols (letters, digits and white space are kept)."""
    return "".join(c for c in text if keeps(c))


def transcript(text: str) -> str:
    """``text`` as speech-to-text gives it: lowercase, without punctuation."""
    return strip_punctuation(text.lower())


def swap_letters(text: str, n: int = SWAPS, *, seed: int | str = 0) -> str:
    """``text`` with ``n`` random pairs of neighbouring letters swapped ("mentro" for "mentor").

    Args:
        text: The clean text.
        n: How many pairs to swap (fewer if the text has fewer letter pairs).
        seed: Seed of the draw; the same seed gives the same swaps.
    """
    rng = random.Random(seed)
    chars = list(text)
    pairs = [i for i in range(len(chars) - 1) if chars[i].isalpha() and chars[i + 1].isalpha()]
    for i in rng.sample(pairs, min(n, len(pairs))):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


#: the noise kinds training augments with, each a function of (text, seed)
NOISES: dict[str, Callable[[str, int | str], str]] = {
    "lowercase": lambda text, seed: text.lower(),
    "no_punctuation": lambda text, seed: strip_punctuation(text),
    "transcript": lambda text, seed: transcript(text),
    "swapped_letters": lambda text, seed: swap_letters(text, seed=seed),
}


def noised(text: str, kind: str, seed: int | str = 0) -> str:
    """``text`` with the noise ``kind`` (a key of :data:`NOISES`) applied.

    Raises:
        KeyError: ``kind`` is not a known noise.
    """
    if kind not in NOISES:
        raise KeyError(f"unknown noise {kind!r}; known: {sorted(NOISES)}")
    return NOISES[kind](text, seed)
