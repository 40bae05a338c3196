"""Build, save and load alignscore's spaCy pipeline (blank English + our components).

The pipeline is assembled from ``configs/pipeline.cfg``, initialised from the packaged pattern
files, and saved with ``nlp.to_disk`` under ``models/<name>/pipeline``; :func:`load_pipeline`
loads it with ``spacy.load`` (cached). Nothing is downloaded at any point.

Example:
    >>> nlp = load_pipeline()
    >>> nlp.pipe_names[:3]
    ['sentencizer', 'alignscore_sentences', 'lemmatizer']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

from . import components  # noqa: F401  (registers the factories)
from .errors import ModelError
from .extensions import OFFSETS, ORIGINAL, register_extensions
from .resources import lemma_table
from .spelling import default_repair
from .text import clean_text, unshout

__all__ = [
    "CleaningTokenizer",
    "LemmaNorm",
    "build_pipeline",
    "config_path",
    "doc_text",
    "load_pipeline",
    "load_pipeline_at",
    "model_dir",
    "save_pipeline",
]


class LemmaNorm:
    """Lexeme ``NORM`` getter: lowercase, with regular plurals made singular.

    "Analysts" -> "analyst", "Tech Leads" -> "tech lead", but "nursing" stays "nursing" and
    "marketing" stays "marketing" (a full lemma would turn them into "nurse" and "market" and
    confuse skills with titles). Set once per vocabulary entry, so gazetteer matching on
    ``NORM`` costs nothing per token.
    """

    def __init__(self) -> None:
        self.table = lemma_table()

    def __call__(self, text: str) -> str:
        """Return the norm of one word form."""
        low = text.lower()
        if len(low) > 3 and low.endswith("s"):
            lemma = self.table.get(low)
            if lemma and (
                low in (lemma + "s", lemma + "es") or (low.endswith("ies") and lemma.endswith("y"))
            ):
                return lemma
        return low

    def __reduce__(self) -> tuple[Any, ...]:
        return (LemmaNorm, ())


CLEAN_TEXT_KEY = "alignscore_clean_text"


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it: the string the cleaning tokenizer kept, when it did.

    >>> doc = load_pipeline().make_doc("I &amp; my team")
    >>> doc_text(doc) == doc.text == "I & my team"
    True
    """
    text = doc.user_data.get(CLEAN_TEXT_KEY)
    return text if isinstance(text, str) else doc.text


def _regex_pattern(bound: Any) -> str | None:
    """The pattern string behind a compiled regex's bound ``search``/``match``/``finditer``."""
    return None if bound is None else bound.__self__.pattern


class CleaningTokenizer:
    """spaCy's English tokenizer behind :func:`alignscore.text.clean_text` and a typo repair.

    The Doc's text is the clean text, lowercased if it was typed in capitals
    (:func:`alignscore.text.unshout`), with swapped-letter typos repaired
    (:mod:`alignscore.spelling`; both keep lengths). When cleaning or repair changed
    anything, the original string is kept in ``doc._.alignscore_original``, and when cleaning
    moved characters, the offset map in ``doc._.alignscore_offsets``.
    """

    def __init__(self, base: Any, repair: Callable[[str], str] | None = None) -> None:
        register_extensions()
        self.base = base
        self.vocab = base.vocab
        self.repair = repair

    def __call__(self, text: str) -> Doc:
        """Clean ``text``, repair swapped-letter typos, tokenise, keep the offset map on the Doc."""
        clean = clean_text(text)
        clean_str = unshout(clean.text)  # text in capitals reads as lowercase (same length)
        clean_str = self.repair(clean_str) if self.repair is not None else clean_str
        doc = self.base(clean_str)
        doc.user_data[CLEAN_TEXT_KEY] = clean_str  # == doc.text, which rebuilds it token by token
        if clean.starts is not None:
            doc._.set(ORIGINAL, text)
            doc._.set(OFFSETS, [list(clean.starts), list(clean.ends)])
        elif clean_str != text:
            doc._.set(ORIGINAL, text)  # same length: offsets map one for one
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        """Tokenise a stream of texts."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        """Save the wrapped tokenizer."""
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> CleaningTokenizer:
        """Load the wrapped tokenizer (see :meth:`from_bytes`)."""
        return self.from_bytes(Path(path).read_bytes(), **kwargs)

    def to_bytes(self, **kwargs: Any) -> bytes:
        """Serialise the wrapped tokenizer."""
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> CleaningTokenizer:
        """Load the wrapped tokenizer from bytes.

        The tokenizer is built from code (:func:`create_tokenizer`); saved settings equal to the
        ones it has are not loaded again, since each load re-adds its ~1,300 special cases (a
        fifth of the pipeline's load time). Other settings are loaded as spaCy loads them.
        """
        if not self._holds(srsly.msgpack_loads(data)):
            self.base.from_bytes(data, **kwargs)
        return self

    def _holds(self, saved: dict[str, Any]) -> bool:
        """Whether the saved tokenizer settings (no vocab) equal the current ones."""
        base = self.base
        current = {
            "prefix_search": _regex_pattern(base.prefix_search),
            "suffix_search": _regex_pattern(base.suffix_search),
            "infix_finditer": _regex_pattern(base.infix_finditer),
            "token_match": _regex_pattern(base.token_match),
            "url_match": _regex_pattern(base.url_match),
            "exceptions": dict(sorted(base.rules.items())),
            "faster_heuristics": base.faster_heuristics,
        }
        return saved == current


# spaCy splits "3-5" at the hyphen but keeps "3\u20135" (en dash) and "3\u20145" (em dash) whole,
# so "in 3\u20134 years" would not read as a range; a dash between digits is split off the same way
NUMBER_DASH_INFIX = r"(?<=[0-9])[\u2013\u2014](?=[0-9])"
# spaCy keeps a full stop on a word in capitals ("U.S."), so "in FP&A. The team" was one sentence;
# after an ampersand acronym ("R&D", "P&L", "FP&A") the full stop is split off
AMPERSAND_STOP_SUFFIX = r"(?<=&[A-Z])\."
# ... and after a code that ends in a digit and a capital ("an H-1B.", "my 3.2U.")
CODE_STOP_SUFFIX = r"(?<=[0-9][A-Z])\."
# ... and after a name in camel case ending in a capital ("learn CostX.", "my PhD.")
CAMEL_STOP_SUFFIX = r"(?<=[a-z][A-Z])\."
# "5 yrs+" (five years or more): the plus is split off a unit of time, not off "C++" or "A+"
UNIT_PLUS_SUFFIX = "|".join(
    rf"(?<={unit})\+" for unit in ("yrs", "yr", "years", "year", "months", "mos")
)
# "~5 yrs" (about five years): the tilde is split off a number so the number reads as one
TILDE_PREFIX = r"~(?=[0-9])"


@registry.tokenizers("alignscore.tokenizer.v1")
def create_tokenizer() -> Any:
    """Return a factory for the cleaning tokenizer with lemma-based ``NORM`` values."""

    def make(nlp: Language) -> CleaningTokenizer:
        nlp.vocab.lex_attr_getters[NORM] = LemmaNorm()
        defaults = nlp.Defaults
        suffixes = [
            *defaults.suffixes,
            AMPERSAND_STOP_SUFFIX,
            CODE_STOP_SUFFIX,
            CAMEL_STOP_SUFFIX,
            UNIT_PLUS_SUFFIX,
        ]
        # every setting passed at construction: each later assignment of a regex would reload
        # the tokenizer's ~1,300 special cases (a fifth of the load time)
        base = Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex([*defaults.prefixes, TILDE_PREFIX]).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex([*defaults.infixes, NUMBER_DASH_INFIX]).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        return CleaningTokenizer(base, default_repair())

    return make


def config_path() -> Path:
    """Return the path of the packaged pipeline config."""
    return Path(str(resources.files("alignscore") / "configs" / "pipeline.cfg"))


def build_pipeline(patterns_dir: str | Path | None = None) -> Language:
    """Assemble the pipeline from its config and initialise it from the pattern files.

    Args:
        patterns_dir: A directory of pattern files to use instead of the packaged ones.

    Returns:
        An initialised ``Language``.
    """
    config = spacy.util.load_config(config_path())
    if patterns_dir is not None:
        config["paths"]["patterns_dir"] = str(patterns_dir)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


def model_dir(name: str = "default") -> Path:
    """Return the directory of the named model (``ALIGNSCORE_MODEL_DIR`` overrides the root).

    Looks in the installed package (``alignscore/_models/<name>``) and, for a source checkout,
    in the repository's ``models/<name>``.
    """
    root = os.environ.get("ALIGNSCORE_MODEL_DIR")
    if root:
        return Path(root) / name
    packaged = Path(str(resources.files("alignscore") / "_models" / name))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "models" / name


def save_pipeline(nlp: Language, name: str = "default") -> Path:
    """Save ``nlp`` to ``models/<name>/pipeline`` and return the path."""
    path = model_dir(name) / "pipeline"
    path.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    # spaCy's sentencizer writes its punctuation set in hash order, which changes from process to
    # process; sorted, a rebuild of the same pipeline writes the same bytes
    for settings in path.glob("sentencizer*.json"):
        data = srsly.read_json(settings)
        if isinstance(data, dict) and isinstance(data.get("punct_chars"), list):
            data["punct_chars"] = sorted(data["punct_chars"])
            srsly.write_json(settings, data)
    return path


def load_pipeline(name: str = "default") -> Language:
    """Load the saved pipeline of the named model (cached).

    Raises:
        ModelError: the pipeline directory is missing or unreadable.
    """
    return load_pipeline_at(model_dir(name) / "pipeline")


@lru_cache(maxsize=4)
def load_pipeline_at(path: Path) -> Language:
    """Load a saved pipeline directory (cached by path).

    Raises:
        ModelError: the directory is missing or unreadable.
    """
    if not (path / "config.cfg").is_file():
        raise ModelError(
            f"No alignscore pipeline at {path}. Rebuild it with `alignscore build-pipeline` "
            "or set ALIGNSCORE_MODEL_DIR to a directory holding <name>/pipeline."
        )
    try:
        return spacy.load(path)
    except (OSError, ValueError, KeyError) as err:
        raise ModelError(f"Could not load the alignscore pipeline at {path}: {err}") from err
