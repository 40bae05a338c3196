"""Repair of swapped-letter typos ("yaers", "wnat", "becuase") before tokenising.

A lowercase word of four or more letters that is neither in the lexicon nor common is replaced by
the most common word that differs from it by two neighbouring letters swapped, when that word is
common itself and clearly more frequent than the typo. The repair keeps every word's length, so
character offsets into the caller's string stay valid one for one. Capitalised words (names),
words in capitals (acronyms) and words with digits are left alone.

The common words and their frequencies come from spacy-lookups-data (``data/words/README.md``).

Example:
    >>> repair = TypoRepair(frozenset(), {"years": -7.4, "want": -6.7, "lead": -9.0})
    >>> repair("In two yaers I wnat to lead the team")
    'In two years I want to lead the team'
    >>> repair("Paris, ifrs and Jira")  # names, unknown words with no common neighbour: kept
    'Paris, ifrs and Jira'
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["TypoRepair", "common_words", "default_repair", "taxonomy_words"]

_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
VALID_LOG_PROB = -12.0  # a word at least this common is taken as spelled on purpose
TARGET_LOG_PROB = -12.5  # a repair must give a word at least this common
MARGIN = 2.0  # ... and at least e**2 times as common as the typo
UNSEEN_LOG_PROB = -20.0  # the typo's log probability when the list does not have it


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, object]:
    path = Path(str(resources.files("alignscore") / "data" / "words" / "en_common_words.json"))
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def common_words() -> dict[str, float]:
    """The bundled common English words and their natural-log probabilities."""
    words: dict[str, float] = _word_lists()["common"]  # type: ignore[assignment]
    return words


def taxonomy_words() -> frozenset[str]:
    """Lowercase words of the packaged SKILL and TITLE names ("wset", "ifrs"): never repaired."""
    return frozenset(_word_lists()["taxonomy"])  # type: ignore[arg-type]


class TypoRepair:
    """Replace lowercase swapped-letter typos by the common word they were meant to be.

    Args:
        lexicon: Lowercase words taken as correctly spelled however rare (e.g. lemma forms).
        probs: Common words and their natural-log probabilities.
    """

    def __init__(self, lexicon: frozenset[str], probs: dict[str, float]) -> None:
        self.lexicon = lexicon
        self.probs = probs
        self._cache: dict[str, str | None] = {}
        self._fine: set[str] = set()  # words seen that need no repair (the common case)

    def correction(self, word: str) -> str | None:
        """The repair of a lowercase ``word``, or None to keep it."""
        if word in self._cache:
            return self._cache[word]
        probs = self.probs
        own = probs.get(word, UNSEEN_LOG_PROB)
        found = None
        if own < VALID_LOG_PROB and word not in self.lexicon:
            best = TARGET_LOG_PROB
            floor = max(TARGET_LOG_PROB, own + MARGIN)
            for i in range(len(word) - 1):
                if word[i] == word[i + 1]:
                    continue
                cand = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                p = probs.get(cand)
                if p is not None and p >= floor and (found is None or p > best):
                    found, best = cand, p
        if len(self._cache) > 100_000:
            self._cache.clear()
            self._fine.clear()
        self._cache[word] = found
        if found is None:
            self._fine.add(word)
        return found

    def _replace(self, m: re.Match[str]) -> str:
        word = m.group(0)
        return self.correction(word) or word

    def __call__(self, text: str) -> str:
        """Return ``text`` with swapped-letter typos repaired (same length, same offsets)."""
        if self._fine.issuperset(_WORD.findall(text)):
            return text  # every word already known to need no repair: one set test in C
        return _WORD.sub(self._replace, text)

    def changes(self, text: str) -> list[tuple[str, str]]:
        """The (typo, repair) pairs :meth:`__call__` makes in ``text``."""
        out = []
        for m in _WORD.finditer(text):
            fixed = self.correction(m.group(0))
            if fixed is not None:
                out.append((m.group(0), fixed))
        return out


@lru_cache(maxsize=1)
def default_repair() -> TypoRepair:
    """The pipeline's repair: lemma forms and taxonomy words as lexicon, the common words."""
    from .resources import lemma_forms

    return TypoRepair(lemma_forms() | taxonomy_words(), common_words())
