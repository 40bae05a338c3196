"""alignscore's spaCy components; importing this package registers their factories."""

from __future__ import annotations

from . import cues, gazetteer, goals, horizons, lemmatizer, linker, sentences, token_matcher

__all__ = ["cues", "gazetteer", "goals", "horizons", "lemmatizer", "linker", "sentences", "token_matcher"]
