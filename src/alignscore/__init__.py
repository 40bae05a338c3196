"""alignscore: judge answers to "How does this position align with your career goals?".

A spaCy pipeline extracts the candidate's goals, their time horizons, skills and job titles (and
the job description's title, skills and growth offers); a feature-based model (trained with
scikit-learn, compiled to NumPy arrays for scoring) scores alignment, specificity and employer
focus, raises the rubric's flags and explains each score.
"""

from __future__ import annotations

import logging

from .about import __version__
from .api import frame_schema, load, score, score_frame, score_frames, score_many
from .errors import (
    AlignScoreError,
    AlignScoreWarning,
    CorpusError,
    InvalidInputError,
    ModelError,
    ModelVersionError,
    PatternError,
)
from .extraction import extract
from .pipeline import load_pipeline
from .results import ScoreResult, Span

logging.getLogger("alignscore").addHandler(logging.NullHandler())

__all__ = [
    "AlignScoreError",
    "AlignScoreWarning",
    "CorpusError",
    "InvalidInputError",
    "ModelError",
    "ModelVersionError",
    "PatternError",
    "ScoreResult",
    "Span",
    "__version__",
    "extract",
    "frame_schema",
    "load",
    "load_pipeline",
    "score",
    "score_frame",
    "score_frames",
    "score_many",
]
