"""TokenPatternMatcher gives spaCy's Matcher output on our pattern subset; the fast lemmatizer
and gazetteer index give the per-token results."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.matcher import Matcher

from alignscore.components.token_matcher import TokenPatternMatcher
from alignscore.datasets import load_corpus
from alignscore.resources import patterns_dir

TEXTS = [
    "I would really really like to lead a team. My long-term goal is to become a director.",
    "to learn SQL. Mostly to grow. I'd love the chance to mentor by 2030, in year 3 or year 4.",
    "Within 18 months, month 6 - 9 maybe; before 2031 I hope 2 be certified.",
    "",
    "I",
    "We'd also definitely like to, and I am eventually going to build things by the end of 2029.",
]


def _token_patterns():
    out = []
    for name in ("cues", "horizons"):
        with (patterns_dir() / f"{name}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if isinstance(row["pattern"], list):
                    out.append(row)
    return out


@pytest.fixture(scope="module")
def docs(nlp):
    answers = list(load_corpus("dev")["answer"][:60])
    return list(nlp.pipe(TEXTS + answers))


def test_same_matches_as_spacy_matcher_on_packaged_patterns(nlp, docs):
    ours, theirs = TokenPatternMatcher(nlp.vocab), Matcher(nlp.vocab)
    for row in _token_patterns():
        key = repr((row["label"], row.get("id", "")))
        ours.add(key, [row["pattern"]])
        theirs.add(key, [row["pattern"]])
    total = 0
    for doc in docs:
        expected = set(theirs(doc))
        assert set(ours(doc)) == expected, doc.text
        total += len(expected)
    assert total > 50  # the comparison saw real matches


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}],
        [{"LOWER": "a", "OP": "?"}, {"LOWER": "b", "OP": "+"}, {"LOWER": "c", "OP": "?"}],
        [{"LOWER": {"NOT_IN": ["a"]}}, {"LOWER": "b"}],
        [{"IS_SENT_START": True, "LOWER": {"IN": ["a", "b"]}}],
        [{"LIKE_NUM": True}, {"ORTH": {"IN": ["-", "to"]}}, {"LIKE_NUM": True}],
        [{"TEXT": {"REGEX": "^[A-Z]"}}, {"LOWER": "b"}],
        [{"LOWER": "b", "OP": "{2}"}],
        [{"LOWER": "a"}, {"LOWER": {"NOT_IN": ["a"]}, "IS_PUNCT": False, "OP": "{1,3}"}],
        [{"LOWER": "b", "OP": "{2,}"}, {"LOWER": "c", "OP": "{,1}"}],
        [{"LOWER": "b", "SPACY": False}, {"ORTH": "-"}],
        [{"LOWER": "b", "SPACY": True}, {"ORTH": "-"}],
        # a repeated opening: after "b" the second token may be "b" again, not only "-"
        [{"LOWER": "b", "OP": "*"}, {"ORTH": "-"}, {"LOWER": "a"}],
        [{"LOWER": "c", "OP": "?"}, {"LOWER": "b", "OP": "*"}, {"ORTH": "-"}, {"LOWER": "a"}],
    ],
)
def test_operators_agree_with_spacy(pattern):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("a b b c. B a b c a 3 - 4 b. A b. c b b b - a b-c")
    ours, theirs = TokenPatternMatcher(nlp.vocab), Matcher(nlp.vocab)
    ours.add("P", [pattern])
    theirs.add("P", [pattern])
    assert set(ours(doc)) == set(theirs(doc))


def test_patterns_sharing_a_prefix_agree_with_spacy():
    """Patterns that open alike share automaton states; each still matches on its own terms."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("a b b c. a b d a c a. b b c d a b a a b b c")
    patterns = {
        "P": [[{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}, {"LOWER": "c"}]],
        "Q": [[{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}, {"LOWER": "d"}], [{"LOWER": "a"}]],
        "R": [[{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c", "OP": "?"}]],
        "S": [[{"LOWER": "b", "OP": "*"}, {"LOWER": "c"}], [{"LOWER": "b", "OP": "+"}]],
        "T": [[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"IS_PUNCT": True}]],
    }
    ours, theirs = TokenPatternMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, pats in patterns.items():
        ours.add(key, pats)
        theirs.add(key, pats)
    expected = set(theirs(doc))
    assert len(expected) > 20
    assert set(ours(doc)) == expected
    ours.remove("P")
    theirs.remove("P")
    assert set(ours(doc)) == set(theirs(doc))


def test_random_patterns_agree_with_spacy():
    """Seeded random patterns over a small alphabet: every operator at every position, so the
    matcher's pre-filters (the words a pattern needs, what its second token must be) are tried
    on openings that are optional, repeated or plain."""
    import random

    rng = random.Random(7)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    words = ["a", "b", "c", "d", ",", "."]
    ops = [None, None, "?", "*", "+", "{2}", "{1,2}"]
    docs = [nlp(" ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))) for _ in range(40)]
    for _ in range(300):
        pattern = []
        for _ in range(rng.randint(1, 5)):
            spec: dict = {"LOWER": {"IN": rng.sample(words, rng.randint(1, 2))}}
            if rng.random() < 0.1:
                spec = {"IS_PUNCT": rng.random() < 0.5}
            op = rng.choice(ops)
            if op is not None:
                spec["OP"] = op
            pattern.append(spec)
        ours, theirs = TokenPatternMatcher(nlp.vocab), Matcher(nlp.vocab)
        ours.add("P", [pattern])
        theirs.add("P", [pattern])
        for doc in docs:
            assert set(ours(doc)) == set(theirs(doc)), (pattern, doc.text)


def test_fast_ruler_match_equals_spacys(nlp, docs):
    """Our ruler's spans (deduplicated and sorted as tuples) are SpanRuler.match's, in order."""
    from spacy.pipeline import SpanRuler

    for name in ("alignscore_ruler", "alignscore_cue_ruler"):
        ruler = nlp.get_pipe(name)
        total = 0
        for doc in docs:
            ours = ruler.match(doc)
            theirs = SpanRuler.match(ruler, doc)
            assert [(s.start, s.end, s.label_, s.id_) for s in ours] == [
                (s.start, s.end, s.label_, s.id_) for s in theirs
            ]
            total += len(ours)
        assert total > 20


def test_ruler_spans_keep_their_labels_after_a_memory_zone():
    """A ruler first used inside a memory zone must not keep hashes of strings the zone frees:
    spans made after the zone still read their label and id."""
    from alignscore.pipeline import load_pipeline_at, model_dir

    nlp = load_pipeline_at(model_dir("default") / "pipeline")  # a fresh pipeline, cold caches
    text = "My long-term goal is to lead the team. I'd like to learn SQL within two years."
    with nlp.memory_zone():
        doc = nlp(text)
        inside = [(s.label_, s.id_) for s in doc.spans["alignscore_cues"]]
    doc = nlp(text)
    after = [(s.label_, s.id_) for s in doc.spans["alignscore_cues"]]
    assert inside and after == inside


@pytest.mark.parametrize(
    "pattern",
    [
        [{"POS": "NOUN"}],
        [{"LOWER": "a", "OP": "!"}],
        [{"LOWER": "a", "OP": "{3,1}"}],
        [{"LEMMA": {"FUZZY": "walk"}}],
        [],
    ],
)
def test_unsupported_patterns_raise(pattern):
    nlp = spacy.blank("en")
    with pytest.raises(ValueError):
        TokenPatternMatcher(nlp.vocab).add("P", [pattern])


def test_remove_and_len():
    nlp = spacy.blank("en")
    m = TokenPatternMatcher(nlp.vocab)
    m.add("A", [[{"LOWER": "x"}]])
    m.add("B", [[{"LOWER": "y"}]])
    assert len(m) == 2 and "A" in m
    m.remove("A")
    assert [nlp.vocab.strings[k] for k, _, _ in m(nlp("x y"))] == ["B"]


def test_fast_lemmas_equal_the_lookup_per_token(nlp, docs):
    lemmatizer = nlp.get_pipe("lemmatizer")
    for doc in docs[:20]:
        for token in doc:
            assert token.lemma_ == lemmatizer.lookup_lemmatize(token)[0]


def test_gazetteer_index_survives_a_bytes_round_trip(nlp):
    gaz = nlp.get_pipe("alignscore_gazetteer")
    text = "I want to become a Senior Data Analyst using SQL, Tableau and Python."
    clone = type(gaz)(nlp, "copy").from_bytes(gaz.to_bytes())
    assert len(clone) == len(gaz) > 10_000
    doc = nlp(text)
    found = [(s.label_, s.text, s.id_) for s in gaz.find(doc)]
    assert [(s.label_, s.text, s.id_) for s in clone.find(doc)] == found
    assert ("TITLE", "Senior Data Analyst") in [(label, t) for label, t, _ in found]


def test_cue_phrases_need_only_the_lemmatizer(nlp):
    """Phrase patterns matched on LEMMA are made with the lemmatizer alone at load time; every
    component before the cue ruler gives them the same lemmas."""
    ruler = nlp.get_pipe("alignscore_cue_ruler")
    assert ruler.phrase_matcher_attr == "LEMMA"
    phrases = [p["pattern"] for p in ruler.patterns if isinstance(p["pattern"], str)]
    assert len(phrases) > 100
    names = nlp.pipe_names
    before = names[: names.index("alignscore_cue_ruler")]
    with nlp.select_pipes(enable=before):
        everything = [[t.lemma_ for t in doc] for doc in nlp.pipe(phrases)]
    with nlp.select_pipes(enable=["lemmatizer"]):
        lemmas_only = [[t.lemma_ for t in doc] for doc in nlp.pipe(phrases)]
    assert lemmas_only == everything


def test_lemma_ruler_loads_without_the_components_that_set_no_lemma(nlp, monkeypatch):
    """Adding patterns to the cue ruler runs the lemmatizer but not the other components before
    it (sentence splitters, the skill and horizon ruler)."""
    ruler = nlp.get_pipe("alignscore_cue_ruler")
    names = nlp.pipe_names
    others = [n for n in names[: names.index("alignscore_cue_ruler")] if n != "lemmatizer"]
    assert "alignscore_ruler" in others
    calls = []
    for name in others:
        monkeypatch.setattr(nlp.get_pipe(name), "pipe", lambda docs, **kw: calls.extend(docs) or [])
    ruler.add_patterns([{"label": "SELF_GAIN", "pattern": "earned bonuses", "id": "test"}])
    try:
        monkeypatch.undo()
        assert calls == []
        doc = nlp("I have earned bonuses before.")
        assert ("SELF_GAIN", "earned bonuses") in [(s.label_, s.text) for s in doc.spans[ruler.key]]
    finally:
        ruler.remove_by_id("test")


def test_tokenizer_loads_its_saved_settings_only_when_they_differ(nlp, tmp_path):
    """The tokenizer is built from code; loading a copy with the same settings keeps it as it
    is, loading one with other special cases applies them."""
    from alignscore.pipeline import create_tokenizer

    fresh = create_tokenizer()(spacy.blank("en"))
    data = nlp.tokenizer.to_bytes(exclude=["vocab"])
    before = [t.text for t in fresh("I can't wait, ~5 yrs+ in R&D.")]
    assert fresh.from_bytes(data, exclude=["vocab"]) is fresh
    assert [t.text for t in fresh("I can't wait, ~5 yrs+ in R&D.")] == before
    other = create_tokenizer()(spacy.blank("en"))
    other.add_special_case("gonna", [{"ORTH": "gon"}, {"ORTH": "na"}])
    other.add_special_case("alignscore", [{"ORTH": "align"}, {"ORTH": "score"}])
    path = tmp_path / "tokenizer"
    other.to_disk(path, exclude=["vocab"])
    fresh.from_disk(path, exclude=["vocab"])
    assert [t.text for t in fresh("alignscore rocks")] == ["align", "score", "rocks"]


def test_lemmatizer_saves_a_reference_to_the_bundled_table(tmp_path):
    """The bundled lemma table is not copied into a saved pipeline; loading takes it from the
    package, where the tokenizer's NORM getter has it already, and lemmas stay the same."""
    from alignscore.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "p")
    saved = tmp_path / "p" / "lemmatizer"
    assert not (saved / "lookups").exists()
    assert (saved / "bundled_table.json").is_file()
    loaded = spacy.load(tmp_path / "p")
    text = "Hoping to become Analysts; she Wanted more studies, they were leading teams."
    assert [t.lemma_ for t in loaded(text)] == [t.lemma_ for t in nlp(text)]
    table = loaded.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    assert table["studies"] == "study"


def test_lemmatizer_with_its_own_table_saves_it(tmp_path):
    from spacy.lookups import Lookups

    from alignscore.components.lemmatizer import LowercaseLookupLemmatizer

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("alignscore_lemmatizer", name="lemmatizer")
    assert isinstance(lemmatizer, LowercaseLookupLemmatizer)
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"geese": "goose"})
    lemmatizer.initialize(lookups=lookups)
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "lemmatizer" / "lookups").exists()
    loaded = spacy.load(tmp_path / "p")
    assert [t.lemma_ for t in loaded("Geese and studies")] == ["goose", "and", "studies"]


def test_a_reference_to_another_bundled_table_is_refused(tmp_path):
    import srsly

    from alignscore.errors import ModelError
    from alignscore.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "p")
    marker = tmp_path / "p" / "lemmatizer" / "bundled_table.json"
    saved = srsly.read_json(marker)
    srsly.write_json(marker, {**saved, "entries": saved["entries"] + 1})
    with pytest.raises(ModelError, match="lemma table"):
        spacy.load(tmp_path / "p")


def _phrases() -> list[str]:
    out = []
    for name in ("horizons.jsonl", "cues.jsonl"):
        with (patterns_dir() / name).open(encoding="utf-8") as fh:
            out += [p["pattern"] for p in map(json.loads, fh) if isinstance(p["pattern"], str)]
    return out


def test_phrase_docs_equal_the_tokenizers_for_every_packaged_phrase(nlp):
    """The rulers make their phrase patterns' Docs from the words where the tokenizer would split
    them at the spaces and nowhere else; every packaged phrase gets the words and norms the
    tokenizer gives it (a typo the tokenizer repairs, "evenutally", is read as it repairs it)."""
    from alignscore.components.token_matcher import phrase_docs

    phrases = _phrases()
    fast = phrase_docs(nlp, phrases)
    assert len(fast) == len(phrases)
    for text, doc in zip(phrases, fast, strict=True):
        slow = nlp.make_doc(text)
        assert [(t.text, t.norm_, t.whitespace_) for t in doc] == [
            (t.text, t.norm_, t.whitespace_) for t in slow
        ], text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i cannot wait", ["i", "can", "not", "wait"]),  # a special case splits a word
        ("in my 2nd year", ["in", "my", "2nd", "year"]),
        ("in 3-5 years", ["in", "3", "-", "5", "years"]),  # an infix splits a word
        ("long term.", ["long", "term", "."]),  # a suffix
        ("two  years", ["two", "years"]),  # two spaces: cleaned to one
        ("&amp; later", ["&", "later"]),  # cleaned before tokenising
    ],
)
def test_phrase_docs_split_words_as_the_tokenizer_does(nlp, text, words):
    from alignscore.components.token_matcher import phrase_docs

    (doc,) = phrase_docs(nlp, [text])
    slow = nlp.make_doc(text)
    assert [t.text for t in doc] == words == [t.text for t in slow]
    assert [t.whitespace_ for t in doc] == [t.whitespace_ for t in slow]
