"""SKILL and TITLE gazetteer: longest-match lookup of taxonomy names on normalised tokens.

The taxonomies give tens of thousands of names. spaCy's SpanRuler re-tokenises every phrase
pattern each time a pipeline loads (about 30 microseconds a pattern, seconds for our lists), so
this component compiles the packaged ``skills.jsonl`` and ``titles.jsonl`` (SpanRuler's schema)
once, at ``initialize``, into token sequences of ``NORM`` values (lowercase lemmas: case, plural
and inflection variants match) and saves that compiled form with ``to_disk``; loading reads it
back without tokenising anything.

On top of the lists, two rules:

- A TITLE grows to take in a seniority word just before it ("Senior" + "Data Analyst") and an
  "of" complement after a head role ("Director" + "of Content Strategy").
- Bare role nouns ("nurse", "manager") are TITLEs only where the speaker holds or targets the role
  ("become a nurse", "as a manager", "I'm a welder"), as the annotation guide says.

SKILL and TITLE spans never overlap; the longest wins, a TITLE on a tie.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..extensions import register_extensions
from ..labels import SKILL, SPANS_KEY, TITLE
from ..resources import read_lexicon

__all__ = ["Gazetteer", "make_gazetteer"]

Entry = tuple[tuple[str, ...], str, str, tuple[str, ...] | None]  # norms, label, id, cased orths

SENIORITY_WORDS = frozenset(
    {
        "senior", "sr", "junior", "jr", "lead", "principal", "chief", "head", "assistant",
        "associate", "staff", "deputy", "trainee", "apprentice", "regional", "executive",
        "entry-level", "graduate", "certified", "licensed", "registered", "qualified",
        "journeyman", "master", "general", "area", "district", "national", "global",
    }
)
OF_HEADS = frozenset(
    {"director", "head", "vp", "manager", "chief", "lead", "dean", "president", "officer",
     "professor", "coordinator", "supervisor"}
)
ROLE_CUES = frozenset(
    {"become", "be", "as", "am", "'m", "’m", "promote", "promoted", "make", "work", "into",
     "hire", "hired", "join", "grow", "move", "step", "named"}
)
ROLE_SKIP = frozenset({"a", "an", "the", "my", "good", "great", "better", "strong", "real",
                       "successful", "full", "fully", "proper", "qualified", "certified",
                       "licensed", "registered", "experienced", "skilled", "trusted", "solid",
                       "competent", "confident", "excellent", "top", "go-to", "effective"})
ALWAYS_TITLES = frozenset({"ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "cpo", "vp", "svp", "evp"})
STOP_OF = frozenset({"the", "a", "an", "my", "our", "your", "this", "that", "and", "or", "to", "in"})


class Gazetteer:
    """Find SKILL and TITLE spans by longest match over ``NORM`` token sequences."""

    def __init__(
        self,
        nlp: Language,
        name: str = "alignscore_gazetteer",
        *,
        spans_key: str = SPANS_KEY,
        role_nouns: str = "role_nouns",
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.role_nouns_name = role_nouns
        self.role_nouns: frozenset[str] = frozenset(read_lexicon(role_nouns))
        self._entries: list[Entry] = []
        self._index: dict[str, list[Entry]] = {}

    # ------------------------------------------------------------------ building

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: list[dict[str, Any]] | None = None,
    ) -> None:
        """Compile SpanRuler-style phrase or ``ORTH`` token patterns into the lookup index."""
        entries: list[Entry] = []
        phrases = [p for p in patterns or [] if isinstance(p["pattern"], str)]
        texts = [p["pattern"] for p in phrases]
        for pat, doc in zip(phrases, self.nlp.tokenizer.pipe(texts), strict=True):
            entries.append((tuple(t.norm_ for t in doc), pat["label"], pat.get("id", ""), None))
        for pat in patterns or []:
            if isinstance(pat["pattern"], list):
                orths = tuple(str(t["ORTH"]) for t in pat["pattern"])
                norms = tuple(self.nlp.vocab[o].norm_ for o in orths)
                entries.append((norms, pat["label"], pat.get("id", ""), orths))
        self._set_entries(entries)

    def _set_entries(self, entries: list[Entry]) -> None:
        self._entries = entries
        index: dict[str, list[Entry]] = {}
        for e in entries:
            if e[0]:
                index.setdefault(e[0][0], []).append(e)
        for cands in index.values():
            cands.sort(key=lambda e: (-len(e[0]), e[1] != TITLE))
        self._index = index

    def __len__(self) -> int:
        return len(self._entries)

    # ------------------------------------------------------------------ matching

    def find(self, doc: Doc) -> list[Span]:
        """Return SKILL and TITLE spans, non-overlapping, longest first."""
        norms = [t.norm_ for t in doc]
        orths = [t.text for t in doc]
        index = self._index
        found: list[tuple[int, int, str, str]] = []
        n = len(norms)
        for i, norm in enumerate(norms):
            cands = index.get(norm)
            if cands:
                for seq, label, eid, cased in cands:
                    end = i + len(seq)
                    if end <= n and tuple(norms[i:end]) == seq and (
                        cased is None or tuple(orths[i:end]) == cased
                    ):
                        found.append((i, end, label, eid))
                        break
            if norm in self.role_nouns:
                role = self._role_in_context(doc, i, norms)
                if role is not None:
                    found.append(role)
        found = [self._grow_title(doc, norms, m) if m[2] == TITLE else m for m in found]
        found.sort(key=lambda m: (-(m[1] - m[0]), m[2] != TITLE, m[0]))
        taken = [False] * n
        spans = []
        for start, end, label, eid in found:
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = True
            spans.append(Span(doc, start, end, label=label, span_id=eid))
        spans.sort(key=lambda s: (s.start, -s.end))
        return spans

    def _role_in_context(self, doc: Doc, i: int, norms: list[str]) -> tuple[int, int, str, str] | None:
        noun = norms[i]
        if noun in ALWAYS_TITLES:
            return (i, i + 1, TITLE, noun)
        j = i - 1
        skipped = 0
        while j >= 0 and norms[j] in ROLE_SKIP and skipped < 3:
            j -= 1
            skipped += 1
        if j >= 0 and norms[j] in ROLE_CUES:
            start = i
            while start - 1 > j and norms[start - 1] in SENIORITY_WORDS:
                start -= 1
            return (start, i + 1, TITLE, noun)
        return None

    def _grow_title(
        self, doc: Doc, norms: list[str], match: tuple[int, int, str, str]
    ) -> tuple[int, int, str, str]:
        start, end, label, eid = match
        while start > 0 and norms[start - 1] in SENIORITY_WORDS:
            start -= 1
        if norms[end - 1] in OF_HEADS and end + 1 < len(doc) and norms[end] == "of":
            k = end + 1
            limit = min(len(doc), k + 4)
            last = None
            while k < limit:
                tok = doc[k]
                if tok.is_punct or norms[k] in STOP_OF and not (norms[k] == "and" and last):
                    break
                if not (tok.is_title or tok.is_upper or norms[k] == "and"):
                    break
                if norms[k] != "and":
                    last = k
                k += 1
            if last is not None:
                end = last + 1
        return (start, end, label, eid)

    def __call__(self, doc: Doc) -> Doc:
        """Add SKILL and TITLE spans to ``doc.spans[spans_key]``."""
        spans = self.find(doc)
        group = doc.spans[self.spans_key] if self.spans_key in doc.spans else []
        doc.spans[self.spans_key] = [*list(group), *spans]
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of docs."""
        for doc in stream:
            yield self(doc)

    # ------------------------------------------------------------------ serialisation

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialise the compiled entries."""
        data = [[list(e[0]), e[1], e[2], list(e[3]) if e[3] else None] for e in self._entries]
        return srsly.msgpack_dumps({"entries": data})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Gazetteer:
        """Load compiled entries saved by :meth:`to_bytes`."""
        msg = srsly.msgpack_loads(data)
        self._set_entries(
            [(tuple(e[0]), e[1], e[2], tuple(e[3]) if e[3] else None) for e in msg["entries"]]
        )
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the compiled entries to ``path/entries.msgpack``."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "entries.msgpack").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Gazetteer:
        """Load the compiled entries saved by :meth:`to_disk`."""
        path = ensure_path(path)
        return self.from_bytes((path / "entries.msgpack").read_bytes())


@Language.factory(
    "alignscore_gazetteer",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "role_nouns": "role_nouns"},
)
def make_gazetteer(nlp: Language, name: str, spans_key: str, role_nouns: str) -> Gazetteer:
    """Create the SKILL/TITLE gazetteer.

    Assigns ``doc.spans[spans_key]`` (appends SKILL and TITLE spans; span ``id_`` is the
    canonical id). Patterns arrive at ``initialize`` (``[initialize.components.<name>.patterns]``).
    """
    return Gazetteer(nlp, name, spans_key=spans_key, role_nouns=role_nouns)
