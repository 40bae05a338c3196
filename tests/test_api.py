from __future__ import annotations

import dataclasses
import json
import math

import pandas as pd
import pytest

import alignscore
from alignscore import InvalidInputError, ScoreResult, Span, score
from alignscore.analysis import analyze_pairs
from alignscore.api import MAX_CHARS
from alignscore.labels import FLAGS, SCORES

JD = (
    "Junior Data Analyst. You will write SQL against Snowflake and build Power BI dashboards for "
    "the buying team. We pay for the PL-300 certification and offer a named mentor."
)
GOOD = (
    "In my first year I want to get fluent in SQL on Snowflake and own two of the weekly Power BI "
    "reports, so the buyers stop waiting on ad-hoc pulls. This role is exactly the bridge to that. "
    "Longer term I'd like to grow into a senior analyst who designs the promotion tests with the team."
)


def test_result_matches_the_contract():
    r = score(GOOD, JD)
    assert isinstance(r, ScoreResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.overall = 0.5  # type: ignore[misc]
    for name in SCORES:
        value = getattr(r, name)
        assert isinstance(value, float) and 0.0 <= value <= 1.0
        assert r.bands[name] in (1, 2, 3, 4, 5)
    assert isinstance(r.flags, frozenset) and r.flags <= set(FLAGS)
    assert all(isinstance(s, Span) for s in r.spans + r.job_spans)
    for s in r.spans:
        assert GOOD[s.start_char : s.end_char] == s.text
        if s.label == "HORIZON":
            assert s.bucket in ("short", "mid", "long")
        else:
            assert s.bucket is None and s.years_min is None
    for s in r.job_spans:
        assert JD[s.start_char : s.end_char] == s.text
    assert r.explanations and all(isinstance(e, str) for e in r.explanations)
    d = r.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert set(d) == {*SCORES, "bands", "flags", "spans", "job_spans", "explanations"}


def test_strong_answer_beats_cliches():
    strong = score(GOOD, JD)
    cliche = score("I want to grow professionally, learn new things and make an impact.", JD)
    assert strong.overall > cliche.overall
    assert "vague" in cliche.flags
    assert strong.bands["specificity"] > cliche.bands["specificity"]


def test_empty_answer_scores_as_the_rubric_says():
    r = score("", JD)
    assert r.bands["specificity"] == 1 and r.overall == 0.0
    assert {"vague", "missing_short_term", "missing_long_term"} <= r.flags


def test_unknown_posting_is_valid_input():
    r = score(GOOD, "")
    assert 0.0 <= r.alignment <= 1.0
    r = score(GOOD, "Job title: Registered Nurse")
    assert r.job_spans and r.job_spans[0].label == "TITLE"


def test_posting_spans_hold_no_goals():
    posting = "Registered Nurse\nJoin our 12-month nurse residency on a cardiac unit. ACLS."
    r = score(GOOD, posting)
    assert {s.label for s in r.job_spans} <= {"SKILL", "TITLE", "HORIZON"}
    assert "SKILL" in {s.label for s in r.job_spans}


@pytest.mark.parametrize("bad", [None, 3, 4.5, float("nan"), ["text"], b"bytes"])
def test_bad_input_raises_a_typed_error(bad):
    with pytest.raises(InvalidInputError):
        score(bad, JD)
    with pytest.raises(InvalidInputError):
        score(GOOD, bad)
    with pytest.raises(ValueError):  # catchable as the built-in too
        score(bad, JD)


def test_huge_text_is_refused_clearly():
    with pytest.raises(InvalidInputError, match="limit is 50,000"):
        score("word " * (MAX_CHARS // 4), JD)


def test_html_laden_answer_keeps_offsets():
    text = "<p>In the next two years I want to master SQL &amp; Power&nbsp;BI.</p><br>Long term: lead the team."
    r = score(text, JD)
    assert any(s.label == "HORIZON" for s in r.spans)
    for s in r.spans:
        assert text[s.start_char : s.end_char] == s.text


def test_non_english_answer_is_flagged_in_the_explanations():
    r = score("Quiero aprender mucho y crecer con la empresa durante los próximos años.", JD)
    assert r.bands["overall"] <= 2
    assert any("English" in e for e in r.explanations)


def test_self_gain_explanation_quotes_the_whole_phrase():
    r = score("I want two years of experience here and then to start my own agency.", JD)
    assert "self_centred" in r.flags
    assert any("(\u201cmy own agency\u201d)" in e for e in r.explanations), r.explanations
    r = score("My main goal is to earn a high salary and save enough money for a house.", JD)
    assert any(
        "(\u201csalary\u201d and \u201csave enough money\u201d)" in e for e in r.explanations
    ), r.explanations


def test_explanations_name_a_path_the_posting_offers():
    posting = JD + " Clear path to Senior Analyst within two years."
    r = score(GOOD, posting)
    assert "You aim at senior analyst, a step the posting itself names." in r.explanations


def test_missing_direction_quotes_only_a_near_horizon():
    r = score("I'm not sure where I'll be in five years, but I want to learn SQL here.", JD)
    assert "missing_long_term" in r.flags
    assert not any("beyond" in e for e in r.explanations), r.explanations
    r = score("In the next year I want to get fluent in SQL on Snowflake.", JD)
    assert any("beyond \u201cIn the next year\u201d" in e for e in r.explanations), r.explanations


@pytest.mark.parametrize(
    "answer, reason",
    [
        ("", "The answer has no words to score."),
        (JD, "The answer repeats the posting"),
        ("SQL Snowflake Power BI dashboards PL-300", "The answer lists skills without a goal"),
        ("I love hiking with my dog on weekends.", "The answer does not speak to this role"),
    ],
)
def test_non_answers_say_what_they_are(answer, reason):
    r = score(answer, JD)
    assert r.explanations[0].startswith(reason), r.explanations
    if "without a goal" in reason or "repeats" in reason:
        assert not any(e.startswith("You name") for e in r.explanations)


def test_an_answer_naming_the_postings_skills_is_not_called_off_topic():
    # no goal and no time frame (capped as off-topic), but it does speak of the posting's SQL
    r = score("I just need a stable job. SQL is fine. Not really sure what my goals are.", JD)
    assert r.bands["alignment"] == 1
    assert not any("does not speak to this role" in e for e in r.explanations), r.explanations
    assert r.explanations[0].startswith("No goal is stated"), r.explanations


def test_an_answer_in_another_language_says_so_first_and_only_that():
    r = score("Me gustaría crecer como analista y aprender a liderar un equipo pronto.", JD)
    assert r.explanations[0].startswith("Most words are not recognised as English")
    assert not any("does not speak to this role" in e for e in r.explanations), r.explanations
    assert max(r.bands.values()) <= 2


def test_explain_writes_the_non_answer_reasons_itself():
    from alignscore.analysis import analyze_pairs
    from alignscore.explain import explain

    (pair,) = analyze_pairs(["SQL Snowflake Power BI dashboards"], JD)
    bands = dict.fromkeys(SCORES, 2)
    flags = dict.fromkeys(FLAGS, False)
    args = (pair.answer, pair.job, pair.profile, pair.features, bands, flags, pair.view)
    assert any(e.startswith("You name SQL") for e in explain(*args))
    stuffed = explain(*args, kinds=["stuffing"])
    assert stuffed[0].startswith("The answer lists skills without a goal")
    assert not any(e.startswith("You name") for e in stuffed)
    assert explain(*args, kinds=["empty"]) == (
        "The answer has no words to score.",
        "No goal is stated: say what you want to learn, do or become, and when.",
    )


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(alignscore.ModelError, match="No alignscore model"):
        alignscore.load(tmp_path)


def test_score_frame_keeps_index_and_reports_bad_rows():
    df = pd.DataFrame(
        {"answer": [GOOD, None, 12, "", float("nan")], "job_description": [JD, JD, JD, JD, JD]},
        index=["a", "b", "c", "d", "e"],
    )
    out = alignscore.score_frame(df)
    assert list(out.index) == list(df.index)
    assert pd.isna(out.loc["a", "error"]) and pd.isna(out.loc["d", "error"])
    assert "missing" in out.loc["b", "error"] and "string" in out.loc["c", "error"]
    assert "missing" in out.loc["e", "error"]
    assert math.isnan(out.loc["b", "overall"])
    for name in SCORES:
        assert f"{name}_band" in out.columns
    for flag in FLAGS:
        assert f"flag_{flag}" in out.columns


def test_score_frame_missing_column():
    with pytest.raises(InvalidInputError, match="Missing columns"):
        alignscore.score_frame(pd.DataFrame({"text": ["x"]}))


def test_score_many_streams_in_order_and_raises_with_row_number():
    answers = [GOOD, "I want to grow.", GOOD]
    results = list(alignscore.score_many(answers, JD, batch_size=2))
    assert [r.overall for r in results] == [score(a, JD).overall for a in answers]
    with pytest.raises(InvalidInputError, match="row 1"):
        list(alignscore.score_many([GOOD, None], JD))
    assert list(alignscore.score_many([GOOD, None], JD, on_error="none"))[1] is None


def test_unrealistic_explanation_names_the_highest_target():
    """The title quoted is the target that is far above the role, not a past one."""
    jd = "Customer Success Manager (mid level). Gainsight, QBRs, renewals. Reports to the CS lead."
    answer = (
        "Three years ago I was an account manager at an agency. In the first three months I'd "
        "audit the book and run QBRs. I'd like to be Head of Customer Success within 18 months, "
        "and by 2028 VP of Customer Success."
    )
    result = score(answer, jd)
    assert "unrealistic" in result.flags
    (reason,) = [e for e in result.explanations if "far above" in e]
    assert "VP of Customer Success" in reason


QS_JD = (
    "Quantity Surveyor. Brackwater Cost Consultants. You will prepare cost plans, run tenders, "
    "administer NEC4 contracts and measure in CostX on residential and mixed-use schemes. APC "
    "support and mentoring from our directors."
)


def test_a_stated_stopover_caps_alignment_and_overall():
    """The guide: a stated stopover caps alignment at 2, and a flight risk is at most 2 overall
    however specific it is."""
    answer = (
        "Over the next two years I want to get really good at cost plans in CostX and NEC4 "
        "contract admin on your residential schemes, and take my APC with your directors' "
        "support. After that I plan to leave and start my own development company."
    )
    r = score(answer, QS_JD)
    assert "flight_risk" in r.flags
    assert r.bands["alignment"] <= 2 and r.bands["overall"] <= 2, r.bands
    assert r.alignment <= 0.37 and r.overall <= 0.37
    assert r.bands["specificity"] >= 3  # specificity is not capped


def test_a_stopover_line_in_notes_lowers_alignment_and_overall():
    """A stopover typed as a notes line is read as one, and costs alignment and overall.

    (Whether it also raises flight_risk depends on how low the model puts alignment: the flag
    needs band 3 or lower, and this answer sits near that edge, at band 3 or 4 from one
    retraining to the next.)
    """
    notes = (
        "- next 2 yrs: cost plans in CostX, NEC4 admin, APC with your mentoring\n- why here: "
        "residential + mixed-use, exactly the schemes I want\n- yr 3 -> "
    )
    leaving = notes + "move over to a developer client side for the bigger salary"
    staying = notes + "lead the cost plans on your bigger schemes"
    (pair,) = analyze_pairs([leaving], QS_JD)
    assert pair.features["flight_cues"] >= 1
    left, stayed = score(leaving, QS_JD), score(staying, QS_JD)
    assert left.bands["alignment"] < stayed.bands["alignment"], (left.bands, stayed.bands)
    assert left.bands["overall"] < stayed.bands["overall"], (left.bands, stayed.bands)
