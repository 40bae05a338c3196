"""A lookup lemmatizer that also finds capitalised words ("Hoping" -> "hope").

spaCy's lookup mode looks up ``token.text`` as it is, so a sentence-initial "Wanted" keeps its
form. This subclass falls back to the lowercase form and always returns lowercase lemmas, which
is what the rules match on. The table is the bundled English lookup table
(:func:`alignscore.resources.lemma_lookups`), given at ``initialize``.

The lemma depends on the token's text only, so it is computed once per distinct text and cached
by its hash; a Doc gets all its lemmas in one ``Doc.from_array`` call instead of a Python call per
token (about four times faster on our corpus, same output).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from ._spans import BatchedPipe

__all__ = ["LowercaseLookupLemmatizer", "make_lemmatizer"]

_MAX_CACHE = 1_000_000  # distinct token texts remembered before the cache starts again


class LowercaseLookupLemmatizer(BatchedPipe, Lemmatizer):
    """Lookup lemmatizer with a lowercase fallback and lowercase output."""

    _cache: dict[int, int]
    _cache_table: object

    def lookup_lemmatize(self, token: Token) -> list[str]:
        """Return ``[lemma]`` for ``token`` from the lookup table."""
        return [self._lemma_of(token.text)]

    def _lemma_of(self, text: str) -> str:
        table = self.lookups.get_table("lemma_lookup", {})
        low = text.lower()
        lemma = table.get(text) or table.get(low) or low
        return lemma.lower()

    @contextmanager
    def memory_zone(self, mem: object = None) -> Iterator[None]:
        """Keep the lemmas of texts first seen in a spaCy memory zone for that zone only.

        ``nlp.memory_zone()`` frees the strings added inside it; a lemma hash cached from
        there would outlive its string. :meth:`spacy.Language.memory_zone` enters this for us.
        """
        self._zone_cache: dict[int, int] | None = {}
        try:
            yield
        finally:
            self._zone_cache = None

    def __call__(self, doc: Doc) -> Doc:
        """Set ``token.lemma`` on every token that has none (all of them with ``overwrite``)."""
        if self.mode != "lookup":
            return super().__call__(doc)
        if not len(doc):
            return doc
        table = self.lookups.get_table("lemma_lookup", {})
        cache = self.__dict__.get("_cache")
        if (
            cache is None
            or self.__dict__.get("_cache_table") is not table
            or len(cache) > _MAX_CACHE
        ):
            # a new table (initialize, from_disk) or a very long run: start again
            cache = self._cache = {}
            self._cache_table = table
        strings = self.vocab.strings
        orths = doc.to_array(ORTH).tolist()
        # inside a memory zone, new entries go to a cache dropped with the zone's strings
        zone = self.__dict__.get("_zone_cache")
        new_entries = cache if zone is None else zone
        lemmas = []
        for orth in orths:
            lemma = cache.get(orth)
            if lemma is None and zone is not None:
                lemma = zone.get(orth)
            if lemma is None:
                lemma = new_entries[orth] = strings.add(self._lemma_of(strings[orth]))
            lemmas.append(lemma)
        new = np.asarray(lemmas, dtype="uint64")
        if not self.overwrite:
            old = doc.to_array(LEMMA)
            new = np.where(old == 0, new, old)
        doc.from_array([LEMMA], new.reshape(-1, 1))
        return doc


@Language.factory(
    "alignscore_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "lookup",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_lemmatizer(
    nlp: Language, model: None, name: str, mode: str, overwrite: bool, scorer: object
) -> LowercaseLookupLemmatizer:
    """Create the lookup lemmatizer; assigns ``token.lemma`` (lowercase)."""
    return LowercaseLookupLemmatizer(
        nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer
    )
