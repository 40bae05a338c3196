from __future__ import annotations

import json

import pytest
import spacy

from alignscore import PatternError
from alignscore.resources import PATTERN_LABELS, read_lexicon, read_pattern_file, read_patterns


@pytest.mark.parametrize("name", sorted(PATTERN_LABELS))
def test_pattern_file_loads_into_a_validating_span_ruler(name):
    patterns = read_patterns([name])
    assert patterns
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"validate": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns)
    assert len(ruler) == len(patterns)


@pytest.mark.parametrize(
    "name",
    ["horizon_lexicon", "goal_lexicon", "title_levels", "skill_heads", "title_info", "role_nouns"],
)
def test_lexicons_load(name):
    assert read_lexicon(name)


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"label": "SKILL", "pattern": "x", "colour": "red"}', "unknown key 'colour'"),
        ('{"label": "ORG", "pattern": "x"}', "key 'label': 'ORG' is not one of"),
        ('{"label": "SKILL"}', "missing key 'pattern'"),
        ('{"label": "SKILL", "pattern": 3}', "must be a phrase"),
        ('{"label": "SKILL", "pattern": []}', "non-empty list"),
        ('{"label": "SKILL", "pattern": "x", "id": ""}', "key 'id'"),
        ("{not json", "not valid JSON"),
    ],
)
def test_bad_pattern_names_file_line_and_key(tmp_path, line, message):
    path = tmp_path / "skills.jsonl"
    path.write_text('{"label": "SKILL", "pattern": "sql", "id": "sql"}\n' + line + "\n")
    with pytest.raises(PatternError) as err:
        read_pattern_file(path, PATTERN_LABELS["skills"])
    assert f"{path}:2" in str(err.value)
    assert message in str(err.value)


def test_unknown_pattern_file():
    with pytest.raises(PatternError, match="unknown pattern file"):
        read_patterns(["colours"])


def test_skill_ids_are_canonical_for_synonyms():
    from alignscore.resources import patterns_dir

    lines = (patterns_dir() / "skills.jsonl").read_text(encoding="utf-8").splitlines()
    pats = [json.loads(line) for line in lines]
    ids = {p["pattern"]: p["id"] for p in pats if isinstance(p["pattern"], str)}
    assert ids["amazon web services"] == ids["aws"]
    assert ids["search engine optimization"] == ids["seo"]
