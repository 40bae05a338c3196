"""SentenceRepair: sentence starts that a lost full stop hid from the punctuation sentencizer.

Transcribed answers and hurried chat messages often drop their full stops, and spaCy's
``sentencizer`` then reads a paragraph as one sentence, so a time phrase at one end governs a
goal at the other and a hypothetical "if" spreads over every aim. Without a parser the one clue
left is the capital letter: a capitalised function word or discourse adverb after a lowercase
word, and before a lowercase one, opens a new sentence ("... be a sponge basically And then I
...", "... research and leadership Over time the ..."). A capitalised word before another
capitalised one is taken as part of a name ("write for The Guardian"), and "I" is never a clue
(it is capitalised everywhere).

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> _ = nlp.add_pipe("alignscore_sentences")
    >>> [s.text for s in nlp("I want to learn the tools And then I will lead the team").sents]
    ['I want to learn the tools', 'And then I will lead the team']
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_TITLE, LOWER, ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ._spans import BatchedPipe

__all__ = [
    "EMBEDDING_WORDS",
    "PLURAL_VERBS",
    "SENTENCE_OPENERS",
    "STANCE_WORDS",
    "SentenceRepair",
    "make_sentence_repair",
]

# function words and discourse adverbs that open a sentence when capitalised mid-text; "I", the
# number words and the noun-like stop words ("One", "Top", "Side") occur inside names
SENTENCE_OPENERS = (
    frozenset(STOP_WORDS)
    | {
        "honestly", "basically", "ideally", "hopefully", "eventually", "ultimately", "longer",
        "like", "maybe", "right", "okay", "ok", "obviously", "realistically", "frankly",
        "personally", "finally", "lastly", "firstly", "secondly", "overall", "long", "short",
        "looking", "beyond", "after", "today", "tomorrow", "later", "someday",
    }
) - {
    "i", "one", "two", "three", "four", "five", "six", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "forty", "fifty", "sixty", "hundred", "first", "third", "part", "side",
    "top", "bottom", "front", "name", "amount", "serious", "empty", "full", "former", "latter",
}  # fmt: skip

# after an "I" that follows a noun, the words that make it open a new sentence ("... them i
# also noticed"); a relative clause ("the things I design") goes on otherwise
STANCE_WORDS = frozenset(
    {
        "also", "think", "believe", "feel", "felt", "know", "guess", "reckon", "noticed",
        "notice", "saw", "found", "figured", "realised", "realized", "suppose", "honestly",
        "personally", "actually", "mean",
    }
)  # fmt: skip
PLURAL_VERBS = frozenset({"are", "were", "'re", "’re", "re"})
# words after which an "I" opens a clause inside the goal ("a team where I can ...") rather than
# a new sentence whose full stop is missing ("... check them i also noticed ...")
EMBEDDING_WORDS = frozenset(
    {
        "where", "wherever", "as", "than", "what", "whatever", "so", "that", "before", "after",
        "how", "when", "whenever", "while", "because", "which", "who", "if", "until", "till",
        "once", "since", "though", "although", "unless", "whether", "why",
    }
)  # fmt: skip
RUN_ON_TOKENS = 30  # a sentence this long without a comma or any other mark is a run-on


class SentenceRepair(BatchedPipe):
    """Mark the sentence starts a lost full stop hid (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "alignscore_sentences") -> None:
        self.name = name
        from ..spelling import common_words

        strings = nlp.vocab.strings
        gerunds = {w for w in common_words() if w.endswith("ing") and len(w) > 5}
        self._openers = frozenset(strings.add(w) for w in SENTENCE_OPENERS | gerunds)
        self._i = strings.add("I")
        self._lower_i = strings.add("i")
        self._stance = frozenset(strings.add(w) for w in STANCE_WORDS)
        self._embedding = frozenset(strings.add(w) for w in EMBEDDING_WORDS)

    def starts(self, doc: Doc) -> list[int]:
        """Token offsets of the sentence starts a lost full stop hid."""
        n = len(doc)
        if n < 3:
            return []
        arr = doc.to_array([IS_TITLE, IS_LOWER, IS_ALPHA, LOWER, ORTH, IS_PUNCT, SENT_START])
        title, low, alpha, lower, orth, punct, sent = arr.T
        lower_word = (low == 1) & (alpha == 1)
        out: set[int] = set()
        # capitalised openers (checked with NumPy: most tokens are no candidates)
        candidates = np.flatnonzero(title[1:] == 1) + 1
        for k in candidates.tolist():
            if int(lower[k]) not in self._openers or not lower_word[k - 1]:
                continue
            if k + 1 == n or low[k + 1] or int(orth[k + 1]) == self._i:
                out.add(k)
        # run-on sentences: no mark at all over RUN_ON_TOKENS tokens; an "I" that states a view
        # opens a new one ("... on my own I know the software ...")
        i_at = np.flatnonzero(lower == self._lower_i).tolist()
        if n < RUN_ON_TOKENS or not i_at:
            return sorted(out)
        bounds = sorted({0, n} | out | set(np.flatnonzero(sent == 1).tolist()))
        marks = np.concatenate(([0], np.cumsum(punct)))
        for start, end in pairwise(bounds):
            if end - start < RUN_ON_TOKENS or marks[end] - marks[start]:
                continue
            for k in i_at:
                if not (start + 2 <= k < end - 1) or int(lower[k + 1]) not in self._stance:
                    continue
                if lower_word[k - 1] and int(lower[k - 1]) not in self._embedding:
                    out.add(k)
        return sorted(out)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``is_sent_start`` on the repaired sentence starts."""
        for k in self.starts(doc):
            doc[k].is_sent_start = True
        return doc


@Language.factory(
    "alignscore_sentences", requires=["token.is_sent_start"], assigns=["token.is_sent_start"]
)
def make_sentence_repair(nlp: Language, name: str) -> SentenceRepair:
    """Create the sentence-start repair; put it right after the ``sentencizer``."""
    return SentenceRepair(nlp, name)
