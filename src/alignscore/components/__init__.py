"""alignscore's spaCy components; importing this package registers their factories."""

from __future__ import annotations

from . import gazetteer, goals, horizons, lemmatizer, linker, sentences, token_matcher

__all__ = ["gazetteer", "goals", "horizons", "lemmatizer", "linker", "sentences", "token_matcher"]
