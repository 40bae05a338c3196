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
