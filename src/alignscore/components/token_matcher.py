"""A token-pattern matcher for the subset of spaCy's pattern language our rulers use.

spaCy's :class:`~spacy.matcher.Matcher` evaluates ``IN`` sets, ``REGEX`` and the like as Python
predicates on every token for every pattern, so a few dozen cue patterns with word sets cost more
than the rest of the pipeline together. :class:`TokenPatternMatcher` compiles each pattern to
per-element tests over the hashes ``Doc.to_array`` returns in one call, indexes patterns by the
words that can start them (and, where a pattern cannot end after one token, by the words its
second token can be), and runs a small NFA only from positions where a pattern can start.
It returns what spaCy's matcher returns for these patterns: every ``(match_id, start, end)`` with
a non-empty span, including every end a ``*``/``?``/``+`` element allows.

Supported token keys: ``ORTH``/``TEXT``, ``LOWER``, ``LEMMA``, ``NORM``, ``SHAPE`` (a string, or a
dict with ``IN``/``NOT_IN``; ``TEXT``/``LOWER`` also ``REGEX``), boolean lexical attributes
(``LIKE_NUM``, ``IS_DIGIT``, ``IS_ALPHA``, ``IS_PUNCT``, ``IS_TITLE``, ``IS_LOWER``, ``IS_UPPER``,
``IS_SPACE``), ``SPACY`` (a space follows the token) and ``IS_SENT_START``; ``OP`` one of ``?``,
``*``, ``+``, ``{n}``, ``{n,m}``, ``{n,}``, ``{,m}`` (or none). Anything else raises
:class:`ValueError` when the pattern is added, never a silent mismatch.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> m = TokenPatternMatcher(nlp.vocab)
    >>> want = {"LOWER": {"IN": ["want", "hope"]}}
    >>> m.add("CUE", [[want, {"LOWER": "really", "OP": "*"}, {"LOWER": "to"}]])
    >>> doc = nlp("I want to lead and hope really really to learn")
    >>> [(doc[s:e].text) for _, s, e in m(doc)]
    ['want to', 'hope really really to']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ._spans import BatchedPipe

__all__ = ["FastSpanRuler", "TokenPatternMatcher", "make_span_ruler", "phrase_docs"]

_STRING_ATTRS = {
    "ORTH": "ORTH",
    "TEXT": "ORTH",
    "LOWER": "LOWER",
    "LEMMA": "LEMMA",
    "NORM": "NORM",
    "SHAPE": "SHAPE",
}
_BOOL_ATTRS = {
    "LIKE_NUM",
    "IS_DIGIT",
    "IS_ALPHA",
    "IS_PUNCT",
    "IS_TITLE",
    "IS_LOWER",
    "IS_UPPER",
    "IS_SPACE",
    "SPACY",
}
_OPS = {None: "1", "?": "?", "*": "*", "+": "+"}
# attributes set by the tokenizer alone (no pipeline component changes them)
_LEXICAL_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH"}

# one test on one token: (attr column, allowed hashes or None, refused hashes or None, bool wanted,
# regex or None)
_Test = tuple[
    str, frozenset[int] | None, frozenset[int] | None, bool | None, "re.Pattern[str] | None"
]


# patterns that open with the same test: those to run as they are, and by the columns and values
# their second token must have, those to run only when the next token has one
_Group = tuple[list[int], dict[str, dict[int, list[int]]]]

_REPEAT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def _repeat_bounds(op: str) -> tuple[int, int | None] | None:
    """``{n}``, ``{n,m}``, ``{n,}``, ``{,m}`` -> (low, high or None); None if not such an op."""
    m = _REPEAT.match(op)
    if m is None or (not m.group(1) and not m.group(3)):
        return None
    low = int(m.group(1) or 0)
    if not m.group(2):
        return low, low
    high = int(m.group(3)) if m.group(3) else None
    if high is not None and high < low:
        return None
    return low, high


class _Element:
    """One pattern element: all its tests must hold; ``op`` is ``1``, ``?`` or ``*``."""

    __slots__ = ("key", "op", "simple", "tests")

    def __init__(self, tests: list[_Test], op: str) -> None:
        self.tests = tests
        self.op = op
        # its first "value in set" test: a necessary condition, used to index and pre-filter
        keys = [(t[0], t[1]) for t in tests if t[1] is not None]
        self.key: tuple[str, frozenset[int]] | None = keys[0] if keys else None
        # the common case, that test alone, checked inline by the matcher
        self.simple = self.key if len(tests) == 1 else None


class TokenPatternMatcher:
    """Drop-in for :class:`spacy.matcher.Matcher` on the pattern subset described above.

    Args:
        vocab: The pipeline's vocab (its string store hashes the pattern values).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._patterns: dict[str, list[list[dict[str, Any]]]] = {}
        self._compiled: list[tuple[int, list[_Element]]] = []
        self._closures: list[list[frozenset[int]]] = []
        self._required: list[list[tuple[str, frozenset[int]]]] = []
        self._dirty = False
        self._columns: list[str] = []
        self._column_ids: list[int] = []
        self._first_index: dict[str, dict[int, list[_Group]]] = {}
        self._anywhere: list[int] = []

    # -- the Matcher interface SpanRuler uses -------------------------------------------------
    def add(
        self,
        key: str,
        patterns: Sequence[list[dict[str, Any]]],
        *,
        on_match: Callable | None = None,
    ) -> None:
        """Add ``patterns`` under ``key`` (compiled at once: a bad pattern raises here)."""
        if on_match is not None:
            raise ValueError("TokenPatternMatcher does not support on_match callbacks.")
        key_id = self.vocab.strings.add(key)
        for pattern in patterns:
            elements = self._compile(pattern)
            self._compiled.append((key_id, elements))
            self._patterns.setdefault(key, []).append(pattern)
        self._dirty = True

    def remove(self, key: str) -> None:
        """Remove every pattern added under ``key``."""
        if key not in self._patterns:
            raise ValueError(f"No patterns under {key!r}.")
        del self._patterns[key]
        key_id = self.vocab.strings.as_int(key)
        self._compiled = [(k, e) for k, e in self._compiled if k != key_id]
        self._dirty = True

    def get(self, key: str, default: Any = None) -> tuple[None, list[list[dict[str, Any]]]] | Any:
        """``(None, patterns)`` for ``key``, like spaCy's Matcher."""
        return (None, self._patterns[key]) if key in self._patterns else default

    def __len__(self) -> int:
        return len(self._patterns)

    def __contains__(self, key: str) -> bool:
        return key in self._patterns

    # -- compiling ------------------------------------------------------------------------------
    def _hashes(self, values: Iterable[Any]) -> frozenset[int]:
        return frozenset(self.vocab.strings.add(str(v)) for v in values)

    def _compile(self, pattern: list[dict[str, Any]]) -> list[_Element]:
        if not isinstance(pattern, list) or not pattern:
            raise ValueError(f"A token pattern is a non-empty list of dicts, got {pattern!r}.")
        elements: list[_Element] = []
        for spec in pattern:
            op = spec.get("OP")
            repeat = _repeat_bounds(op) if isinstance(op, str) and op.startswith("{") else None
            if op not in _OPS and repeat is None:
                raise ValueError(f"Unsupported OP {op!r} in {spec!r}.")
            tests: list[_Test] = []
            for raw_key, value in spec.items():
                key = raw_key.upper()
                if key == "OP":
                    continue
                if key in _STRING_ATTRS:
                    col = _STRING_ATTRS[key]
                    if isinstance(value, str):
                        tests.append((col, self._hashes([value]), None, None, None))
                    elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN", "REGEX"}:
                        if "REGEX" in value:
                            if key not in ("TEXT", "ORTH", "LOWER"):
                                raise ValueError(
                                    f"REGEX is supported on TEXT/ORTH/LOWER only: {spec!r}."
                                )
                            tests.append(
                                (
                                    "TEXT" if key != "LOWER" else "LOWERTEXT",
                                    None,
                                    None,
                                    None,
                                    re.compile(value["REGEX"]),
                                )
                            )
                        if "IN" in value:
                            tests.append((col, self._hashes(value["IN"]), None, None, None))
                        if "NOT_IN" in value:
                            tests.append((col, None, self._hashes(value["NOT_IN"]), None, None))
                    else:
                        raise ValueError(f"Unsupported value for {raw_key}: {value!r}.")
                elif key in _BOOL_ATTRS or key == "IS_SENT_START":
                    if not isinstance(value, bool):
                        raise ValueError(f"{raw_key} takes true or false, got {value!r}.")
                    tests.append((key, None, None, value, None))
                else:
                    raise ValueError(f"Unsupported token attribute {raw_key!r} in {spec!r}.")
            if repeat is not None:
                low, high = repeat  # {n,m}: n required copies, then m - n optional ones (or "*")
                elements.extend(_Element(tests, "1") for _ in range(low))
                if high is None:
                    elements.append(_Element(tests, "*"))
                else:
                    elements.extend(_Element(tests, "?") for _ in range(high - low))
            elif _OPS[op] == "+":
                elements.append(_Element(tests, "1"))
                elements.append(_Element(tests, "*"))
            else:
                elements.append(_Element(tests, _OPS[op]))
        return elements

    def _build_index(self) -> None:
        columns: set[str] = set()
        anywhere: list[int] = []
        self._closures = [
            [frozenset(self._closure(elements, {k})) for k in range(len(elements) + 1)]
            for _, elements in self._compiled
        ]
        # a pattern can only match a doc holding one of the allowed values of each required element
        self._required = [
            [el.key for el in elements if el.op == "1" and el.key is not None]
            for _, elements in self._compiled
        ]
        # patterns indexed by the values their first token can have, in groups of patterns that
        # open with the same test; in a group, those that cannot end after their first token
        # are indexed again by the values their second token can have (per group, not per
        # first value: no product of two word sets)
        groups: dict[tuple[str, frozenset[int]], _Group] = {}
        for p, (_, elements) in enumerate(self._compiled):
            for el in elements:
                columns.update(t[0] for t in el.tests if t[0] not in ("TEXT", "LOWERTEXT"))
            keyed = [elements[k].key for k in self._closures[p][0] if k < len(elements)]
            if not keyed or any(key is None for key in keyed):
                anywhere.append(p)
                continue
            second = self._second_tests(elements, self._closures[p])
            for key in dict.fromkeys(keyed):  # type: ignore[arg-type]
                plain, by_next = groups.setdefault(key, ([], {}))  # type: ignore[arg-type]
                if second is None:
                    plain.append(p)
                    continue
                for col2, allowed in second:
                    nested = by_next.setdefault(col2, {})
                    for h2 in allowed:
                        nested.setdefault(h2, []).append(p)
        first_index: dict[str, dict[int, list[_Group]]] = {}
        for (col, hashes), group in groups.items():
            buckets = first_index.setdefault(col, {})
            for h in hashes:
                buckets.setdefault(h, []).append(group)
        self._columns = sorted(columns)
        self._column_ids = [IDS["SENT_START" if c == "IS_SENT_START" else c] for c in self._columns]
        self._first_index = first_index
        self._anywhere = anywhere
        self._dirty = False

    @staticmethod
    def _second_tests(
        elements: list[_Element], closures: list[frozenset[int]]
    ) -> list[tuple[str, frozenset[int]]] | None:
        """What a match's second token must have: one allowed value per column, or None.

        A match takes its first token by one of the elements it can start with, and then, unless
        it can end there, takes the next token by one of the elements reachable after that one:
        that token must pass the first test of one of them. None when one of them has no such
        test or the pattern can end after one token.
        """
        size = len(elements)
        after: set[int] = set()
        for k in closures[0]:
            if k == size:
                return None
            after |= closures[k if elements[k].op == "*" else k + 1]
        if size in after:
            return None
        keys = [elements[k].key for k in sorted(after)]
        if any(key is None for key in keys):
            return None
        merged: dict[str, frozenset[int]] = {}  # one allowed set per column
        for col, hashes in keys:  # type: ignore[misc]
            merged[col] = merged.get(col, frozenset()) | hashes
        return list(merged.items())

    @staticmethod
    def _closure(elements: list[_Element], states: set[int]) -> set[int]:
        out = set(states)
        stack = list(states)
        while stack:
            k = stack.pop()
            if k < len(elements) and elements[k].op in ("?", "*") and k + 1 not in out:
                out.add(k + 1)
                stack.append(k + 1)
        return out

    # -- matching -------------------------------------------------------------------------------
    def __call__(
        self, doc: Doc, *, as_spans: bool = False, with_alignments: bool = False
    ) -> list[tuple[int, int, int]]:
        """Return ``(match_id, start, end)`` for every match in ``doc``, sorted."""
        if as_spans or with_alignments:
            raise ValueError("TokenPatternMatcher returns (match_id, start, end) tuples only.")
        if self._dirty:
            self._build_index()
        n = len(doc)
        if n == 0 or not self._compiled:
            return []
        cols: dict[str, list[int]] = {}
        if self._columns:
            arr = doc.to_array(self._column_ids)
            if arr.ndim == 1:
                arr = arr.reshape(-1, 1)
            for j, c in enumerate(self._columns):
                if c == "IS_SENT_START":
                    column = (arr[:, j] == 1).astype("uint64")
                    column[0] = 1  # the first token always starts a sentence
                    cols[c] = column.tolist()
                else:
                    cols[c] = arr[:, j].tolist()
        present: dict[str, set[int]] = {}
        possible: dict[int, bool] = {}  # pattern -> may it match here (its required words occur)
        required = self._required
        starts: dict[int, list[int]] = {}
        for col, buckets in self._first_index.items():
            get = buckets.get
            for i, h in enumerate(cols[col]):
                groups = get(h)
                if groups is None:
                    continue
                for plain, by_next in groups:
                    if plain:
                        starts.setdefault(i, []).extend(plain)
                    if by_next and i + 1 < n:
                        for col2, nested in by_next.items():
                            ps = nested.get(cols[col2][i + 1])
                            if ps is not None:
                                starts.setdefault(i, []).extend(ps)
        if self._anywhere:
            for i in range(n):
                starts.setdefault(i, []).extend(self._anywhere)
        found: set[tuple[int, int, int]] = set()
        for i in sorted(starts):
            for p in dict.fromkeys(starts[i]):
                ok = possible.get(p)
                if ok is None:
                    ok = True
                    for col, hashes in required[p]:
                        seen = present.get(col)
                        if seen is None:
                            seen = present[col] = set(cols[col])
                        if hashes.isdisjoint(seen):
                            ok = False
                            break
                    possible[p] = ok
                if not ok:
                    continue
                key_id, elements = self._compiled[p]
                for end in self._run(elements, self._closures[p], doc, cols, i, n):
                    found.add((key_id, i, end))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _run(
        self,
        elements: list[_Element],
        closures: list[frozenset[int]],
        doc: Doc,
        cols: dict[str, list[int]],
        start: int,
        n: int,
    ) -> list[int]:
        size = len(elements)
        states: frozenset[int] | set[int] = closures[0]
        ends: list[int] = []
        i = start
        test = self._test
        while i < n and states:
            nxt: set[int] = set()
            for k in states:
                if k == size:
                    continue
                el = elements[k]
                simple = el.simple
                if simple is not None:
                    if cols[simple[0]][i] not in simple[1]:
                        continue
                elif not test(el, doc, cols, i):
                    continue
                nxt |= closures[k if el.op == "*" else k + 1]
            states = nxt
            i += 1
            if size in states:
                ends.append(i)
        return ends

    @staticmethod
    def _test(el: _Element, doc: Doc, cols: dict[str, list[int]], i: int) -> bool:
        for col, allowed, refused, wanted, regex in el.tests:
            if regex is not None:
                text = doc[i].text
                if regex.search(text.lower() if col == "LOWERTEXT" else text) is None:
                    return False
                continue
            value = cols[col][i]
            if allowed is not None and value not in allowed:
                return False
            if refused is not None and value in refused:
                return False
            if wanted is not None and bool(value) != wanted:
                return False
        return True


class FastSpanRuler(BatchedPipe, SpanRuler):
    """spaCy's SpanRuler with :class:`TokenPatternMatcher` for its token patterns.

    Same config, patterns, serialisation and output; phrase patterns still go to spaCy's
    PhraseMatcher.
    """

    def clear(self) -> None:
        """Reset all patterns."""
        super().clear()
        self.matcher = TokenPatternMatcher(self.nlp.vocab)  # type: ignore[assignment]
        # match id -> the hashes of its label and id (the sort keys), and the strings
        self._label_ids: dict[int, tuple[int, int, str, str]] = {}

    def match(self, doc: Doc) -> list[Span]:
        """The ruler's spans in ``doc``: what :meth:`SpanRuler.match` returns, made faster.

        Matches are deduplicated and sorted as plain tuples of token offsets and label and id
        hashes (the order of spaCy's Span comparison, character offsets following token
        offsets), and a Span is made once per distinct match; an empty matcher is not called.
        Spans get their label and id as strings, as spaCy's ruler gives them: a hash alone
        would name a string that a memory zone may have freed.
        """
        self._require_patterns()
        matches: list[tuple[int, int, int]] = []
        if len(self.matcher):
            matches.extend(self.matcher(doc))
        if len(self.phrase_matcher):
            matches.extend(self.phrase_matcher(doc))
        keys = self._label_ids
        distinct = set()
        for m_id, start, end in matches:
            if start != end:
                key = keys.get(m_id)
                if key is None:
                    entry = self._match_label_id_map[m_id]
                    label, span_id = entry["label"], entry["id"]
                    key = keys[m_id] = (
                        get_string_id(label),
                        get_string_id(span_id),
                        label,
                        span_id,
                    )
                distinct.add((start, end, *key))
        return [
            Span(doc, s, e, label=lab, span_id=sid) for s, e, _, _, lab, sid in sorted(distinct)
        ]

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """Add token and phrase patterns (SpanRuler's schema).

        spaCy's ruler runs every component before it over its phrase patterns, one phrase at a
        time: most of our load time for a few thousand phrases. Here the phrases' Docs come from
        :func:`phrase_docs`; when the phrase attribute is lexical (``ORTH``, ``LOWER``,
        ``NORM``...) that is all, for ``LEMMA`` only the components that declare they assign
        ``token.lemma`` run over them, and for any other attribute every component before the
        ruler does, as in spaCy.
        """
        attr = self.phrase_matcher_attr
        attr_name = attr if isinstance(attr, str) or attr is None else self.nlp.vocab.strings[attr]
        attr_name = (attr_name or "ORTH").upper()
        names = [name for name, _ in self.nlp.pipeline]
        before = names[: names.index(self.name)] if self.name in names else names
        if attr_name in _LEXICAL_ATTRS:
            needed: list[str] = []
        elif attr_name == "LEMMA":
            needed = [
                name for name in before if "token.lemma" in self.nlp.get_pipe_meta(name).assigns
            ]
        else:
            needed = before
        strings = self.nlp.vocab.strings
        by_label: dict[str, list[str]] = {}
        for entry in patterns:
            p_label = str(entry["label"])
            p_id = str(entry.get("id", ""))
            label = repr((p_label, p_id))
            self._match_label_id_map[strings.as_int(label)] = {"label": p_label, "id": p_id}
            if isinstance(entry["pattern"], str):
                by_label.setdefault(label, []).append(entry["pattern"])
            elif isinstance(entry["pattern"], list):
                self.matcher.add(label, [entry["pattern"]])
            else:
                raise ValueError(f"Invalid pattern: {entry['pattern']!r}")
            self._patterns.append(entry)
        texts = [text for group in by_label.values() for text in group]
        docs = phrase_docs(self.nlp, texts)
        for name, proc in self.nlp.pipeline:
            if name in needed:
                docs = [proc(doc) for doc in docs]
        k = 0
        for label, group in by_label.items():
            self.phrase_matcher.add(label, docs[k : k + len(group)])
            k += len(group)


def phrase_docs(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """Docs of phrases as ``nlp.make_doc`` makes them, built from their words where that is safe.

    spaCy's tokenizer splits a text at its spaces and then each piece on its own (prefixes,
    suffixes, infixes, special cases); our tokenizer before it cleans HTML, lowercases text in
    capitals and repairs swapped-letter typos, word by word but for the capitals. So a lowercase
    phrase with single spaces and no markup is built from its words when each word, made alone,
    is one token with its own text and its vocabulary norm (``"cos"`` has a norm of its own,
    ``"cannot"`` splits, ``"evenutally"`` is repaired: those phrases are tokenised). Each
    distinct word is tokenised once, so a few thousand phrases cost a few hundred calls.
    """
    if any(key.strip() and " " in key for key in getattr(nlp.tokenizer, "rules", {}) or {}):
        return [nlp.make_doc(text) for text in texts]  # a special case spans a space
    vocab = nlp.vocab
    plain: dict[str, bool] = {}

    def word_ok(word: str) -> bool:
        ok = plain.get(word)
        if ok is None:
            doc = nlp.make_doc(word)
            ok = plain[word] = (
                len(doc) == 1 and doc[0].text == word and doc[0].norm == vocab[word].norm
            )
        return ok

    out = []
    for text in texts:
        words = text.split(" ")
        if _PLAIN_PHRASE.fullmatch(text) and text == text.lower() and all(map(word_ok, words)):
            out.append(Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False]))
        else:
            out.append(nlp.make_doc(text))
    return out


_PLAIN_PHRASE = re.compile(r"[^\s<>&]+(?: [^\s<>&]+)*")


@Language.factory(
    "alignscore_span_ruler",
    assigns=["doc.spans"],
    # the same settings as spaCy's span_ruler, so a config switches factories and nothing else
    default_config={
        "spans_key": "ruler",
        "spans_filter": None,
        "annotate_ents": False,
        "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite": True,
        "scorer": {
            "@scorers": "spacy.overlapping_labeled_spans_scorer.v1",
            "spans_key": "ruler",
        },
    },
)
def make_span_ruler(
    nlp: Language,
    name: str,
    spans_key: str | None,
    spans_filter: Callable | None,
    annotate_ents: bool,
    ents_filter: Callable,
    phrase_matcher_attr: int | str | None,
    matcher_fuzzy_compare: Callable,
    validate: bool,
    overwrite: bool,
    scorer: Callable | None,
) -> FastSpanRuler:
    """Create a span ruler whose token patterns run on :class:`TokenPatternMatcher`."""
    return FastSpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        spans_filter=spans_filter,
        annotate_ents=annotate_ents,
        ents_filter=ents_filter,
        phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate,
        overwrite=overwrite,
        scorer=scorer,
    )
