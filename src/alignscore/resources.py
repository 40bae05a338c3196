"""Package data readers: SpanRuler pattern files, JSON lexicons and the lemma table.

Pattern files live in ``alignscore/patterns/`` as JSONL in SpanRuler's schema, one object per
line. :func:`read_patterns` checks keys, labels and ids strictly and raises
:class:`~alignscore.errors.PatternError` naming the file, the line and the key.

Example:
    >>> pats = read_patterns(["horizons"])
    >>> all(p["label"] == "HORIZON" for p in pats)
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.util import registry

from .errors import PatternError

__all__ = [
    "PATTERN_LABELS",
    "lemma_forms",
    "lemma_lookups",
    "lemma_table",
    "patterns_dir",
    "read_lexicon",
    "read_patterns",
]

#: Labels each pattern file may use.
PATTERN_LABELS: dict[str, frozenset[str]] = {
    "skills": frozenset({"SKILL"}),
    "titles": frozenset({"TITLE"}),
    "horizons": frozenset({"HORIZON", "NOT_HORIZON"}),
    "cues": frozenset(
        {
            "GOAL_CUE",
            "NEG_GOAL_CUE",
            "HYPOTHETICAL_CUE",
            "BRIDGE_CUE",
            "EMPLOYER_CUE",
            "FLIGHT_CUE",
            "SELF_GAIN_CUE",
            "CLICHE",
            "HEDGE",
            "GROWTH_OFFER",
            "PAST_CUE",
            "GOAL_BOUNDARY",
        }
    ),
}
_ALLOWED_KEYS = frozenset({"label", "pattern", "id"})


def patterns_dir() -> Path:
    """Return the directory holding the packaged pattern and lexicon files."""
    return Path(str(resources.files("alignscore") / "patterns"))


def _check_pattern(obj: Any, labels: frozenset[str]) -> str | None:
    if not isinstance(obj, dict):
        return "expected a JSON object"
    extra = set(obj) - _ALLOWED_KEYS
    if extra:
        return f"unknown key {sorted(extra)[0]!r}; allowed keys are {sorted(_ALLOWED_KEYS)}"
    if "label" not in obj:
        return "missing key 'label'"
    if obj["label"] not in labels:
        return f"key 'label': {obj['label']!r} is not one of {sorted(labels)}"
    if "pattern" not in obj:
        return "missing key 'pattern'"
    pat = obj["pattern"]
    if isinstance(pat, str):
        if not pat.strip():
            return "key 'pattern': empty phrase"
    elif isinstance(pat, list):
        if not pat or not all(isinstance(t, dict) and t for t in pat):
            return "key 'pattern': a token pattern must be a non-empty list of non-empty objects"
    else:
        return "key 'pattern': must be a phrase (string) or a token pattern (list)"
    if "id" in obj and (not isinstance(obj["id"], str) or not obj["id"]):
        return "key 'id': must be a non-empty string"
    return None


def read_pattern_file(path: Path, labels: frozenset[str]) -> list[dict[str, Any]]:
    """Read and check one JSONL pattern file.

    Raises:
        PatternError: the file is missing, a line is not JSON, or a pattern breaks the schema.
    """
    if not path.is_file():
        raise PatternError(f"{path}: pattern file not found")
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise PatternError(f"{path}:{n}: not valid JSON ({err.msg})") from None
            problem = _check_pattern(obj, labels)
            if problem:
                raise PatternError(f"{path}:{n}: {problem}")
            out.append(obj)
    return out


@registry.misc("alignscore.patterns.v1")
def read_patterns(names: Iterable[str], directory: str | None = None) -> list[dict[str, Any]]:
    """Read the named pattern files (``skills``, ``titles``, ``horizons``, ``cues``).

    Args:
        names: Pattern file stems, in order.
        directory: A directory to read instead of the packaged ``patterns/``.

    Returns:
        All patterns, file by file, in SpanRuler's schema.

    Raises:
        PatternError: an unknown file name, or a bad file (the message names file, line, key).
    """
    root = Path(directory) if directory else patterns_dir()
    patterns: list[dict[str, Any]] = []
    for name in names:
        if name not in PATTERN_LABELS:
            raise PatternError(
                f"unknown pattern file {name!r}; expected one of {sorted(PATTERN_LABELS)}"
            )
        patterns.extend(read_pattern_file(root / f"{name}.jsonl", PATTERN_LABELS[name]))
    return patterns


@cache
def read_lexicon(name: str) -> Any:
    """Read a packaged JSON lexicon (``horizon_lexicon``, ``title_levels``, ``title_info`` ...).

    Raises:
        PatternError: the file is missing or not valid JSON.
    """
    path = patterns_dir() / f"{name}.json"
    if not path.is_file():
        raise PatternError(f"{path}: lexicon file not found")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise PatternError(f"{path}:{err.lineno}: not valid JSON ({err.msg})") from None


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """Return the bundled English lemma lookup table (word form -> lemma).

    The table comes from spacy-lookups-data (WordNet-derived; licence in
    ``alignscore/data/lemmas/LICENSE-en_lemma_lookup.txt``).
    """
    path = Path(str(resources.files("alignscore") / "data" / "lemmas" / "en_lemma_lookup.json"))
    table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    # ordinals map to digits ("first" -> "1") and clitics to guesses ("'s" -> "have"): both
    # would make rules match the wrong thing, so those entries are left out
    return {k: v for k, v in table.items() if not v[:1].isdigit() and k[:1] not in "'’"}


@lru_cache(maxsize=1)
def lemma_forms() -> frozenset[str]:
    """Every word form and lemma in :func:`lemma_table`: words known to be English."""
    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


@registry.misc("alignscore.lemma_lookups.v1")
def lemma_lookups() -> Any:
    """Return a spaCy ``Lookups`` with the bundled ``lemma_lookup`` table, for the lemmatizer."""
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_lookup", lemma_table())
    return lookups
