from __future__ import annotations

import zlib

import pytest

from alignscore.datasets import load_corpus
from alignscore.hashing import N_FEATURES, hashed_counts, terms


def test_terms_match_the_word_analyser_the_model_used_before():
    from sklearn.feature_extraction.text import HashingVectorizer

    analyse = HashingVectorizer(ngram_range=(1, 2)).build_analyzer()
    corpus = load_corpus("all")
    texts = [*corpus["answer"], *corpus["job_description"].unique()]
    texts += ["", "a", "Ünïcode façade: x2 data_science, 3.5 years!", "C++ and C# dev\tlead"]
    assert [analyse(t) for t in texts] == [terms(t) for t in texts]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", {}),
        ("I", {}),
        ("sql", {zlib.crc32(b"sql") % N_FEATURES: 1}),
        ("SQL sql", {zlib.crc32(b"sql") % N_FEATURES: 2, zlib.crc32(b"sql sql") % N_FEATURES: 1}),
    ],
)
def test_hashed_counts(text, expected):
    assert hashed_counts(text) == expected
