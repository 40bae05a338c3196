"""Truth table for HORIZON detection and normalisation (RUBRIC.md, annotation guide)."""

from __future__ import annotations

import pytest

from alignscore import extract

O = None  # an open bound

# sentence, horizon text, years_min, years_max, bucket
POSITIVE = [
    # a season of field work counts as a year: "the next couple of seasons", "two seasons"
    (
        "In the next couple of seasons I want to direct a Phase III excavation.",
        "In the next couple of seasons",
        0,
        2,
        "short",
    ),
    ("I want to run the survey crew for two seasons.", "for two seasons", 0, 2, "short"),
    # "over time" with an aim: an open horizon, like "eventually"
    (
        "Over time, I hope to take on the complex caseload.",
        "Over time",
        None,
        None,
        "long",
    ),
    (
        "I could see myself taking on more responsibility over time.",
        "over time",
        None,
        None,
        "long",
    ),
    # "by this time next year" is one deadline, not "next year" inside a goal
    (
        "By this time next year I want to run the nursery.",
        "By this time next year",
        0,
        1,
        "short",
    ),
    ("In the next two years I want to master Tableau.", "In the next two years", 0, 2, "short"),
    # a compound number word is one number: "twenty-five", "thirty six"
    ("In twenty-five years I want to lead the institute.", "In twenty-five years", 25, 25, "long"),
    (
        "Within twenty-four months I want to run the unit.",
        "Within twenty-four months",
        0,
        2,
        "short",
    ),
    ("In thirty six months I want to lead a crew.", "In thirty six months", 3, 3, "short"),
    # "after" a stay in the role places a goal; a long career behind the speaker does not
    ("After two years in this role I want to lead the team.", "After two years", 2, 2, "short"),
    ("After eight years here I'd like to be a partner.", "After eight years", 8, 8, "long"),
    ("One day I'd like to lead the science team.", "One day", O, O, "long"),
    # "to spend" is a plan, not the past "spent"
    ("My plan is to spend maybe 18 months here and get my CAPS.", "18 months", 1.5, 1.5, "short"),
    (
        "I would like to spend two or three years in Openwell to learn.",
        "two or three years",
        2,
        3,
        "short",
    ),
    # a verb's "for" swallows only "now": "what I'm looking for now" (below), not a span of years
    (
        "What I'm hoping for the next two years is to lead the lab.",
        "for the next two years",
        0,
        2,
        "short",
    ),
    # the noun "aim" takes its time with "for"
    (
        "My aim for the first eighteen months is to pass the OOW.",
        "for the first eighteen months",
        0,
        1.5,
        "short",
    ),
    ("Maybe, maybe one day a chief exec role somewhere.", "one day", O, O, "long"),
    # "5 yrs+": five years or more, the plus typed on the unit
    ("- 5 yrs+: own the system design standard", "5 yrs+", 5, O, "long"),
    ("- 5 years+: lead the shop and train apprentices", "5 years+", 5, O, "long"),
    # "~5 yrs": a tilde before the number means "about"
    ("- ~5 yrs: Senior People Partner for Europe", "5 yrs", 5, 5, "long"),
    ("In ~2 years I want to lead the team.", "In ~2 years", 2, 2, "short"),
    # a non-native "in the long time" is the long term
    ("In the long time I wish to lead the lab.", "In the long time", 5, None, "long"),
    ("In the short time I want to learn the lab.", "In the short time", 0, 3, "short"),
    ("- stay clinical in oncology\n- later: director?", "later", None, None, "long"),
    # days: the first 30/60/90 days of a plan (a day is 1/360 year: 30 days make a month)
    (
        "In the first 90 days I want to learn the workflows.",
        "In the first 90 days",
        0,
        0.25,
        "short",
    ),
    ("Within 30 days I'd like to be on the rota.", "Within 30 days", 0, 1 / 12, "short"),
    ("I want to lead the team within two years.", "within two years", 0, 2, "short"),
    ("Within 18 months I hope to run the night shift.", "Within 18 months", 0, 1.5, "short"),
    ("Over the next year I'd like to get my CDL.", "Over the next year", 0, 1, "short"),
    ("In five years I see myself as a charge nurse.", "In five years", 5, 5, "long"),
    ("Five years from now I want to be managing audits.", "Five years from now", 5, 5, "long"),
    (
        "I plan to stay in this role for two or three years.",
        "for two or three years",
        0,
        3,
        "short",
    ),
    ("My aim is to lead a team in 3-5 years.", "in 3-5 years", 3, 5, "mid"),
    (
        "In three to five years I'd like to be a senior analyst.",
        "In three to five years",
        3,
        5,
        "mid",
    ),
    ("My short-term goal is to pass the CPA exam.", "short-term", 0, 3, "short"),
    ("In the short term I want to learn your systems.", "In the short term", 0, 3, "short"),
    ("In the near term I want to get certified.", "In the near term", 0, 3, "short"),
    ("My medium-term goal is to specialise in tax.", "medium-term", 3, 5, "mid"),
    ("In the mid term I'd like to mentor juniors.", "In the mid term", 3, 5, "mid"),
    ("Long term, I want to run a clinic.", "Long term", 5, O, "long"),
    ("In the longer term I'd like to move into research.", "In the longer term", 5, O, "long"),
    ("In the long run I hope to own the roadmap.", "In the long run", 5, O, "long"),
    ("Eventually I want to lead the department.", "Eventually", O, O, "long"),
    ("Ultimately my goal is to become a partner.", "Ultimately", O, O, "long"),
    ("Down the road I could see myself teaching.", "Down the road", O, O, "long"),
    ("Someday I hope to open a bakery.", "Someday", O, O, "long"),
    ("In the future I want to work on policy.", "In the future", O, O, "long"),
    ("Later in my career I'd like to manage a site.", "Later in my career", O, O, "long"),
    ("By 2030 I want to be a certified welder.", "By 2030", 0, 4, "mid"),
    ("I want to be fully licensed by 2028.", "by 2028", 0, 2, "short"),
    # a determiner between the lead and the quantity: "within the two years of the rotation"
    ("I'd want CIPS done within the two years of the rotation.", "within the two years", 0, 2,
     "short"),
    # "around <year>", "inside (of) <time>"
    ("I hope to open my own place around 2028.", "around 2028", 0, 2, "short"),
    ("Around 2031 I want to lead the team.", "Around 2031", 0, 5, "mid"),
    ("My plan is to pass the APC inside two years.", "inside two years", 0, 2, "short"),
    ("I'd like to be chartered inside of three years.", "inside of three years", 0, 3, "short"),
    ("I'd like to be a manager around five years from now.", "around five years from now", 5, 5,
     "long"),
    (
        "In a year and a half I'd like to take over scheduling.",
        "In a year and a half",
        1.5,
        1.5,
        "short",
    ),
    ("I hope to be promoted in a year or two.", "in a year or two", 1, 2, "short"),
    (
        "In two and a half years I want my journeyman card.",
        "In two and a half years",
        2.5,
        2.5,
        "short",
    ),
    ("In about four years I'd like to manage a store.", "In about four years", 4, 4, "mid"),
    ("In the next decade I hope to lead a lab.", "In the next decade", 0, 10, "mid"),
    ("In the next 6 months I want to learn the WMS.", "In the next 6 months", 0, 0.5, "short"),
    ("In a couple of years I want to run projects.", "In a couple of years", 2, 2, "short"),
    ("In a few years I'd like to supervise.", "In a few years", 3, 3, "short"),
    ("Ten years from now I want to be a principal engineer.", "Ten years from now", 10, 10, "long"),
    ("My five-year plan is to become a director.", "five-year", 5, 5, "long"),
    ("Next year I want to pass the bar.", "Next year", 0, 1, "short"),
    ("I want to earn my PMP by the end of next year.", "by the end of next year", 0, 2, "short"),
    ("- 3-5 yrs: lead a data team", "3-5 yrs", 3, 5, "mid"),
    ("i want to be a supervisor in like 2 years", "in like 2 years", 2, 2, "short"),
    ("In the coming months I want to learn the EHR.", "In the coming months", 0, 1, "short"),
    ("At some point I'd like to train new hires.", "At some point", O, O, "long"),
    ("Over the next three years I want to specialise.", "Over the next three years", 0, 3, "short"),
    # "first" places a goal only beside one: a goal cue in the clause or a label mark
    ("First I want to learn the reception work well.", "First", 0, 3, "short"),
    ("I want to master Opera PMS and the night audit first.", "first", 0, 3, "short"),
    ("ok so first i want to master forcasting", "first", 0, 3, "short"),
    ("- first: get fully competent on SAP EWM", "first", 0, 3, "short"),
    ("first goal: get my chat answers fast and accurate", "first", 0, 3, "short"),
    ("- longer: earn my LCSW on the supervised hours here", "longer", 5, O, "long"),
    ("I want to start a part-time master's next fall.", "next fall", 0, 1, "short"),
    ("I want to be certified by end of 2027.", "by end of 2027", 0, 1, "short"),
    ("- Years 2-3: finish the leadership programme", "Years 2-3", 2, 3, "short"),
    ("yrs 3 to 5 lead the site", "yrs 3 to 5", 3, 5, "mid"),
    ("months 6-12: run the floor alone", "months 6-12", 0.5, 1, "short"),
    # en and em dashes between digits, as typed or decoded from &ndash;
    ("Payroll Supervisor in 3\u20134 years", "in 3\u20134 years", 3, 4, "mid"),
    ("I want to run the site in 3\u20145 years.", "in 3\u20145 years", 3, 5, "mid"),
    ("First, I want to learn SQL.", "First", 0, 3, "short"),
    ("I see this as roughly a two-year commitment, and I want to learn fast.", "a two-year", 2, 2,
     "short"),
    ("I can't promise a ten-year plan, but this year I want to master it.", "this year", 0, 1,
     "short"),
    ("My long-term ambition is to run the lab.", "long-term", 5, None, "long"),
    ("My longer-term aim is to become a RAN engineer.", "longer-term", 5, None, "long"),
]

# sentences whose time expressions place no goal in time
NEGATIVE = [
    # a duration up to now is past time
    "I have done this for about four years now.",
    "I've been in claims for twelve years so far.",
    "Two years ago I started working night shifts.",
    "I have worked in retail for the last five years.",
    # past durations typed without apostrophes, or far from their tense cue
    "ive handled claims for two years and i pick things up quick",
    "I've been on the motor side at a comparison site insurer for about three years.",
    # school year groups are no plan years
    "Since 2019 I am head of year 12 and 13 in an international school.",
    "For the past three years I ran the Year 13 UCAS process.",
    "For the past three years I've led a small team.",
    "I have been a nurse for six years.",
    "The role needs 3+ years of experience.",
    "I have five years of experience in sales.",
    "After that, I want to learn more.",
    "Once I'm licensed I want to take on more work.",
    "While I'm here I'd like to learn a lot.",
    "Last year I finished my degree.",
    "I spent four years in the army.",
    "Since 2019 I have worked as a cook.",
    "I've been in logistics for a decade.",
    "I worked there for two years before moving.",
    "I want to lead my first project here.",
    "At first I wasn't sure about logistics.",
    "First of all, thank you for the interview.",
    "I'd like to be the first to try the new scanner.",
    "Remote-first matters to me, and I want to learn the stack.",
    "I want to design the service from needs assessment to first patient.",
    "I want to stay longer on the night shift.",
    "Two weeks later I joined the night shift.",
    "Education is the key for the future of the world, and I want to be part of it.",
    "The system improved a lot over time.",
    "I should say first that I read the posting twice, and I want to learn.",
    "I watched the leaves fall next to the loading dock.",
    "I worked there for 5 years 2015-2020.",
    # "first" as the ordinal of what a verb takes: a trade's first fix, first aid
    "I want to learn first fix and second fix properly.",
    "I'd like to do first aid training and get my CSCS card.",
    "I'd like to pick up the wilderness first aid cert since you pay for it.",
    # "first" announcing what the speaker will say, not a first step
    "Thank you for this question. First I want to say what I do not want, because it matters.",
    "First let me explain why I applied, and then I want to lead the team.",
    # an age, and durations describing plural things: no time placement
    "Having explained stats to fifteen-year-olds, I think I'd be good at the briefings.",
    "I'd rather grow here than bounce between six-month gigs, as my friends do, and learn.",
    # a plan or commitment of N years that the answer denies having
    "I don't want to pretend this is a ten-year commitment when it isn't, but I want to learn.",
    "I won't invent a five-year plan for the sake of the question; I want to get good at this.",
    # a time the answer says it cannot place anything in: no horizon
    "Honestly, I don't know where I'll be in five years.",
    "Where I will be in ten years I don't know yet.",
    "no idea where ill be in ten years tbh.",
    "- long term: honestly not sure yet.",
    "About the long term I don't have a very clear picture yet.",
    "- long range: honestly open.",
    "- longer term: honestly not mapped out yet.",
    "Long term I haven't figured it out.",
    "no idea about five years from now honestly.",
    # where the answer will be, which it says it cannot say, tell or predict
    "To be honest, where I will be in ten years I cannot say you exactly.",
    "I cannot tell you exactly where I want to be in ten years.",
    "Where I'll be in five years is hard to say.",
    "It's impossible to predict where I will be in ten years.",
    # days count as a horizon only as a deadline or a point, not as a span or an amount
    "I get 27 days of PTO and want to learn the workflows.",
    "I'd like to shadow the team for three days and learn the workflows.",
    "I am ready to take this responsibility from the first day.",
    "If a tech lead spot opened up later, I'd go for it.",
    # a rate, not a time: "five days a week", "twice a year"
    "I don't want to commute five days a week.",
    "I'd like to be on site three days a week and learn SCADA.",
    "I want to train two evenings a month.",
    "I noticed the posting mentions one conference a year; I would like to use that.",
    "I want to run one audit a month and lead the team.",
    # a career behind the speaker, however long: "after twelve years at sea"
    "After twenty-two years in industrial forestry I am looking for a research role.",
    "After twelve years at sea I want predictability and to learn GIS.",
    "After nine years leading CHW programmes, I want to lead the rollout.",
    # a duration up to now
    "I am mixing live now for eleven years, and I want to learn L-ISA.",
    # "for" belongs to the verb before it
    "What I am looking for now is a place where I can keep growing.",
    # a day as an amount or a rate: "in one day", "one day a week"
    "I want to be able to clear the backlog in one day.",
    "I'd like one day a week for research.",
    "I have 2 field seasons of stream work behind me, and I want to lead surveys.",
    "I want to work the busy season at the front desk.",
    # "at this stage (of my career)" is where the speaker stands, not when an aim is due: the
    # corpus marks it as a horizon in 2 of its 29 uses on train + dev
    "At this stage of my career I want to keep challenging myself.",
    "At this point in my career, I'm looking for a role where I can grow.",
    "At this stage my main goal is to get a solid grounding in how a warehouse runs.",
    # "some days" is how often, not when; "a question mark" is not knowing
    "Some days I think I'd drift toward the collections side.",
    "Long-term's a question mark, honestly.",
    # "over time" in the past or with no aim
    "Over time I took on more of the grant reporting.",
    "Costs rise over time, which is why the audit matters.",
    # "first" as the first in order, not the first step of a plan
    "What attracted me first was the field work, and I want to learn GIS.",
    "I passed the exam on first try and now I want to lead the team.",
    # a term word describing a noun is no time placement: "long-term care", "a short run-up"
    "I see this as a short run-up, and I want to lead.",
    "I want to work in long-term care and learn wound dressing.",
    "I'd like a short-term contract to learn the stack.",
    "I've read the medium-term financial strategy and I want to help.",
]


@pytest.mark.parametrize("sentence, text, years_min, years_max, bucket", POSITIVE)
def test_horizon_normalisation(sentence, text, years_min, years_max, bucket):
    spans = [s for s in extract(sentence, reference_year=2026) if s.label == "HORIZON"]
    assert [s.text for s in spans] == [text]
    span = spans[0]
    expected = tuple(pytest.approx(v) if v is not None else None for v in (years_min, years_max))
    assert (span.years_min, span.years_max, span.bucket) == (*expected, bucket)
    assert sentence[span.start_char : span.end_char] == text


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_not_a_horizon(sentence):
    assert [s.text for s in extract(sentence) if s.label == "HORIZON"] == []


def test_table_is_large_enough():
    assert len(POSITIVE) + len(NEGATIVE) >= 40


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unsure sentence still places the goals it goes on to name
        ("Long term, I don't know, maybe lead a data team.", ["Long term"]),
        (
            "long term id like to be a general manager, not sure yet if thats restaurants or bar.",
            ["long term"],
        ),
        (
            "Where I will be in ten years I don't know yet. But in the next two years I want to "
            "get my licence.",
            ["in the next two years"],
        ),
        # saying or telling without a "where" before the time: the time still places the aim
        (
            "I can't tell you how excited I am, and within two years I want to run the lab.",
            ["within two years"],
        ),
        (
            "I can't say I want to manage, but in two years I want to lead projects.",
            ["in two years"],
        ),
        (
            "I cannot say where I'll be in ten years, but in two years I want to lead the shift.",
            ["in two years"],
        ),
    ],
)
def test_unsure_sentences_keep_the_times_of_named_goals(text, expected):
    assert [s.text for s in extract(text) if s.label == "HORIZON"] == expected
