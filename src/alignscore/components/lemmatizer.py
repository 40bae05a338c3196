"""A lookup lemmatizer that also finds capitalised words ("Hoping" -> "hope").

spaCy's lookup mode looks up ``token.text`` as it is, so a sentence-initial "Wanted" keeps its
form. This subclass falls back to the lowercase form and always returns lowercase lemmas, which
is what the rules match on. The table is the bundled English lookup table
(:func:`alignscore.resources.lemma_lookups`), given at ``initialize``.

A pipeline saved with the bundled table does not copy it: the saved lemmatizer holds a reference
to it (``bundled_table.json``: its name and size) and loading takes the table from the package,
where the tokenizer's ``NORM`` getter has already read it. That spares about a sixth of the load
time, spent building spaCy's ``Table`` (an ordered dict with a Bloom filter) for 41,462 words. A
lemmatizer given another table saves and loads it as spaCy's does.

The lemma depends on the token's text only, so it is computed once per distinct text and cached
by its hash; a Doc gets all its lemmas in one ``Doc.from_array`` call instead of a Python call per
token (about four times faster on our corpus, same output).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import srsly
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..errors import ModelError
from ..resources import lemma_table
from ._spans import BatchedPipe

__all__ = ["LowercaseLookupLemmatizer", "make_lemmatizer"]

_MAX_CACHE = 1_000_000  # distinct token texts remembered before the cache starts again
_TABLE = "lemma_lookup"
_BUNDLED_FILE = "bundled_table.json"  # written instead of ``lookups`` for the bundled table
_BUNDLED_NAME = "alignscore.resources.lemma_table"


class LowercaseLookupLemmatizer(BatchedPipe, Lemmatizer):
    """Lookup lemmatizer with a lowercase fallback and lowercase output."""

    _cache: dict[int, int]
    _cache_table: object
    # the bundled table as a plain dict, when it was loaded by reference (no spaCy ``Table``)
    _plain: dict[str, str] | None = None
    _lookups: Lookups

    @property  # type: ignore[override]
    def lookups(self) -> Lookups:
        """The lemma tables (a table loaded by reference joins them on first use)."""
        if self._plain is not None and not self._lookups.has_table(_TABLE):
            self._lookups.add_table(_TABLE, self._plain)
        return self._lookups

    @lookups.setter
    def lookups(self, lookups: Lookups) -> None:
        self._lookups = lookups
        self._plain = None

    def _table(self) -> Any:
        """The lemma table: a plain dict or spaCy's ``Table`` (both have ``get``)."""
        if self._plain is not None:
            return self._plain
        return self._lookups.get_table(_TABLE, {})

    def lookup_lemmatize(self, token: Token) -> list[str]:
        """Return ``[lemma]`` for ``token`` from the lookup table."""
        return [self._lemma_of(token.text)]

    def _lemma_of(self, text: str, table: Any = None) -> str:
        table = self._table() if table is None else table
        low = text.lower()
        lemma = table.get(text) or table.get(low) or low
        return lemma.lower()

    # ------------------------------------------------------------------ serialisation

    def _holds_bundled_table(self) -> bool:
        if self._plain is not None:
            return self._plain is lemma_table()
        if self._lookups.tables != [_TABLE]:
            return False
        table = self._lookups.get_table(_TABLE)
        bundled = lemma_table()
        if len(table) != len(bundled):
            return False
        return all(table.get(get_string_id(k)) == v for k, v in bundled.items())

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lemmatizer; the bundled table is saved as a reference, not copied."""
        if "lookups" in exclude or not self._holds_bundled_table():
            super().to_disk(path, exclude=exclude)
            return
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if "vocab" not in exclude:
            self.vocab.to_disk(path / "vocab")
        reference = {"table": _BUNDLED_NAME, "entries": len(lemma_table())}
        srsly.write_json(path / _BUNDLED_FILE, reference)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Lemmatizer:
        """Load the lemmatizer; a reference to the bundled table takes it from the package.

        Raises:
            ModelError: the reference names another table, or one of another size (the
                pipeline was saved by another version of the package).
        """
        marker = Path(path) / _BUNDLED_FILE
        if "lookups" in exclude or not marker.is_file():
            return super().from_disk(path, exclude=exclude)
        if "vocab" not in exclude and (Path(path) / "vocab").exists():
            self.vocab.from_disk(Path(path) / "vocab")
        reference = srsly.read_json(marker)
        bundled = lemma_table()
        if reference != {"table": _BUNDLED_NAME, "entries": len(bundled)}:
            raise ModelError(
                f"{path}: the pipeline was saved with the lemma table {reference}, and this "
                f"package bundles {_BUNDLED_NAME} with {len(bundled)} entries; rebuild the "
                "pipeline with `alignscore build-pipeline`"
            )
        self.lookups = Lookups()
        self._plain = bundled
        return self

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
        table = self._table()
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
                lemma = new_entries[orth] = strings.add(self._lemma_of(strings[orth], table))
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
