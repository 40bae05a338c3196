"""A lookup lemmatizer that also finds capitalised words ("Hoping" -> "hope").

spaCy's lookup mode looks up ``token.text`` as it is, so a sentence-initial "Wanted" keeps its
form. This subclass falls back to the lowercase form and always returns lowercase lemmas, which
is what the rules match on. The table is the bundled English lookup table
(:func:`alignscore.resources.lemma_lookups`), given at ``initialize``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

__all__ = ["LowercaseLookupLemmatizer", "make_lemmatizer"]


class LowercaseLookupLemmatizer(Lemmatizer):
    """Lookup lemmatizer with a lowercase fallback and lowercase output."""

    def lookup_lemmatize(self, token: Token) -> list[str]:
        """Return ``[lemma]`` for ``token`` from the lookup table."""
        table = self.lookups.get_table("lemma_lookup", {})
        low = token.lower_
        lemma = table.get(token.text) or table.get(low) or low
        return [lemma.lower()]


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
