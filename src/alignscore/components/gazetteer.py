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

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import srsly
from spacy.attrs import NORM, ORTH, SPACY
from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..extensions import register_extensions
from ..labels import SKILL, SPANS_KEY, TITLE
from ..resources import lemma_forms, read_lexicon
from ..spelling import common_words
from ._spans import BatchedPipe

__all__ = ["Gazetteer", "make_gazetteer"]

Entry = tuple[tuple[str, ...], str, str, tuple[str, ...] | None]  # norms, label, id, cased orths
_Group = tuple[int, dict[tuple[str, ...], list[Entry]]]  # entries of one length, by their norms

SENIORITY_WORDS = frozenset(
    {
        "senior",
        "sr",
        "junior",
        "jr",
        "lead",
        "principal",
        "chief",
        "head",
        "assistant",
        "associate",
        "staff",
        "deputy",
        "trainee",
        "apprentice",
        "regional",
        "executive",
        "entry-level",
        "graduate",
        "certified",
        "licensed",
        "registered",
        "qualified",
        "journeyman",
        "master",
        "general",
        "area",
        "district",
        "national",
        "global",
    }
)
OF_HEADS = frozenset(
    {
        "director",
        "head",
        "vp",
        "manager",
        "chief",
        "lead",
        "dean",
        "president",
        "officer",
        "professor",
        "coordinator",
        "supervisor",
    }
)
ROLE_CUES = frozenset(
    {
        "become",
        "becoming",
        "be",
        "being",
        "as",
        "am",
        "'m",
        "’m",
        "promote",
        "promoted",
        "make",
        "made",  # "be made Partner", "I made manager"
        "work",
        "into",
        "hire",
        "hired",
        "join",
        "grow",
        "move",
        "step",
        "named",
        "qualify",
        "qualified",
        "train",
        "trained",
        "practising",
        "practicing",
        "eventual",
        "future",
        # held roles: "I was nurse", "I've been an accountant", "stay a TA"
        "was",
        "been",
        "stay",
        "staying",
        "remain",
        # a targeted role named as an option: "maybe supervisor one day", "perhaps director"
        "maybe",
        "perhaps",
    }
)
ROLE_SKIP = frozenset(
    {
        "a",
        "an",
        "the",
        "my",
        "good",
        "great",
        "better",
        "strong",
        "real",
        "successful",
        "full",
        "fully",
        "proper",
        "qualified",
        "certified",
        "licensed",
        "registered",
        "experienced",
        "skilled",
        "trusted",
        "solid",
        "competent",
        "confident",
        "excellent",
        "top",
        "go-to",
        "effective",
        # evaluative words: they grade the person, they do not qualify the role ("a bad
        # supervisor", "a really reliable coordinator"), so they are skipped, never kept
        "really",
        "very",
        "truly",
        "bad",
        "best",
        "reliable",
        "dependable",
        "well-rounded",
        "brilliant",
        "hard",
        "happy",
        "unhappy",
        "decent",
        "capable",
        "respected",
        "recognised",
        "recognized",
        "properly",
        "comfortable",
        "pure",
        # determiner-like words pick out people, they do not name a role ("a second nurse",
        # "the remaining designers", "external auditors")
        "second",
        "single",
        "remaining",
        "former",
        "previous",
        "current",
        "existing",
        "external",
        "complete",
        "newer",
        "person",
    }
)
# Role heads taken only with a qualifier before them and not followed by an object, since the
# bare word is mostly a verb or an adjective ("lead the team", "fellow students"): "support lead",
# "shift leads", "finance leader", "Research Fellow".
QUALIFIED_HEADS = frozenset({"lead", "leader", "fellow", "worker"})
# After such a head these words show a verb or an adjective, not a title: "data leads to ...",
# "the team leads the project", "fellow students".
NOT_AFTER_QUALIFIED_HEAD = frozenset(
    {
        "the", "a", "an", "my", "our", "their", "his", "her", "your", "its", "this", "that",
        "these", "those", "it", "them", "us", "me", "him", "some", "all", "any", "every", "each",
        "on", "with", "from", "by", "up", "out", "through", "across", "to", "into", "toward",
        "towards",
    }
)
# Nouns after a role noun that present it as a role held or aimed at: "a director role",
# "the Research Fellow track", "a research officer job".
ROLE_FOLLOWERS = frozenset(
    {"role", "post", "position", "job", "track", "route", "level", "title", "grade", "seat"}
)
# Nouns that qualify a role although the SKILL head rule refuses them as modifiers:
# "support lead", "team supervisor", "project manager", "customer support associate".
ROLE_QUALIFIER_NOUNS = frozenset(
    {
        "area",
        "business",
        "client",
        "company",
        "customer",
        "data",
        "people",
        "project",
        "quality",
        "support",
        "team",
        "career",
    }
)
# Words a lowercase verb can follow: "to support teachers", "I train nurses", "we'll manage"
# words before a role noun that describe a manner or act on the person, never the role:
# "keep a calm head", "seek counsel", "consult an advisor"
NOT_ROLE_QUALIFIERS = frozenset(
    {"calm", "cool", "clear", "steady", "wise", "fresh", "spare", "extra", "old", "seek",
     "ask", "consult", "retain", "hire", "give", "keep", "lose", "meet", "provide", "appoint",
     "natural", "born", "alongside", "including", "via", "per", "toward", "towards", "beside"}
)
VERB_CONTEXT = frozenset(
    {"to", "i", "we", "you", "they", "will", "'ll", "can", "could", "would", "'d", "should",
     "must", "might", "also", "and", "help", "helping"}
)
# a lowercase word right after a subject is a verb, not a role's qualifier: "we instruct counsel"
SUBJECTS = frozenset({"i", "we", "you", "they"})
# words after a bare role noun that still leave it the target ("to manager soon"), beside stop
# words, adverbs in -ly and ROLE_FOLLOWERS
TIME_AFTER_ROLE = frozenset({"soon", "someday", "later", "asap"})
UPPER_ROMAN = frozenset({"II", "III", "IV", "V"})
# short forms of role nouns that name a role only with a grade: "Tech III", "Tech II"
GRADED_SHORT_ROLES = frozenset({"tech"})
# role nouns that, after "my", name someone in the speaker's life: "my partner", "my boss"
PERSONAL_ROLES = frozenset({"partner", "boss", "manager", "mentor", "supervisor", "coach"})
ALWAYS_TITLES = frozenset(
    {"ceo", "cto", "cfo", "coo", "cmo", "cio", "vp", "svp", "evp", "gm", "hlta", "senco"}
)
STRONG_OF_HEADS = frozenset({"head", "director", "vp", "chief", "dean", "vice-president"})
TITLE_PREFIXES = frozenset(
    {"mid-level", "group", "chartered", "senior-level", "entry-level", "lead"}
)
NUMBERED_PREFIXES = frozenset({"tier", "grade", "level", "band"})
ROMAN = frozenset({"i", "ii", "iii", "iv", "v"})
SKILL_SUFFIXES = frozenset(
    {
        "certification",
        "certificate",
        "licence",
        "license",
        "qualification",
        "diploma",
        "ticket",
        "practitioner",
        "accreditation",
        "credential",
        "cert",
        "card",
    }
)
# an unlisted word in capitals this common (natural-log probability) is read as stress
EMPHASIS_LOG_PROB = -9.0
ACRONYM_PREPOSITIONS = frozenset(
    {"with", "in", "of", "for", "on", "under", "about", "into", "across", "within", "via"}
)
# list items that stand in for others: "or related field", "or equivalent", "or similar tools"
LIST_STAND_INS = frozenset(
    {"related", "similar", "equivalent", "other", "relevant", "comparable", "any", "such"}
)
# "$55k DOE" (depending on experience), "£30k OTE" (on-target earnings): pay, not a skill
# languages are skills ("I speak Portuguese"), but not where the name describes a noun after it
# ("the Korean customer team", "a Dutch entity", "Spanish-speaking"); words about the ability
# itself keep it ("Cantonese fluency", "Polish lessons")


def _words(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set."""
    return frozenset(text.split())


LANGUAGE_NAMES = _words(
    "english spanish french german italian portuguese dutch welsh irish gaelic polish russian "
    "ukrainian romanian greek turkish czech hungarian swedish norwegian danish finnish arabic "
    "hebrew farsi persian hindi urdu bengali punjabi tamil gujarati mandarin cantonese chinese "
    "japanese korean vietnamese thai tagalog malay indonesian swahili somali amharic yoruba"
)
LANGUAGE_ABILITY = _words(
    "fluency proficiency skills skill speaker speakers lessons classes class course courses "
    "tutor tutoring level levels exam exams qualification certificate translation interpreting "
    "fluent native"
)
# a company introduces itself: "Pellwood Millwork is a 40-person shop", "Northwind is hiring"
EMPLOYER_COPULAS = frozenset({"is", "are"})
EMPLOYER_INTRO_AFTER = _words(
    "a an the one looking hiring seeking recruiting proud growing based now expanding"
)
EMPLOYER_BEFORE = frozenset({"at", "join"})
HEADLINE_SEPARATORS = frozenset({"-", "\u2013", "\u2014", "|", ",", "@", "at", "\u00b7", "/"})
EMPLOYER_NAMES_KEY = ("alignscore", "employer_names")
COMPANY_SUFFIXES = frozenset(
    {"inc", "ltd", "llc", "llp", "plc", "gmbh", "co", "corp", "limited", "incorporated"}
)
PAY_ABBREVIATIONS = frozenset({"doe", "doq", "ote", "neg", "ono", "obo"})
PAY_WORDS = frozenset({"salary", "pay", "rate", "wage", "wages", "compensation", "competitive"})


def _after_pay(orths: list[str], i: int) -> bool:
    """Whether one of the four words before ``i`` is an amount of money or a word for pay."""
    for w in orths[max(0, i - 4) : i]:
        if w.lower() in PAY_WORDS or any(c in "$£€¥" for c in w) or w[:1].isdigit():
            return True
    return False


ACRONYM_STOP = frozenset(
    {
        "llp",  # company suffixes
        "gmbh",
        "i",
        "ok",
        "uk",
        "us",
        "usa",
        "eu",
        "nhs",
        "hr",
        "it",
        "pm",
        "am",
        "asap",
        "faq",
        "tbd",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cmo",
        "cio",
        "cpo",
        "vp",
        "svp",
        "evp",
        "gm",
        "hlta",
        "senco",
        "rn",
        "np",
        "ta",
        "dc",
        "hq",
        "ny",
        "la",
        "nyc",
        "llc",
        "ltd",
        "inc",
        "plc",
        "cv",
        "id",
        "tv",
        "pr",
        "ad",
        "ads",
        "eeo",
        "eoe",
        "fte",
        "pto",
        "dei",
        "ft",
        "pt",
        "ps",
        "fyi",
        "jd",
        "ai",
        "a",
        "q",
        "usd",
        "gbp",
        "eur",
        "etc",
        "n/a",
        "ii",
        "iii",
        "iv",
        "covid",
        "icu",
        "ed",
        "er",
        "or",
        "hk",
        "cvicu",
        "ons",
        "cpd",
        "toil",
        "pqe",
        "diy",
        "cx",
        "kpi",
        "kpis",
        "okr",
        "okrs",
        "roi",
        "b2c",
        "q1",
        "q2",
        "q3",
        "q4",
        "yoy",
        "wfh",
        # time zones: "CET ±2", "9-5 GMT"
        "cet",
        "cest",
        "gmt",
        "bst",
        "utc",
        "est",
        "edt",
        "cst",
        "pst",
        "pdt",
        "mst",
        "ist",
        "aest",
    }
)
STOP_WORDS_SET: frozenset[str] = frozenset(_SPACY_STOP_WORDS)
# what separates the members of a list of tools ("Klaviyo, Shopify and SQL")
LIST_MARKS = frozenset({",", "/", "&", "+", ";"})
LIST_WORDS = frozenset({"and", "or"})
# a plain-word list item (Gazetteer._list_item): its length, what may end it, what rules it out
LIST_ITEM_WORDS = 3
LIST_ITEM_ENDS = LIST_MARKS | frozenset({".", ":", "!", "?", "(", ")", "-"})
LIST_FILLERS = frozenset(
    {"um", "uh", "like", "probably", "maybe", "obviously", "eventually", "esp", "incl", "etc",
     "stuff", "things", "thing", "yeah", "honestly", "basically", "really", "also", "later",
     "first", "lot", "bit", "including", "plus"}
)  # fmt: skip
RARE_LOG_PROB = -12.0  # one word alone is a listed skill only if rarer than this
# a skill frame: a word and what may follow it before the skill's name ("experience with ...")
SKILL_FRAMES: dict[str, frozenset[str]] = {
    "experience": frozenset({"with", "in", "of", "using"}),
    "knowledge": frozenset({"of"}),
    "understanding": frozenset({"of"}),
    "familiarity": frozenset({"with"}),
    "familiar": frozenset({"with"}),
    "proficiency": frozenset({"in", "with"}),
    "proficient": frozenset({"in", "with"}),
    "fluent": frozenset({"in"}),
    "fluency": frozenset({"in"}),
    "skilled": frozenset({"in"}),
    "expertise": frozenset({"in"}),
    "trained": frozenset({"in"}),
    "certified": frozenset({"in"}),
    "background": frozenset({"in"}),
    "exposure": frozenset({"to"}),
    "grounding": frozenset({"in"}),
}
FRAME_WORDS = 4
# marks that join the words of one name inside a frame's object ("R&D", "GIS/CAD", "end-to-end")
NAME_JOINERS = frozenset({"-", "/", "&"})
# what a frame's object may not end in: no skill's name ("experience in a similar role")
GENERIC_OBJECTS = frozenset(
    {"environment", "setting", "role", "position", "team", "people", "customer", "client",
     "area", "sector", "industry", "field", "organisation", "organization", "company",
     "business", "work", "job", "year", "month", "way", "thing", "level", "place", "world",
     "service", "public", "person", "member", "staff", "patient", "child", "student", "need",
     "issue", "system", "process", "practice", "kind", "type", "range", "variety",
     "lot", "number", "part"}
)  # fmt: skip
YEAR = re.compile(r"^(19|20)\d\d$")
# Degrees are SKILLs (guide 4): abbreviations with their exact case; in text typed without
# capitals their lowercase forms.
DEGREES = frozenset(
    {"MSc", "BSc", "PhD", "MPhil", "DPhil", "MEng", "BEng", "MRes", "LLB", "LLM", "PGCE", "MPH",
     "BA", "MA"}
)
LOWER_DEGREES = frozenset({"msc", "bsc", "phd", "mphil", "dphil", "meng", "beng", "mres", "pgce"})
# qualification nouns after "Level N": "Level 3 certificate", "Level 2 Award in ..."
QUALIFICATION_NOUNS = frozenset(
    {"certificate", "diploma", "award", "qualification", "nvq", "apprenticeship", "certification"}
)
# Subject words (guide 4: "subjects", "named domains of expertise"): -ology, -ics, ... nouns
SUBJECT_SUFFIXES = ("ology", "ologies", "ography", "ometry", "onomy", "ics", "istry", "iatry")
NOT_SUBJECTS = frozenset(
    {
        "technology", "technologies", "apology", "apologies", "ideology", "ideologies",
        "terminology", "chronology", "anthology", "topics", "metrics", "tactics", "politics",
        "dynamics", "specifics", "characteristics", "clinics", "comics", "lyrics", "mechanics",
        "academics", "demographics", "basics", "logistics", "ministry", "registry", "geometry",
        "statistics", "analytics", "diagnostics",
        # sectors, not skills (guide 4): "an electronics store", "medical plastics"
        "electronics", "plastics", "athletics", "autonomy", "economy",
    }
)
# words before "level N" that end a phrase rather than name a qualification ("at level 3")
NOT_BEFORE_LEVEL = frozenset({"at", "to", "on", "of", "from", "above", "below", "same", "next"})
STOP_OF = frozenset(
    {"the", "a", "an", "my", "our", "your", "this", "that", "and", "or", "to", "in"}
)
# functions a lowercase "head of" / "director of" names even though the SKILL rule refuses them
# as modifiers or reads them as verbs: "head of people", "head of design", "director of data"
OF_FUNCTIONS = frozenset(
    {"people", "design", "data", "product", "engineering", "sales", "marketing", "operations",
     "ops", "finance", "hr", "it", "research", "content", "growth", "talent", "support",
     "service", "services", "customer", "technology", "security", "quality", "learning"}
)
# words that end the growth of "director of ...": time words ("director of development someday")
OF_STOPS = frozenset(
    {"someday", "eventually", "ultimately", "soon", "later", "now", "then", "too", "again",
     "here", "there", "one", "first", "yet", "anyway"}
)
# what may follow a grade "I" after a title ("Social Worker I, then"), unlike the pronoun "I"
# that starts the next clause ("as a researcher I want ...", "CTO I think", "Head of Design I'd")
GRADE_I_FOLLOWERS = frozenset(
    {"and", "or", "to", "role", "position", "post", "level", "track", "in", "at", "after",
     "within", "by", "for", "then", "until", "before", "with"}
)


# a product's name by its shape: a capital inside a word ("memoQ", "DeepL", "ArcPy", "ezyVet"),
# or letters with digits ("Survey123", "A320neo", "V2500"); not a surname ("McKenzie"), an
# amount, a time, a count or a postcode district ("1.2bn", "9am", "3rd", "Q2", "PO8")
_CAMEL = re.compile(r"(?!Mc|Mac)[A-Za-z]*[a-z][A-Z][A-Za-z]*")
_LETTERS_DIGITS = re.compile(
    r"(?:(?=(?:[^A-Za-z]*[A-Za-z]){2})(?=.*\d)|(?=.*[A-Za-z])(?=(?:\D*\d){3}))"
    r"[A-Za-z0-9][A-Za-z0-9.\-/]*[A-Za-z0-9]"
)
_NOT_A_PRODUCT = re.compile(
    r"\d+(?:\.\d+)?(?:st|nd|rd|th|am|pm|k|m|bn|s|h|hr|hrs|yr|yrs|min|mins|x|ish|mg|kg|km|ml|gb|mb|tb)"
    r"|[A-Z]{1,2}\d{1,2}[A-Z]?|top-\d+|\w+-\d+",
    re.IGNORECASE,
)
_PLATFORMS = frozenset(
    {"linkedin", "youtube", "whatsapp", "ipad", "ipads", "iphone", "iphones", "ebay", "paypal",
     "tiktok", "phd"}
)  # fmt: skip


def product_shaped(text: str) -> bool:
    """Whether a word looks like a product's name by its shape alone.

    >>> [w for w in ["memoQ", "DeepL", "Survey123", "V2500", "McKenzie", "9am", "PO8",
    ...              "LinkedIn", "1.2bn", "PGY-2", "2027", "Python"] if product_shaped(w)]
    ['memoQ', 'DeepL', 'Survey123', 'V2500']
    """
    if len(text) < 3:
        return False
    if text.isalpha():
        # most words: all lowercase, all capitals or capitalised (cheap tests first)
        if text.islower() or text.isupper() or text.istitle():
            return False
        return text.lower() not in _PLATFORMS and bool(_CAMEL.fullmatch(text))
    if not any(c.isdigit() for c in text):
        return False
    return bool(_LETTERS_DIGITS.fullmatch(text)) and not _NOT_A_PRODUCT.fullmatch(text)


def _language_adjective(orths: list[str], i: int) -> bool:
    """Whether the language name at ``i`` describes what follows ("the Korean customer team")."""
    if i > 0 and orths[i - 1].lower() == "plain":
        return True  # "in plain English"
    after = orths[i + 1] if i + 1 < len(orths) else ""
    if after == "-" and i + 2 < len(orths):  # "Spanish-speaking", but "Welsh-language"
        return orths[i + 2].isalpha() and orths[i + 2].lower() != "language"
    return (
        after.isalpha()
        and after.islower()
        and after not in STOP_WORDS_SET
        and after not in LANGUAGE_ABILITY
    )


def is_subject_word(low: str) -> bool:
    """Whether a lowercase word names a subject by its ending ("epidemiology", "hydraulics")."""
    return (
        len(low) >= 7
        and low.endswith(SUBJECT_SUFFIXES)
        and low.isalpha()
        and low not in NOT_SUBJECTS
    )


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small containers (none cyclic)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_SourceTerm = tuple[int, tuple[str, ...], str, str, bool]  # rank, norms, label, id, acronym


class Gazetteer(BatchedPipe):
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
        self.known_words: frozenset[str] = lemma_forms()  # English words, not product names
        heads = read_lexicon("skill_heads")
        self.goal_verbs: frozenset[str] = frozenset(read_lexicon("goal_lexicon")["goal_verbs"])
        self.skill_heads: frozenset[str] = frozenset(heads["heads"])
        from spacy.lang.en.stop_words import STOP_WORDS

        self.not_modifiers: frozenset[str] = frozenset(heads["not_modifiers"]) | STOP_WORDS
        # a role's qualifier may be a noun the SKILL rule refuses ("support lead", "team lead")
        self.not_role_modifiers: frozenset[str] = (
            self.not_modifiers - ROLE_QUALIFIER_NOUNS
        ) | ROLE_SKIP | ROLE_CUES | SENIORITY_WORDS | NOT_ROLE_QUALIFIERS
        self._entries: list[Entry] = []
        self._singles: dict[str, list[Entry]] = {}
        self._pairs: dict[tuple[str, str], list[_Group]] = {}
        self._upper_counts: dict[int, int] = {}  # orth hash -> capital letters in it

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
        with _no_gc():
            self._build_index(entries)

    def _build_index(self, entries: list[Entry]) -> None:
        self._entries = entries
        # one-token entries by their norm; longer ones by their first two norms, so that a
        # token whose neighbour starts no entry with it costs one lookup:
        # (first, second) -> [(length, {norms: entries})], longest first
        singles: dict[str, list[Entry]] = {}
        by_pair: dict[tuple[str, str], dict[int, dict[tuple[str, ...], list[Entry]]]] = {}
        for e in entries:
            seq = e[0]
            n = len(seq)
            if n == 1:
                singles.setdefault(seq[0], []).append(e)
            elif n:
                by_pair.setdefault(seq[:2], {}).setdefault(n, {}).setdefault(seq, []).append(e)

        def titles_first(cands: list[Entry]) -> None:
            if len(cands) > 1:
                cands.sort(key=lambda e: e[1] != TITLE)  # TITLEs first among equal norms

        for cands in singles.values():
            titles_first(cands)
        pairs: dict[tuple[str, str], list[_Group]] = {}
        for pair, by_len in by_pair.items():
            for seqs in by_len.values():
                for cands in seqs.values():
                    titles_first(cands)
            pairs[pair] = sorted(by_len.items(), reverse=True)
        self._singles = singles
        self._pairs = pairs

    def __len__(self) -> int:
        return len(self._entries)

    # ------------------------------------------------------------------ matching

    @staticmethod
    def _emphasis(orths: list[str], i: int) -> bool:
        """Whether an unlisted word in capitals is a common word stressed ("I REALLY want").

        A common word in capitals is an acronym only where a name goes on after it ("BEST
        Plus") or where it ends a phrase after a preposition ("kids with SEND").
        """
        if common_words().get(orths[i].lower(), RARE_LOG_PROB) < EMPHASIS_LOG_PROB:
            return False
        after = orths[i + 1] if i + 1 < len(orths) else ""
        if after[:1].isupper() and after != "I":
            return False
        ends = not after[:1].isalnum() or after.lower() in {"and", "or"}
        return not (ends and i > 0 and orths[i - 1].lower() in ACRONYM_PREPOSITIONS)

    def find(self, doc: Doc) -> list[Span]:
        """Return SKILL and TITLE spans, non-overlapping, longest first."""
        # token strings through one to_array call: no Token objects, no doc.text rebuilt
        strings = doc.vocab.strings
        arr = doc.to_array([NORM, ORTH, SPACY]).tolist()
        norms = [strings[row[0]] for row in arr]
        orths = [strings[row[1]] for row in arr]
        # in text typed without capitals, case-sensitive names ("Excel") match in lowercase too
        upper = self._upper_counts
        n_upper = 0
        for row, orth in zip(arr, orths, strict=True):
            count = upper.get(row[1])
            if count is None:
                if len(upper) > 200_000:
                    upper.clear()
                count = upper[row[1]] = sum(c.isupper() for c in orth)
            n_upper += count
        n_chars = sum(map(len, orths)) + sum(row[2] for row in arr)
        lowercase_doc = n_upper * 50 < n_chars
        # names match in lowercase also for a writer who types the pronoun "i" in lowercase,
        # whatever the acronyms ("ive passed FM, i use python")
        caseless = lowercase_doc or orths.count("i") > orths.count("I")
        singles, pairs = self._singles, self._pairs
        found: list[tuple[int, int, str, str]] = []
        starts: set[int] = set()  # where a listed name starts
        n = len(norms)

        def fit(cands: list[Entry], i: int, end: int) -> tuple[int, int, str, str] | None:
            """The first entry (TITLEs first) whose case, if it has one, the text matches."""
            for _seq, label, eid, cased in cands:
                if cased is None or caseless or tuple(orths[i:end]) == cased:
                    return (i, end, label, eid)
            return None

        for i, norm in enumerate(norms):
            hit = None
            groups = pairs.get((norm, norms[i + 1])) if i + 1 < n else None
            if groups is not None:
                for length, seqs in groups:  # longest first
                    end = i + length
                    if end > n:
                        continue
                    cands = seqs.get(tuple(norms[i:end]))
                    if cands is not None and (hit := fit(cands, i, end)) is not None:
                        break
            if hit is None and norm in singles:
                hit = fit(singles[norm], i, i + 1)
                if hit is not None and norm in LANGUAGE_NAMES and _language_adjective(orths, i):
                    hit = None
            if hit is not None:
                found.append(hit)
                starts.add(i)
            if norm in self.role_nouns or norm in STRONG_OF_HEADS or norm in QUALIFIED_HEADS:
                role = self._role_in_context(doc, i, norms)
                if role is not None:
                    found.append(role)
            elif norm in GRADED_SHORT_ROLES and i + 1 < n and orths[i + 1] in UPPER_ROMAN:
                found.append((i, i + 2, TITLE, norm))  # "Tech III"
            elif orths[i].isupper() and 2 <= len(orths[i]) <= 6 and not lowercase_doc:
                letters = sum(c.isalpha() for c in orths[i])
                if (
                    norm not in ACRONYM_STOP
                    and letters >= 2
                    and orths[i].replace("-", "").isalnum()
                    and not self._emphasis(orths, i)
                    and not (norm in PAY_ABBREVIATIONS and _after_pay(orths, i))
                    and not (i > 0 and orths[i - 1][:1].isdigit())  # a unit: "12 MGD", "5 GB"
                ):
                    found.append((i, i + 1, SKILL, norm))
        found = [
            self._grow_title(doc, norms, m)
            if m[2] == TITLE
            else self._grow_skill(doc, norms, m, starts)
            for m in found
        ]
        found.extend(self._headed_skills(doc, norms, orths))
        found.extend(self._qualifications(doc, norms, orths, caseless))
        found.extend(self._framed_skills(doc, norms, orths))
        # a name the taxonomies lack, by its shape ("memoQ", "Survey123"): one word, so a longer
        # match and, on a tie, a listed name (found first) win
        found.extend(
            (i, i + 1, SKILL, norms[i]) for i, orth in enumerate(orths) if product_shaped(orth)
        )
        found.sort(key=lambda m: (-(m[1] - m[0]), m[2] != TITLE, m[0]))
        taken = [False] * n
        for k in self._employer_tokens(doc, orths, starts):
            taken[k] = True  # the employer's own name and place are no skill ("Fellside Tree Care")
        spans = []
        for start, end, label, eid in found:
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = True
            spans.append(Span(doc, start, end, label=label, span_id=eid))
        spans += self._listed_tools(doc, spans, taken)
        # a credential word after any skill found is part of its name: "NRF Retail Management
        # certificate" (a headed name), "Meta Blueprint certification" (a listed tool)
        for k, span in enumerate(spans):
            if span.label_ != SKILL:
                continue
            end = span.end
            while end < n and not taken[end] and norms[end] in SKILL_SUFFIXES:
                taken[end] = True
                end += 1
            if end > span.end:
                spans[k] = Span(doc, span.start, end, label=SKILL, span_id=span.id_)
        spans.sort(key=lambda s: (s.start, -s.end))
        return spans

    def _rare_name(self, text: str) -> bool:
        """A capitalised word, not in capitals, that is no English word or role: "Fellside"."""
        low = text.lower()
        return (
            text[:1].isupper()
            and not text.isupper()  # an acronym ("TAVR", "LGPS") is a skill's name
            and text.isalpha()
            and len(low) >= 3
            and common_words().get(low, RARE_LOG_PROB) <= RARE_LOG_PROB
            and low not in self.known_words
            and low not in self.role_nouns
        )

    def _employer_tokens(self, doc: Doc, orths: list[str], starts: set[int]) -> set[int]:
        """Tokens naming the employer (or, in a headline, its place), wherever they occur.

        A run of capitalised words led by a word that is no English word and starts no listed
        name is an employer when it introduces itself ("Pellwood Millwork is a 40-person shop",
        "Northwind is hiring"), follows "at" or "join", or follows a separator in the text's
        first line ("Trainee Arborist - Fellside Tree Care, Kendal"). Every later occurrence of
        the same words is marked too. The names are kept on the Doc for the answers scored
        against it (:meth:`add_terms_from`).
        """
        n = len(orths)
        # a headline is a first line with more text after it
        first_line_end = next((k for k, o in enumerate(orths) if "\n" in o), 0)
        names: set[tuple[str, ...]] = set()
        i = 0
        while i < n:
            lead = i + 1 if orths[i] == "The" and i + 1 < n else i
            if not self._rare_name(orths[lead]) or lead in starts:
                i += 1
                continue
            end = lead + 1
            while end < n and end - lead < 5 and (
                (orths[end][:1].isupper() and orths[end].replace(".", "").isalpha())
                or (orths[end] == "&" and end + 1 < n and orths[end + 1][:1].isupper())
            ):
                end += 1
            before = orths[i - 1].lower() if i > 0 else ""
            after = orths[end].lower() if end < n else ""
            after2 = orths[end + 1].lower() if end + 1 < n else ""
            if (
                (after in EMPLOYER_COPULAS and after2 in EMPLOYER_INTRO_AFTER)
                or before in EMPLOYER_BEFORE
                or (i < first_line_end and before in HEADLINE_SEPARATORS)
            ):
                names.add(tuple(o.lower() for o in orths[i:end]))
            i = end
        # a name before a company suffix: "Harbor & Vance Reporting, Inc.", "Birchall Lowe LLP"
        direct: set[int] = set()
        for k in range(1, n):
            if not (orths[k][:1].isupper() and orths[k].lower().rstrip(".") in COMPANY_SUFFIXES):
                continue
            j = k - 1 if orths[k - 1] != "," else k - 2
            start = j + 1
            while j >= 0 and k - j <= 7 and (
                (orths[j][:1].isupper() and orths[j].isalpha()) or orths[j] == "&"
            ):
                start = j
                j -= 1
            while start < k and orths[start] == "&":
                start += 1
            if start < k - (orths[k - 1] == ","):
                names.add(tuple(o.lower() for o in orths[start : k - (orths[k - 1] == ",")]))
                direct.update(range(start, k + 1))
        if not names:
            return set()
        doc.user_data[EMPLOYER_NAMES_KEY] = sorted(names)
        return self._occurrences(orths, names) | direct

    @staticmethod
    def _occurrences(orths: list[str], names: Iterable[tuple[str, ...]]) -> set[int]:
        """Indices of every token inside an occurrence of one of ``names`` (lowercase words)."""
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in names:
            by_first.setdefault(name[0], []).append(name)
        lows = [o.lower() for o in orths]
        out: set[int] = set()
        for i, low in enumerate(lows):
            for name in by_first.get(low, ()):
                if tuple(lows[i : i + len(name)]) == name:
                    out.update(range(i, i + len(name)))
        return out

    def _listed_tools(self, doc: Doc, spans: list[Span], taken: list[bool]) -> list[Span]:
        """Unknown names listed beside a found SKILL: "Klaviyo and Shopify", "Xactimate, ...".

        A tool the taxonomies lack ("Pipedrive", "Tranman") reads as a skill when it sits in a
        list (commas, "and", "or", "/") next to one they know. The name must look like one
        (capitals or digits) and not be an English word, so a company or a person named in the
        same sentence outside the list stays out. Plain words listed there ("SQL, card sorting
        and journey maps") count when they make a whole list item (:meth:`_list_item`).
        """
        out: list[Span] = []
        queue = [s for s in spans if s.label_ == SKILL]
        while queue:
            span = queue.pop()
            for step in (1, -1):
                k = span.end if step == 1 else span.start - 1
                seps = 0
                while 0 <= k < len(doc) and (
                    doc[k].text in LIST_MARKS or doc[k].lower_ in LIST_WORDS
                ):
                    k += step
                    seps += 1
                if not seps or not 0 <= k < len(doc) or taken[k]:
                    continue
                if self._name_like(doc[k]):
                    start = end = k
                    while 0 <= end + step < len(doc) and abs(end + step - k) < 3:
                        nxt = end + step
                        if taken[nxt] or not self._name_like(doc[nxt], follower=True):
                            break
                        end = nxt
                    lo, hi = min(start, end), max(start, end) + 1
                else:
                    item = self._list_item(doc, k, step, taken)
                    if item is None:
                        continue
                    lo, hi = item
                for j in range(lo, hi):
                    taken[j] = True
                tool = Span(doc, lo, hi, label=SKILL, span_id=doc[lo:hi].text.lower())
                out.append(tool)
                queue.append(tool)
        return out

    def _list_item(self, doc: Doc, k: int, step: int, taken: list[bool]) -> tuple[int, int] | None:
        """A whole list item of 1-3 plain words from ``k`` on (``step`` gives the direction).

        "SQL, card sorting and journey maps": the item must end where the list goes on or the
        sentence does (a list mark, "and", "or", punctuation, a line break or another SKILL), so
        the first words of a longer clause ("SQL and the team knows me") are not taken. No word
        may be a stop word, a filler ("honestly", "um") or end in "-ly"; the item may not start
        with a goal verb ("learn fast"), be a role noun, or be one everyday word ("feedback").
        """
        n = len(doc)
        words: list[int] = []
        j = k
        while 0 <= j < n and len(words) <= LIST_ITEM_WORDS:
            tok = doc[j]
            low = tok.lower_
            if taken[j] or not tok.is_alpha or low in STOP_WORDS_SET:
                break
            if low in LIST_FILLERS or low.endswith("ly"):
                return None
            words.append(j)
            j += step
        if not words or len(words) > LIST_ITEM_WORDS:
            return None
        if step > 0 and 0 <= j < n and taken[j]:
            return None  # the words describe the skill after them: "conversational Japanese"
        if 0 <= j < n and not (
            taken[j]
            or doc[j].is_space
            or doc[j].text in LIST_ITEM_ENDS
            or doc[j].lower_ in LIST_WORDS
        ):
            return None
        lo, hi = min(words), max(words) + 1
        first, last = doc[lo], doc[hi - 1]
        if first.lower_ in LIST_STAND_INS:
            return None  # "or related field", "or equivalent experience"
        if first.lemma_ in self.goal_verbs and first.lower_ not in self.skill_heads:
            return None
        if hi - lo > 1 and first.lower_.endswith("ing") and first.lower_ not in self.skill_heads:
            return None  # "reviewing facility reports": a duty, not a skill's name
        if last.norm_ in self.role_nouns or last.lower_ in self.role_nouns:
            return None
        if hi - lo == 1 and common_words().get(first.lower_, RARE_LOG_PROB) > RARE_LOG_PROB:
            return None  # "feedback", "day": too everyday to be a skill on their own
        return lo, hi

    def _name_like(self, tok: Any, follower: bool = False) -> bool:
        """A token that looks like a product name: capitals or digits, not an English word."""
        text = tok.text
        if not any(c.isalnum() for c in text) or tok.is_punct or tok.is_space:
            return False
        if follower and tok.like_num:
            return not YEAR.match(text)  # "Studio 5000", not "PharmD 2014"
        if tok.like_num:
            return False  # a number alone ("since 2016") names no tool
        if not (text[:1].isupper() or any(c.isdigit() for c in text)):
            return False
        low = tok.lower_
        return (
            len(low) >= 3
            and low not in STOP_WORDS_SET
            and low not in self.known_words
            and low not in self.role_nouns
        )

    @staticmethod
    def _lead_as_verb(doc: Doc, i: int) -> bool:
        """Whether "leads" closes a "where ..." clause.

        "see where growth leads", "wherever the work leads"; not "to a point where the support
        lead trusts me".
        """
        if doc[i].lower_ != "leads":
            return False
        for k in range(i - 1, max(-1, i - 4), -1):
            if doc[k].lower_ in ("where", "wherever"):
                return k == i - 2 or doc[k + 1].lower_ not in ("the", "our", "my", "your")
        return False

    def _role_in_context(
        self, doc: Doc, i: int, norms: list[str]
    ) -> tuple[int, int, str, str] | None:
        """A role noun as a TITLE, qualified or held / targeted.

        Qualified: "housing lawyer", "Tier 2 specialist", "Engineer II"; bare only where the
        speaker holds or targets it: "become a nurse", "a director role".
        """
        noun = norms[i]
        n = len(doc)
        if noun in ALWAYS_TITLES:
            return (i, i + 1, TITLE, noun)
        nxt = norms[i + 1] if i + 1 < n else ""
        if noun in QUALIFIED_HEADS and (
            nxt in NOT_AFTER_QUALIFIED_HEAD or self._content_word_after(doc, i, norms)
        ):
            return None  # a verb or an adjective: "lead the team", "fellow students"
        if noun == "lead" and self._lead_as_verb(doc, i):
            return None  # the verb: "see where growth leads"
        if nxt in ("'s", "’s") or (i + 1 < n and doc[i + 1].text == "-" and not doc[i].whitespace_):
            return None  # a modifier itself: "driver's licence", "driver-based"
        if nxt in self.role_nouns and i + 1 < n and doc[i + 1].is_alpha:
            return None  # the next role noun heads the title: "assistant managers"
        if nxt == "of" and noun in STRONG_OF_HEADS:
            return (i, i + 1, TITLE, noun)  # grown by _grow_title
        # noun modifiers qualify the role: "a housing lawyer", "Restoration Director"
        first = i
        limit = 3 if doc[i].is_title else 2
        while first > 0 and i - first < limit and self._role_modifier(doc, first - 1, norms):
            first -= 1
        end = i + 1
        if i + 1 < n and doc[i + 1].text in UPPER_ROMAN:
            end = i + 2  # "Engineer II"
        numbered = (
            first > 1 and norms[first - 2] in NUMBERED_PREFIXES and doc[first - 1].like_num
        )
        if first < i or numbered or end > i + 1:
            start = first - 2 if numbered else first
            while start > 0 and norms[start - 1] in SENIORITY_WORDS:
                start -= 1
            return (start, end, TITLE, noun)
        if noun in QUALIFIED_HEADS or doc[i].lower_ != noun:
            return None  # bare "lead"; bare plurals are other people ("our engineers")
        if nxt in ROLE_FOLLOWERS:
            return (i, i + 1, TITLE, noun)  # "a director role", "technician role"
        j = first - 1
        skipped = 0
        while j >= 0 and (norms[j] in ROLE_SKIP or norms[j] in SENIORITY_WORDS) and skipped < 3:
            j -= 1
            skipped += 1
        if skipped and norms[j + 1] == "my" and noun in PERSONAL_ROLES:
            return None  # "as my partner works weekdays": a person in the speaker's life
        if j == i - 1 and norms[j] == "to" and self._object_after(doc, i, norms):
            return None  # the verb with its object: "to head the Institute", "to pilot scale"
        if j >= 0 and (norms[j] in ROLE_CUES or norms[j] == "to"):
            start = first
            while start - 1 > j and norms[start - 1] in SENIORITY_WORDS:
                start -= 1
            return (start, i + 1, TITLE, noun)
        return None

    @staticmethod
    def _content_word_after(doc: Doc, i: int, norms: list[str]) -> bool:
        """Whether a lowercase content word follows token ``i``, which then reads as a verb.

        Or as an adjective. The word after is not a stop word, an adverb in -ly, nor a word such
        as "role" or "level" (``ROLE_FOLLOWERS``).
        """
        if i + 1 >= len(doc):
            return False
        nxt = doc[i + 1]
        return (
            nxt.is_alpha
            and nxt.is_lower
            and norms[i + 1] not in STOP_WORDS_SET
            and not nxt.lower_.endswith("ly")
            and norms[i + 1] not in ROLE_FOLLOWERS
        )

    @classmethod
    def _object_after(cls, doc: Doc, i: int, norms: list[str]) -> bool:
        """Whether the lowercase role noun ``i`` has what reads as its object after it.

        "to head the Institute", "to coach weightlifters", "to pilot scale"; not "to supervisor
        level", "to manager soon", "to supervisor, then".
        """
        if not doc[i].is_lower or i + 1 >= len(doc):
            return False
        if doc[i + 1].lower_ in ("the", "a", "an", "my", "our", "your", "their"):
            return True
        return cls._content_word_after(doc, i, norms) and norms[i + 1] not in TIME_AFTER_ROLE

    def _role_modifier(self, doc: Doc, k: int, norms: list[str]) -> bool:
        """Whether token ``k`` qualifies the role noun after it ("housing", "commercial", "Grants").

        Not function words, evaluative words ("bad", "reliable"), cues, adverbs in -ly, past
        participles, nor a lowercase goal verb right after a verb context ("to support teachers").
        """
        tok = doc[k]
        low = tok.lower_
        norm = norms[k]
        if norm in self.not_role_modifiers or len(low) <= 2:
            return False
        if not (tok.is_alpha or ("-" in low and low.replace("-", "").isalpha())):
            return False
        if (tok.is_title or tok.is_upper) and (
            not tok.is_sent_start or (k + 1 < len(doc) and doc[k + 1].is_title)
        ):
            return True  # "Restoration Director", "Grants Associate"
        if low.endswith(("ly", "ed")) or low == "got":
            return False
        if k > 0 and norms[k - 1] in SUBJECTS:
            return False  # a verb: "we instruct counsel", "I manage engineers"
        return not (tok.lemma_ in self.goal_verbs and (k == 0 or norms[k - 1] in VERB_CONTEXT))

    def _grow_title(
        self, doc: Doc, norms: list[str], match: tuple[int, int, str, str]
    ) -> tuple[int, int, str, str]:
        start, end, label, eid = match
        while start > 0 and (
            norms[start - 1] in SENIORITY_WORDS or norms[start - 1] in TITLE_PREFIXES
        ):
            start -= 1
        if start > 1 and norms[start - 2] in NUMBERED_PREFIXES and doc[start - 1].like_num:
            start -= 2
        # a title that starts inside a hyphenated word takes the whole word: "mid-level designer",
        # "in-house lawyer" (not "level designer", "house lawyer")
        if (
            start > 1
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and doc[start - 2].is_alpha
        ):
            start -= 2
        # "Capital Projects Accountant": capitalised words before a capitalised title
        if doc[start].is_title or doc[start].is_upper:
            k = start
            while k > 0 and start - k < 3:
                prev = doc[k - 1]
                if prev.text == "&" and k > 1 and doc[k - 2].is_title and start - k < 2:
                    k -= 1  # "Procurement & Contracts Officer"
                    continue
                if prev.is_sent_start or not (prev.is_title or prev.is_upper) or prev.is_punct:
                    break
                if norms[k - 1] in STOP_OF or norms[k - 1] in ROLE_CUES:
                    break
                k -= 1
            if doc[k].text == "&":
                k += 1
            start = k
        if (
            end < len(doc)
            and doc[end].lower_ in ROMAN
            and (doc[end].is_upper or doc[end].text == "I")
            and (doc[end].text != "I" or self._grade_i(doc, end))
        ):
            end += 1
        if norms[end - 1] in OF_HEADS and end + 1 < len(doc) and norms[end] == "of":
            # "Director of Content Strategy" takes capitalised words; in lowercase text a strong
            # head ("head of data") takes at most two content words, never a preposition or verb
            capitalised = doc[end - 1].is_title or doc[end - 1].is_upper
            strong = norms[end - 1] in STRONG_OF_HEADS and not capitalised
            k = end + 1
            limit = min(len(doc), k + (2 if strong else 4))
            last = None
            while k < limit:
                tok = doc[k]
                if (tok.is_punct and tok.text != "&") or tok.is_space:
                    break
                if (norms[k] in STOP_OF and norms[k] != "and") or tok.lower_ in OF_STOPS:
                    break
                if tok.text == "I" and not self._grade_i(doc, k):
                    break  # "Head of People I guess"
                if norms[k] in ("and", "&"):
                    if strong or last is None or k + 1 >= len(doc) or not doc[k + 1].is_title:
                        break
                elif (
                    strong
                    and tok.lower_ not in OF_FUNCTIONS
                    and (tok.lower_ in self.not_modifiers or tok.lemma_ in self.goal_verbs)
                ):
                    break
                elif not (strong or tok.is_title or tok.is_upper):
                    break
                else:
                    last = k
                k += 1
            if last is not None:
                end = last + 1
        return (start, end, label, eid)

    @staticmethod
    def _grade_i(doc: Doc, k: int) -> bool:
        """Whether the "I" at ``k`` after a title is its grade rather than the next subject."""
        if k + 1 >= len(doc):
            return True
        nxt = doc[k + 1]
        if nxt.text[:1] in ("'", "’"):
            return False  # "I'd", "I'm"
        return not (nxt.is_alpha and nxt.is_lower) or nxt.lower_ in GRADE_I_FOLLOWERS

    def _headed_skills(
        self, doc: Doc, norms: list[str], orths: list[str]
    ) -> list[tuple[int, int, str, str]]:
        """Noun phrases such as "cost analysis" or "housing law": 1-2 content words + a skill head.

        A subject word ("epidemiology") is a SKILL on its own and heads such phrases too.
        """
        out = []
        for i, norm in enumerate(norms):
            orth = orths[i]
            # every subject suffix ends in "y" or "s": a cheap test before the full one
            subject = orth[-1:] in ("y", "s") and is_subject_word(orth.lower())
            if subject:
                out.append((i, i + 1, SKILL, norm))  # "epidemiology", "hydraulics"
            if (norm not in self.skill_heads and not subject) or i == 0:
                continue
            if doc[i].lower_ != norm and norms[i - 1] in (
                "who",
                "which",
                "that",
                "it",
                "he",
                "she",
            ):
                continue  # "someone who designs": a verb
            start = i
            while start > 0 and i - start < 2:
                prev = doc[start - 1]
                low = prev.lower_
                if (
                    norms[start - 1] in self.not_modifiers
                    or not (prev.is_alpha or ("-" in low and low.replace("-", "").isalpha()))
                    or (low.endswith(("ed", "ly", "ing")) and low not in self.skill_heads)
                    or prev.lemma_ in self.goal_verbs
                ):
                    break
                start -= 1
            # a modifier written with a slash, ampersand or hyphen takes its other half: "A/B
            # tests", "multi-state payroll" (not "state payroll")
            while (
                start >= 2
                and start < i
                and doc[start - 1].text in ("/", "&", "-")
                and not doc[start - 1].whitespace_
                and not doc[start - 2].whitespace_
                and doc[start - 2].is_alpha
            ):
                start -= 2
            if start < i:
                # one low-priority match per phrase; the sort prefers gazetteer names on ties
                out.append((start, i + 1, SKILL, "_".join(norms[start : i + 1])))
        return out

    def _framed_skills(
        self, doc: Doc, norms: list[str], orths: list[str]
    ) -> list[tuple[int, int, str, str]]:
        """What a skill frame names: "experience with REDCap", "knowledge of maths pedagogy".

        After a frame (:data:`SKILL_FRAMES`: "experience with/in/of", "knowledge of",
        "proficiency in", "familiarity with", "trained in"...), one to four content words up to
        the end of the phrase (punctuation, "and"/"or", a stop word, a line break) name a skill.
        The words may not start with a determiner (but "the" before a name: "knowledge of the
        Housing Act 1988"), a verb of aim or an "-ing" form that heads no skill ("experience in
        managing"), nor end in a generic noun ("a busy environment", "similar roles"); one
        everyday word alone ("experience with customers") is no skill either.
        """
        out = []
        n = len(doc)
        for i in range(n - 1):
            frame = SKILL_FRAMES.get(norms[i])
            if frame is None or norms[i + 1] not in frame:
                continue
            k = i + 2
            if k + 1 < n and norms[k] == "the" and orths[k + 1][:1].isupper():
                k += 1
            words: list[int] = []
            j = k
            # a name goes on over capitalised words and numbers only: "REDCap helps"
            named = orths[k][:1].isupper() if k < n else False
            while j < n and len(words) <= FRAME_WORDS:
                tok = doc[j]
                low = tok.lower_
                if tok.is_space or (tok.is_punct and low not in NAME_JOINERS):
                    break
                if low in STOP_WORDS_SET or low in LIST_FILLERS:
                    break
                if not any(c.isalnum() for c in low) and low not in NAME_JOINERS:
                    break
                if named and words and tok.is_alpha and not orths[j][:1].isupper():
                    break
                words.append(j)
                j += 1
            if not words or len(words) > FRAME_WORDS:
                continue
            while words and doc[words[-1]].lower_ in NAME_JOINERS:
                words.pop()
            if not words:
                continue
            lo, hi = words[0], words[-1] + 1
            first, last = doc[lo], doc[hi - 1]
            if first.lemma_ in self.goal_verbs and first.lower_ not in self.skill_heads:
                continue
            if first.lower_.endswith("ing") and first.lower_ not in self.skill_heads:
                continue
            if last.norm_ in GENERIC_OBJECTS or last.norm_ in self.role_nouns:
                continue
            if (
                hi - lo == 1
                and not (first.text[:1].isupper() or any(c.isdigit() for c in first.text))
                and common_words().get(first.lower_, RARE_LOG_PROB) > RARE_LOG_PROB
                and first.lower_ not in self.skill_heads
            ):
                continue
            out.append((lo, hi, SKILL, "_".join(norms[lo:hi])))
        return out

    def _qualifications(
        self, doc: Doc, norms: list[str], orths: list[str], lowercase_doc: bool
    ) -> list[tuple[int, int, str, str]]:
        """Degrees and levelled qualifications as SKILL matches.

        "MSc in Social Research Methods", "PhD", "Level 3 certificate", "CIPS Level 5",
        "finish Level 3".
        """
        out = []
        n = len(doc)
        for i, norm in enumerate(norms):
            text = orths[i]
            if text in DEGREES or (lowercase_doc and text in LOWER_DEGREES):
                if text in ("BA", "MA") and not (i + 1 < n and norms[i + 1] == "in"):
                    continue  # "BA", "MA" alone are too often other things
                out.append((i, self._grow_in_subject(doc, norms, i + 1), SKILL, norm))
            elif norm == "level" and i + 1 < n and doc[i + 1].like_num and doc[i + 1].is_digit:
                start, end = i, i + 2
                if end + 2 < n and norms[end] in ("and", "or", "/") and doc[end + 1].is_digit:
                    end += 2  # "level 5 and 6"
                prev = doc[i - 1] if i > 0 else None
                named = (
                    prev is not None
                    and prev.is_alpha
                    and norms[i - 1] not in STOP_WORDS_SET
                    and norms[i - 1] not in self.not_modifiers
                    and (prev.is_upper or (lowercase_doc and len(prev.text) <= 5))
                )  # "CIPS Level 5", "cilt level 3"
                if named:
                    start = i - 1
                if end < n and norms[end] in QUALIFICATION_NOUNS:
                    end = self._grow_in_subject(doc, norms, end + 1)
                elif not named:
                    # a bare "Level 3" is the qualification only as the object of a phrase:
                    # "do the Level 3", "finish Level 3 by Christmas"; not "level 3 trauma centre"
                    nxt = doc[end] if end < n else None
                    if prev is None or norms[i - 1] in NOT_BEFORE_LEVEL:
                        continue
                    if nxt is not None and nxt.is_alpha and norms[end] not in STOP_WORDS_SET:
                        continue
                out.append((start, end, SKILL, "_".join(norms[start:end])))
        return out

    def _grow_in_subject(self, doc: Doc, norms: list[str], end: int) -> int:
        """Extend a degree or certificate over "in" + its subject; return the new end.

        "in Social Research Methods", "in polymer science": capitalised words (with "and", "&"
        or "of" between them) or up to three lowercase content words.
        """
        n = len(doc)
        if not (end + 1 < n and norms[end] == "in"):
            return end
        k = end + 1
        last = None
        if doc[k].is_title or doc[k].is_upper:
            while k < n and k - end <= 8:
                tok = doc[k]
                if tok.is_title or tok.is_upper:
                    last = k
                elif not (norms[k] in ("and", "&", "of") and last is not None):
                    break
                k += 1
        else:
            while k < n and k - end <= 3:
                tok = doc[k]
                if not tok.is_alpha or norms[k] in STOP_WORDS_SET:
                    break
                last = k
                k += 1
        return last + 1 if last is not None else end

    def _grow_skill(
        self,
        doc: Doc,
        norms: list[str],
        match: tuple[int, int, str, str],
        starts: set[int] | frozenset[int] = frozenset(),
    ) -> tuple[int, int, str, str]:
        """Take in a version, level or certificate word after a skill ("IFRS 16", "ServSafe cert").

        A short capitalised word is a grade of the skill ("CDL Class A") unless a name of its own
        starts there (``starts``: the first tokens of the other matches), so a list typed without
        commas ("Python SQL REST APIs") stays a list of names. After a number the code goes on
        ("FDA 21 CFR 820").
        """
        start, end, label, eid = match
        n = len(doc)
        while end < n:
            tok = doc[end]
            if norms[end] in SKILL_SUFFIXES:
                end += 1  # "Meta Blueprint certification", though "certification" is a name too
                continue
            if end in starts and not doc[end - 1].like_num:
                break  # "FDA 21 CFR 820" is one reference, "Python SQL" two names
            elif norms[end] == "level" and end + 1 < n and doc[end + 1].like_num:
                end += 2
            elif (tok.like_num and not tok.text.isalpha()) or (
                tok.is_upper
                and 1 <= len(tok.text) <= 4
                and tok.text.isalnum()
                and norms[end] not in ACRONYM_STOP
            ):
                end += 1
            else:
                break
        return (start, end, label, eid)

    def add_terms_from(self, doc: Doc, source: Doc) -> Doc:
        """Also mark in ``doc`` the SKILL and TITLE names found in ``source`` (e.g. its posting).

        A posting names its own tools and duties ("Opera Cloud", "fixed asset register"); an
        answer that repeats them means the same things. Only places not already covered by a
        SKILL or TITLE are added: longer names first, then in the posting's order, then left to
        right. The posting's names are indexed once and kept on ``source.user_data``.
        """
        by_first = self._source_terms(source)
        group = list(doc.spans.get(self.spans_key, []))
        employer = source.user_data.get(EMPLOYER_NAMES_KEY)
        if employer:
            # the answer naming the employer ("grow with Fellside Tree Care") names no skill
            blocked = self._occurrences([t.text for t in doc], employer)
            kept = [
                s
                for s in group
                if not (s.label_ == SKILL and blocked.issuperset(range(s.start, s.end)))
            ]
            if len(kept) < len(group):
                group = kept
                doc.spans[self.spans_key] = group
        if not by_first:
            return doc
        taken = [False] * len(doc)
        for s in group:
            if s.label_ in (SKILL, TITLE):
                for k in range(s.start, s.end):
                    taken[k] = True
        strings = doc.vocab.strings
        norms = [strings[h] for h in doc.to_array(NORM).tolist()]
        n = len(norms)
        hits = []
        for i, norm in enumerate(norms):
            for rank, key, label, eid, acronym in by_first.get(norm, ()):
                end = i + len(key)
                if acronym and not self._may_be_acronym(doc[i].text):
                    continue  # "does" is no "DOE"
                if end <= n and (len(key) == 1 or tuple(norms[i:end]) == key):
                    hits.append((-len(key), rank, i, end, label, eid))
        added = []
        for _, _, i, end, label, eid in sorted(hits):
            if not any(taken[i:end]):
                added.append(Span(doc, i, end, label=label, span_id=eid))
                for k in range(i, end):
                    taken[k] = True
        if added:
            doc.spans[self.spans_key] = sorted([*group, *added], key=lambda s: (s.start, -s.end))
        return doc

    @staticmethod
    def _may_be_acronym(text: str) -> bool:
        """Whether an answer's word can stand for a posting's acronym: in capitals, or rare."""
        return text.isupper() or common_words().get(text.lower(), RARE_LOG_PROB) <= RARE_LOG_PROB

    def _source_terms(self, source: Doc) -> dict[str, list[_SourceTerm]]:
        """The source's SKILL/TITLE names by first norm, cached.

        Each is (rank, norms, label, id, acronym); ``acronym`` marks a one-word name in capitals
        ("DOE"), which matches a common word ("does") only when that is in capitals too.
        """
        cache_key = ("alignscore", "gazetteer_terms", self.spans_key)
        cached = source.user_data.get(cache_key)
        if cached is not None:
            return cached
        terms: dict[tuple[str, ...], tuple[str, str, bool]] = {}
        for span in source.spans.get(self.spans_key, []):
            if span.label_ in (SKILL, TITLE):
                key = tuple(t.norm_ for t in span if not t.is_punct or t.text in "&+#/-")
                acronym = len(key) == 1 and span.text.isupper()
                if key and not (len(key) == 1 and key[0] in self.not_modifiers):
                    terms.setdefault(key, (span.label_, span.id_, acronym))
                if span.label_ == SKILL and (short := self._without_suffix(key)):
                    short_acronym = len(short) == 1 and span[0].text.isupper()
                    terms.setdefault(short, (span.label_, span.id_, short_acronym))
        by_first: dict[str, list[_SourceTerm]] = {}
        for rank, (key, (label, eid, acronym)) in enumerate(terms.items()):
            by_first.setdefault(key[0], []).append((rank, key, label, eid, acronym))
        source.user_data[cache_key] = by_first
        return by_first

    def _without_suffix(self, key: tuple[str, ...]) -> tuple[str, ...] | None:
        """A posting's "PCCN certification" also read as "PCCN": the name without its suffix.

        None when the name has no such suffix or what is left is one everyday word or a role
        ("safety certificate" does not make every "safety" a skill).
        """
        if len(key) < 2 or key[-1].removesuffix("s") not in SKILL_SUFFIXES:
            return None
        short = key[:-1]
        if len(short) == 1 and (
            short[0] in self.not_modifiers
            or short[0] in self.role_nouns  # "journeyman licence": the licence, not a skill
            or short[0] in STOP_WORDS_SET
            or common_words().get(short[0], RARE_LOG_PROB) > RARE_LOG_PROB
        ):
            return None
        return short

    def __call__(self, doc: Doc) -> Doc:
        """Add SKILL and TITLE spans to ``doc.spans[spans_key]``."""
        spans = self.find(doc)
        group = doc.spans.get(self.spans_key, [])
        doc.spans[self.spans_key] = [*list(group), *spans]
        return doc

    # ------------------------------------------------------------------ serialisation

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialise the compiled entries."""
        data = [[list(e[0]), e[1], e[2], list(e[3]) if e[3] else None] for e in self._entries]
        return srsly.msgpack_dumps({"entries": data})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Gazetteer:
        """Load compiled entries saved by :meth:`to_bytes`."""
        with _no_gc():  # ~50k small tuples: the cyclic collector would triple the load time
            msg = srsly.msgpack_loads(data, use_list=False)  # tuples, as the entries hold them
            self._set_entries(list(msg["entries"]))
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
