from __future__ import annotations

import pytest

from alignscore.flags import FlagThresholds, raise_flags, rubric_caps

BASE = {
    "flight_cues": 0.0,
    "goal_count": 2.0,
    "horizon_has_short": 1.0,
    "horizon_has_mid": 0.0,
    "horizon_has_long": 1.0,
    "horizon_count": 2.0,
    "goal_with_horizon_share": 1.0,
    "goal_later_count": 1.0,
    "seniority_target_rank": 0.0,
    "seniority_gap": 0.0,
    "seniority_short_gap": 0.0,
    "self_gain_cues": 0.0,
    "bridge_cues": 2.0,
    "copy_share": 0.0,
    "spec_skill_token_share": 0.1,
    "text_known_word_share": 0.95,
    "text_log_words": 4.0,
    "overlap_content_share": 0.4,
}
GOOD = {"alignment": 4, "specificity": 4, "employer_focus": 4, "overall": 4}


def raised(changes=None, bands=None, scores=None):
    features = {**BASE, **(changes or {})}
    flags = raise_flags(features, {**GOOD, **(bands or {})}, FlagThresholds(), scores)
    return {name for name, on in flags.items() if on}


@pytest.mark.parametrize(
    "changes, bands, scores, expected",
    [
        ({}, {}, None, set()),
        # a stopover says what the role leads to: a bridge unless no bridge cue is there either
        ({"flight_cues": 1.0}, {"alignment": 2}, None, {"flight_risk"}),
        (
            {"flight_cues": 1.0, "bridge_cues": 0.0},
            {"alignment": 2},
            None,
            {"flight_risk", "no_bridge"},
        ),
        ({}, {"alignment": 2}, None, {"no_bridge"}),
        ({"flight_cues": 1.0}, {}, None, set()),  # a cue alone in a well-aligned answer
        ({"seniority_gap": 4.0}, {}, None, {"unrealistic"}),
        ({"seniority_short_gap": 2.0}, {}, None, {"unrealistic"}),
        ({"seniority_gap": 1.0}, {}, None, set()),
        ({}, {"specificity": 2}, None, {"vague"}),
        ({}, {"specificity": 3}, {"specificity": 0.35}, {"vague"}),
        ({}, {"specificity": 3}, {"specificity": 0.55}, set()),
        ({"self_gain_cues": 2.0}, {"employer_focus": 2}, None, {"self_centred"}),
        ({"self_gain_cues": 2.0}, {"employer_focus": 4}, None, set()),
        ({"self_gain_cues": 1.0}, {"employer_focus": 2}, None, set()),  # one perk, some benefit
        ({"self_gain_cues": 1.0}, {"employer_focus": 1}, None, {"self_centred"}),  # nothing else
        # only weak cues ("for me", "financial"): not enough
        ({"self_gain_cues": 2.0, "self_gain_strong_cues": 0.0}, {"employer_focus": 1}, None, set()),
        ({"bridge_cues": 0.0}, {"alignment": 3}, None, {"no_bridge"}),
        ({"bridge_cues": 0.0}, {"alignment": 4}, None, set()),
        ({"goal_count": 0.0}, {}, None, {"missing_long_term"}),  # a dated near step, no goal cue
        (
            {"goal_count": 0.0, "horizon_has_short": 0.0},
            {},
            None,
            {"missing_short_term", "missing_long_term"},
        ),
        ({"horizon_has_short": 0.0}, {}, None, {"missing_short_term"}),  # every goal dated later
        (
            {"horizon_has_short": 0.0, "goal_with_horizon_share": 0.5},
            {},
            None,
            set(),
        ),  # undated concrete goal
        (
            {"horizon_has_short": 0.0, "goal_with_horizon_share": 0.5},
            {"specificity": 1},
            None,
            {"missing_short_term", "vague"},
        ),  # undated empty goals are no next step
        (
            {"horizon_has_short": 0.0, "goal_with_horizon_share": 0.5},
            {"specificity": 2},
            None,
            {"vague"},
        ),  # thin but named goals still read as a next step
        ({"horizon_has_short": 1.0}, {"specificity": 1}, None, {"vague"}),
        ({"horizon_has_long": 0.0, "goal_later_count": 0.0}, {}, None, {"missing_long_term"}),
        ({"horizon_has_long": 0.0, "horizon_has_mid": 1.0}, {}, None, set()),  # a goal at mid
        # a long horizon that governs no goal: "no idea about the long term"
        ({"goal_later_count": 0.0}, {}, None, {"missing_long_term"}),
        ({"goal_later_count": 0.0, "seniority_target_rank": 4.0}, {}, None, set()),
        # a stopover names where the candidate is heading, if not here: no missing long term
        (
            {"goal_later_count": 0.0, "flight_cues": 1.0},
            {"alignment": 2},
            None,
            {"flight_risk"},
        ),
        ({"goal_later_count": 0.0, "flight_cues": 1.0}, {}, None, set()),
    ],
)
def test_flag_truth_table(changes, bands, scores, expected):
    assert raised(changes, bands, scores) == expected


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({}, {}),
        ({"copy_share": 0.8}, {"overall": 1, "alignment": 1}),
        (
            {"goal_count": 0.0, "spec_skill_token_share": 0.6},
            {"overall": 2, "alignment": 2, "specificity": 2},
        ),
        (
            {"text_known_word_share": 0.3},
            {"alignment": 2, "specificity": 2, "employer_focus": 2, "overall": 2},
        ),
        (
            {"goal_count": 0.0, "horizon_count": 0.0, "overlap_content_share": 0.02},
            {"alignment": 1, "overall": 2},
        ),
    ],
)
def test_rubric_caps(changes, expected):
    assert rubric_caps({**BASE, **changes}) == expected


@pytest.mark.parametrize(
    "text, stint",
    [
        ("I'd stay a couple of years to get the experience, then head back to consulting.", True),
        ("Plan: 12-18 months here, build the CV.", True),
        ("I would spend six months or so in this role and then apply to engineering.", True),
        ("A year or two here, max.", True),
        ("So I'd give you two strong years, get the hotel open, and then make the jump.", True),
        ("I see this job as a focused year or two of clinical work.", True),
        ("Long term I plan to open a private practice in sports nutrition.", True),
        ("After the licence I'd like to make the leap to a vendor.", True),
        ("I worked in private practice for three years before this.", False),
        ("I see this as a great springboard.", True),
        ("From there I'll go wherever the best opportunity is.", True),
        ("Next year I'd like to go to med school.", True),
        # a school as the workplace is no plan to leave for study
        ("I've done post-award for four years at the med school.", False),
        ("I worked in the law school's finance office.", False),
        ("I did a lot of HEC-HMS in grad school.", False),  # where it was learnt
        # applying here is no plan to leave
        ("So first reason I apply to your company is the APC fees.", False),
        ("That is why I applied for this job at your company.", False),
        ("Then I'd apply for jobs at the big consultancies.", True),
        ("After two years here I'd go to grad school.", True),
        ("I'd give the team my best work for years to come.", False),
        ("I want to stay here for many years and grow with the team.", False),
        ("I spent two years in retail and then moved into logistics.", False),  # the past
        ("My goal for the first eighteen months here is to fix the handover.", False),
        ("In the next two years I want to lead the team.", False),
        # going it alone, or to a bigger name, after learning the trade here
        ("Then I'll have what I need to go out on my own.", True),
        ("I want to own my own reporting agency within five years.", True),
        ("It would round out my portfolio before I apply for the fellowships.", True),
        ("Then I'd make that move, ideally into a PM role at a larger fintech.", True),
        ("Then the fellowships at the bigger institutions.", True),
        ("Long term I'd like to finish out my career somewhere like this.", False),
        ("Two years retail at a big supermarket.", False),
        ("I want to run audits at a larger scale.", False),
        ("Or with one of the big streaming audio companies.", True),
        ("Field service for one of the biggest packaging OEMs.", True),
        ("Ideally at one of the large vaccine manufacturers.", True),
        # a bigger employer in the career so far is no plan to leave
        (
            "I have nine years in tax, first at one of the big advisory firms and since 2021 "
            "in-house at a container terminal operator.",
            False,
        ),
        ("I worked at a larger contractor before this, for six years.", False),
        ("I worked in retail, and later I'd like to join one of the big consultancies.", True),
        ("I'd expect to apply for graduate engineer schemes in about two years.", True),
        ("In five years I see myself as a freelance FOH engineer based there.", True),
        ("I'd like to become self-employed once I know the trade.", True),
        ("I worked as a freelance designer for two years.", False),
        ("I want to be self-sufficient on the line within a year.", False),
        ("Ideally a keynote at one of the big UX conferences.", False),
        ("The big dream, honestly, is my own nursery.", True),
        ("My dream is to have my own public adjusting company.", True),
        ("I'm ready for my own store now.", False),
        # running one's own share of the work is no venture: "run my own sites", "my own QBRs"
        ("Mid term I'd run my own sites from design through planting.", False),
        ("I'm looking forward to running my own QBRs with the bigger accounts.", False),
        ("Within a year I want to run my own viewings and valuations.", False),
        ("One day I'd like to run my own salon.", True),
        ("I'd love to run my own business someday.", True),
        # a venture shared with a partner or relative: "our own"
        ("My partner and I are saving to open our own small wine bar.", True),
        ("So I'd be here through that transition, then go run our own place.", True),
        ("We want our own bistro one day.", True),
        ("I'd love to buy my own place and stop renting.", False),
        ("We'd build our own reporting templates for the team.", False),
        # share options "not worth much until something happens" are no plan to leave
        ("The share options are nice, though not worth much until something happens.", False),
        ("I'll stay until something better comes along.", True),
        # applying to other employers after the stay: "outfits", "operators", "hospitals"
        ("Then I start applying to the offshore outfits on the east coast.", True),
        ("After that I'd apply to the bigger hospitals in the city.", True),
        ("I applied to your outfit because of the crew.", False),
        # a deadline for a goal here is no measured-out stay: "in a year, 18 months tops"
        ("In, like, a year, eighteen months tops, I'm running operations for you.", False),
        ("I'd give you eighteen months tops.", True),
        ("Honestly, two years max, then I'm off to the city.", True),
        ("I'd give you two good seasons and then head offshore.", True),
        # a stay said to last while the candidate is "here": its end is in view
        ("I'd obviously give it a hundred percent while I'm here though.", True),
        ("in that time id work hard while im here, i pick stuff up quick", True),
        ("Of course while I am here I will give everything.", True),
        ("While I was here last summer I learnt the till.", False),
        ("I'd like to be here while the new site opens.", False),
        # a measured-out stay: "I'd be here for two or three years"
        ("Realistically I'd be here for two or three years, then apply for cadet schemes.", True),
        ("so realisticly i would be here about a year and a half, maybe a bit longer.", True),
        ("I hope to be here for many years.", False),
        ("I'd love to be here for the long haul.", False),
        ("I have been here for two years.", False),
        # the job as the place to train before going elsewhere
        ("I see this role as the best possible training ground for two or three years.", True),
        # founding a venture, said without "my own"
        ("Once I have the licence, the plan is to found a small consulting practice.", True),
        ("Later I'd build an independent process safety consultancy in the north.", True),
        ("My goal is to start a company around the sensor work.", True),
        ("Eventually I'll launch a boutique recruitment agency.", True),
        ("I have always wanted to build something of my own, and now it has a shape.", True),
        # ... but a business case, a company-wide scheme or the employer's business is no venture
        ("In year one I want to build a business case for the second line.", False),
        ("I'd like to launch a company-wide mentoring scheme.", False),
        ("I want to help you build a business that patients trust.", False),
        ("I'd love to open a new branch for you in Leeds.", False),
        ("Next I'd set a business goal for each store.", False),
        ("I built a consulting firm from nothing before this.", False),
        ("I'd set up a small agency of my own by 2030.", True),
        # leaving said as a jump, or going it alone (also as commonly misspelt)
        ("After the raise I'd be looking at making that jump.", True),
        ("I took the course last year to make the switch into hospitality.", False),
        ("After that my plan is to go independant as a fleet consultant.", True),
        # a stay measured out as what the employer gets
        ("You'd get two very strong years out of me.", True),
        ("I'd get a lot out of me being here, honestly.", False),
        # the family business waiting at the end
        ("In time I expect to return to the family business.", True),
        ("My parents' farm is where I'll go back to, to take over the family farm.", True),
        ("I grew up around the family business, which taught me stock control.", False),
    ],
)
def test_stint_cues(text, stint):
    """A measured-out stay before leaving ("a year or two here") counts for flight_risk."""
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], "Analyst. SQL.")
    evidence = pair.features["flight_cues"] + pair.features["flight_stint"]
    assert (evidence >= 1) == stint


@pytest.mark.parametrize(
    "text, short_gap",
    [
        # in notes, each line is its own clause: "long term" does not inherit "short term"
        ("- short term: master dbt and Airflow\n- long term: Head of Data", False),
        ("1) Short term: master dbt\n2) Long term: Head of Data", False),
        ("Short term: master dbt. Long term: Head of Data.", False),
        # a senior title on the line of a short horizon is a near-term target
        ("- next year: Head of Data\n- later: keep learning", True),
        ("In the next year I want to be Head of Data.", True),
        # in a run-on sentence the goal's own horizon decides
        (
            "in the next year i want to get good at dbt and then long term i'd love to be head "
            "of data here",
            False,
        ),
        ("long term i want to learn a lot and in the next year i want to be head of data", True),
    ],
)
def test_short_target_titles_read_per_line(text, short_gap):
    """A title is a near-term target when its goal is dated short or, undated, in a short clause."""
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], "Junior Data Engineer. Python, SQL, dbt.")
    assert (pair.features["seniority_short_gap"] >= 2) == short_gap


@pytest.mark.parametrize(
    "text, self_gain",
    [
        ("The job would let me stay in the country and apply for a work visa.", True),
        ("Honestly, the 70% childcare discount is the main thing for me.", True),
        ("I want set hours so I can pick the kids up.", True),
        ("I realised I wanted this to be my work rather than my weekend.", False),
        ("My commute is killing me.", True),
        ("The certs push my day rate up.", True),
        ("I want to apply discounts correctly at the till.", False),
        ("I want to learn the visa rules our clients need.", False),
        ("The 25% discount would be great for my garden.", True),
        ("I'd want weekends off as much as possible.", True),
        ("I need an employer that can sponsor an H-1B.", True),
        ("It would make me competitive for higher-paying jobs.", True),
        ("I want to learn how we price the discount range.", False),
        ("My goal in the next two years is to make enough to buy a house.", True),
        ("I need to pay off my student loans.", True),
        ("In-house means better hours.", True),
        ("I want to help our clients buy a home with the right mortgage advice.", False),
    ],
)
def test_self_gain_cues(text, self_gain):
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], "Analyst. SQL.")
    assert (pair.features["self_gain_cues"] >= 1) == self_gain


@pytest.mark.parametrize(
    "text, strong",
    [
        ("I want more money and a bigger salary.", 2),
        # "my own" is a weak cue: a chef's own kitchen and menus are the job itself
        ("I want to have my own kitchen and write my own menus.", 0),
        ("I covered the course fees from my own pocket.", 0),
        ("Then I want to start my own agency.", 1),  # ... but a venture of one's own is
        ("For me it is important to stay in one place.", 0),
    ],
)
def test_strong_self_gain_cues(text, strong):
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], "Head Chef. Menu costing.")
    assert pair.features["self_gain_strong_cues"] == strong


@pytest.mark.parametrize(
    "posting, text, short_gap",
    [
        # a step the posting names is still far too soon three ranks up
        (
            "Trainee Air Traffic Controller\n\nA path to Watch Manager for those who stay.",
            "In 18 months I want to be a Watch Manager.",
            True,
        ),
        # ... but a junior aiming at the senior post the posting describes is on its track
        (
            "Junior Data Analyst\n\nA path to Senior Data Analyst in two years.",
            "In two years I want to be a Senior Data Analyst.",
            False,
        ),
        # a bare role noun heading the posting's title is the role itself
        (
            "Trainee Air Traffic Controller\n\nWe train you.",
            "In two years I want to be a fully validated controller.",
            False,
        ),
        # the posting's own role is no target at all
        (
            "Room Leader\n\nLead the toddler room.",
            "Next year I want to be a great Room Leader.",
            False,
        ),
    ],
)
def test_steps_the_posting_names(posting, text, short_gap):
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], posting)
    assert (pair.features["seniority_short_gap"] >= 2) == short_gap


@pytest.mark.parametrize(
    "text, self_cues, employer",
    [
        # "pay" used to be found twice ("pay" and "paid" share a lemma); "so that's why" is a reason
        ("Night shift pays more so that's why I applied.", 1, 0),
        ("Night shift paid more, so that was why I applied.", 1, 0),
        ("It pays more, so that is the reason.", 1, 0),
        ("I want the extra pay, and I want to lead the shift so that our pick rate goes up.", 1, 2),
    ],
)
def test_cues_counted_once_and_so_thats_why_is_no_purpose(text, self_cues, employer):
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], "Warehouse Team Leader. WMS, Excel.")
    assert pair.features["self_gain_cues"] == self_cues
    assert (
        pair.features["employer_so_that"] + (pair.features["employer_cues_per100"] > 0) == employer
    )


@pytest.mark.parametrize(
    "text, bridge",
    [
        ("This role would give me the foundation I need.", True),
        # the posting's own name for the job: an apprenticeship, a residency, a programme
        ("This apprenticeship is the most direct way I know to get there.", True),
        ("A residency like this one is the best route to a specialty.", True),
        ("I want to learn SQL and Tableau.", False),
        # how the work here carries into the goal, even one elsewhere
        ("Knowing the aircraft inside out makes you a better pilot.", True),
        ("Seeing what breaks is gonna make me a better designer.", True),
        ("Critical care, IV catheters, all of that translates really well.", True),
        ("A lot of the fundamentals carry over: user flows, testing.", True),
        ("The development programme is the main reason I applied here.", True),
        ("the reason im applying here specifically is the ICU", True),
        ("I translate German and Dutch.", False),
        ("I applied to three hospitals last year.", False),
    ],
)
def test_bridge_cues(text, bridge):
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], "Analyst. SQL.")
    assert (pair.features["bridge_cues"] >= 1) == bridge


@pytest.mark.parametrize(
    "flags, bands, caps",
    [
        ({"flight_risk": True}, {"alignment": 4, "overall": 5}, {"alignment": 2, "overall": 2}),
        ({"flight_risk": False}, {"alignment": 3, "overall": 3}, {}),
        # an unrealistic target is a conflict of level (rubric: alignment 2): a middling band
        # goes down to 2 ...
        ({"unrealistic": True}, {"alignment": 3, "overall": 3}, {"alignment": 2, "overall": 2}),
        ({"unrealistic": True}, {"alignment": 3, "overall": 4}, {"alignment": 2}),
        # ... a band of 4 or 5 stays, and so does one already at 2 or below
        ({"unrealistic": True}, {"alignment": 4, "overall": 5}, {}),
        ({"unrealistic": True}, {"alignment": 2, "overall": 1}, {}),
        (
            {"unrealistic": True, "flight_risk": True},
            {"alignment": 4, "overall": 3},
            {"alignment": 2, "overall": 2},
        ),
        # "vague" is the rubric's specificity 1-2: a flagged answer is never reported above 2
        ({"vague": True}, {"specificity": 3}, {"specificity": 2}),
        (
            {"vague": True, "flight_risk": True},
            {},
            {"alignment": 2, "overall": 2, "specificity": 2},
        ),
        ({"vague": False}, {"specificity": 3}, {}),
        # no long-term direction: not the rubric's specificity 5 (horizons near and far) nor a
        # strong answer's three moves
        ({"missing_long_term": True}, {}, {"specificity": 4, "overall": 4}),
        (
            {"missing_long_term": True, "vague": True, "flight_risk": True},
            {},
            {"alignment": 2, "overall": 2, "specificity": 2},
        ),
    ],
)
def test_flag_caps(flags, bands, caps):
    from alignscore.flags import flag_caps

    assert flag_caps(flags, bands) == caps
