"""Errors and warnings raised on purpose by alignscore.

Every error derives from :class:`AlignScoreError` and also from the built-in exception a caller
would naturally catch (``ValueError`` for bad values, ``OSError`` for files), so that
``except ValueError`` keeps working for code that does not know alignscore.
"""

from __future__ import annotations

__all__ = [
    "AlignScoreError",
    "AlignScoreWarning",
    "CorpusError",
    "InvalidInputError",
    "ModelError",
    "ModelVersionError",
    "PatternError",
]


class AlignScoreError(Exception):
    """Base class of every error alignscore raises on purpose."""


class InvalidInputError(AlignScoreError, ValueError):
    """Bad input to a public function: wrong type, missing column, unusable text."""


class PatternError(AlignScoreError, ValueError):
    """A bad pattern or lexicon file; the message names the file, the line and the key."""


class CorpusError(AlignScoreError, ValueError):
    """A corpus record breaks the schema; the message names the file, the line and the problem."""


class ModelError(AlignScoreError, OSError):
    """A missing or corrupt model directory, or an artefact whose hash does not match."""


class ModelVersionError(ModelError):
    """A model saved by an incompatible alignscore or feature-set version."""


class AlignScoreWarning(UserWarning):
    """A recoverable condition the caller should know about."""
