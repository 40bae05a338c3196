"""Truth tables for GOAL cues and clause rules (positive and negative cases)."""

from __future__ import annotations

import pytest

from alignscore import extract


def goals(text: str) -> list[str]:
    return [s.text for s in extract(text) if s.label == "GOAL"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a label followed by "not sure" states no goal; an arrow is no part of one
        (
            "- long term: honestly not sure yet\n- next 12 months -> own the Klaviyo flows",
            ["own the Klaviyo flows"],
        ),
        ("- long term: no idea\n- next year: learn dbt", ["learn dbt"]),
        ("Long term: undecided. This year: learn dbt.", ["learn dbt"]),
        ("long term -> run a team", ["run a team"]),
        ("yr 2 => lead the night shift", ["lead the night shift"]),
        # a hedged aim after a time, or with "I" and a plain verb: "maybe I become supervisor"
        ("Later maybe I become supervisor.", ["become supervisor"]),
        (
            "In three, four years maybe I become associate in the studio.",
            ["become associate in the studio"],
        ),
        ("in a few years maybe move up to lead cargo agent.", ["move up to lead cargo agent"]),
        ("Maybe I was too quiet in my last job.", []),
        ("Maybe I get bored easily.", []),
        # "to" left out after "want", "wish", "hope" (non-native English)
        ("Now, I want open all new Texas stores.", ["open all new Texas stores"]),
        ("In future I wish become team leader.", ["become team leader"]),
        ("i hope pass the APC in two years", ["pass the APC"]),
        ("I want work that matters.", []),
        ("I want help from a mentor.", []),
        # cues typed without apostrophes
        ("id like to get my forklift licence this year", ["get my forklift licence"]),
        ("honestly id love to run the pastry section", ["run the pastry section"]),
        ("im looking to learn the payroll side properly", ["learn the payroll side properly"]),
        ("for two years id give this everything", ["give this everything"]),
        ("im going to learn the payroll side", ["learn the payroll side"]),
        ("id really love a team of my own one day", ["team of my own"]),
        ("what id like most is to run the bar", ["run the bar"]),
        # a time phrase between the goal noun and "is to"
        (
            "My goal over the next two years is to pass the CPA exam.",
            ["pass the CPA exam"],
        ),
        ("My plan for the long term is to open a second clinic.", ["open a second clinic"]),
        # "what I'd rather be is ..."
        (
            "What I'd rather be is, um, the category buyer people go to for logistics spend.",
            ["the category buyer people go to for logistics spend"],
        ),
        # ... set off by commas, or with an adverb before "to"
        (
            "So my goal, for the first couple of years, is really to get the openings right.",
            ["get the openings right"],
        ),
        ("My main goal is really to pass the APC.", ["pass the APC"]),
        (
            "i think the next step for me is definately to be the manager",
            ["be the manager"],
        ),
        (
            "what i want over the next couple years is to get really good at user research",
            ["get really good at user research"],
        ),
        ("What I want for my career is to lead a design team.", ["lead a design team"]),
        # subject dropped in notes
        ("- would love to co-author technical reports", ["co-author technical reports"]),
        # "what I do want is to"
        ("What I do want is to run the night audit.", ["run the night audit"]),
        # the role as the means: "this role would let me ..."
        (
            "This role would let me develop my financial modelling.",
            ["develop my financial modelling"],
        ),
        # "as" before a title keeps the title in the goal, as it does before "a"
        (
            "Within six months I'd expect to take over as Chief Meteorologist.",
            ["take over as Chief Meteorologist"],
        ),
        ("I want to stay on as the Lead Analyst.", ["stay on as the Lead Analyst"]),
        ("I want to learn the rota as soon as I can.", ["learn the rota"]),
        # a verb of aiming after a modal cue belongs to the cue
        (
            "By year three I'd aim to be the EV Diagnostic Specialist.",
            ["be the EV Diagnostic Specialist"],
        ),
        (
            "I would hope to be ready to succeed your Chief Meteorologist.",
            ["be ready to succeed your Chief Meteorologist"],
        ),
        # a verb that is also a noun reads as a verb before a possessive or article
        (
            "In next two years I want finish my ASA and take full ownership of the profit testing.",
            ["finish my ASA", "take full ownership of the profit testing"],
        ),
        ("I want work that matters.", []),
        # a goal noun with no possessive, opening a sentence
        (
            "the rotation helps. goal is to finish my ASA in about 3 years, then grow into "
            "pricing.",
            ["finish my ASA", "grow into pricing"],
        ),
        # what the candidate wants most, or does want, "is to ..."
        (
            "what I want most in the coming years is to build a program of assisted migration.",
            ["build a program of assisted migration"],
        ),
        (
            "What I do want, um, in the next couple of years is to get really strong on perio.",
            ["get really strong on perio"],
        ),
        # "pretty much" is a filler before the aims
        (
            "So my goals are pretty much, you know, keep being a good clinician, keep my skills "
            "sharp.",
            ["keep being a good clinician", "keep my skills sharp"],
        ),
        # "the role I want is ...": the aim after it
        (
            "Longer term, I think the role I want is the person the business phones for advice.",
            ["the person the business phones for advice"],
        ),
        # a time a stay takes, approximated, before the aims that follow it
        (
            "my plan is to spend maybe 18 months here, get my CAPS, and then open a clinic.",
            ["spend maybe 18 months here", "get my CAPS", "open a clinic"],
        ),
        (
            "I would aim to spend six months in this role, learn the codebase, and then apply "
            "for a junior engineering position.",
            [
                "spend six months in this role",
                "learn the codebase",
                "apply for a junior engineering position",
            ],
        ),
    ],
)
def test_goal_cue_variants(text, expected):
    assert goals(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # bullet items that start with a verb of aiming
        (
            "Goals\n- get the ServSafe certificate\n- lead the pastry section",
            ["get the ServSafe certificate", "lead the pastry section"],
        ),
        # numbered items: "1.", "2)", "(3)"
        (
            "My goals:\n1) get the CSCS card\n2) run a small site",
            ["get the CSCS card", "run a small site"],
        ),
        (
            "For the next 18 months, my goals are concrete:\n1. get the seven openings staffed\n"
            "2. get bopis working in the store design\n(3) keep shrink under 1.5%",
            [
                "get the seven openings staffed",
                "get bopis working in the store design",
                "keep shrink under 1.5%",
            ],
        ),
        ("I have two kids.\n2. I managed a store for 3 years.", []),
        # bullet items under a time heading, noun phrases included
        (
            "Year 2-3\n- VP of Operations\n- a seat on the exec team",
            ["VP of Operations", "a seat on the exec team"],
        ),
        ("Longer term:\n- own the analytics roadmap", ["own the analytics roadmap"]),
        # list items from HTML (<li>) carry no bullet mark: a title on the line under a label
        (
            "<p>Long term:</p><ul><li>Payroll Supervisor in 3&ndash;4 years</li></ul>",
            ["Payroll Supervisor"],
        ),
        # a heading line "Lead Tech: my goals" is no goal; under it, an item labelled with
        # something other than a time ("Now:", "Background:") is the candidate's present
        (
            "Lead Tech: my goals (prep notes)\n- Now: CPhT since 2016, charge tech\n"
            "- First 90 days: learn the workflows\n- Goal: get the ASHP certificate",
            ["learn the workflows", "get the ASHP certificate"],
        ),
        (
            "My goals\n- Background: five years in retail\n- master the WMS",
            ["master the WMS"],
        ),
        ("My goals\n- Phase one: get the CDL\n- I bring: forklift skills", ["get the CDL"]),
        ("Notes\n- why: lead + mentor\n- plan: learn the WMS", ["learn the WMS"]),
    ],
)
def test_bullet_list_goals(text, expected):
    assert goals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # past experience in bullets is not a goal
        "Background:\n- ran the night shift for three years\n- 16 yrs Army logistics",
        "Why this role\n- the mentoring programme\n- the hybrid pattern",
        # answer-framing idioms, not aims
        "I want to be honest with you about my plan.",
        "To be honest i havent figured out the long game yet.",
        "To be completely transparent, I haven't decided.",
        "To be perfectly frank, that is where I am.",
        "Okay, so I'll give you the full picture.",
        "Yeah, so, um, I'll be straight with you.",
        # a readiness cliché, not an aim (the corpus marks it so 5 times in 5)
        "I'm ready to hit the ground running in your service bay from day one.",
        # "let me" without a modal is not the role as a means
        "Let me explain how I got here.",
        # "id" as a noun
        "My staff id card still works.",
        # a compound with a dash is no "Step - ..." heading
        "I work on a step-down unit.",
        # a reason after "as soon as I can" is no aim
        "As soon as I can because the rota is short.",
        # where the candidate will be, asked back and left open, is no aim
        "Honestly, I don't know where I'll be in five years.",
        "Where I will be in ten years I don't know yet.",
        "I don't know where I will be in ten years, maybe still housing, maybe immigration.",
        # someone else's wants
        "i know thats maybe not what you want to hear lol but i think it works.",
        # where an answer or a career starts
        "I'll start with what I don't want.",
        "Forest ops is just where I'd start.",
        # a condition, not an aim: "when I will have enough experience"
        "Maybe later, when I will have enough experience.",
        # answering the question, and "as long as I can remember"
        "Thank you for the question, I will try to answer honest.",
        "Sound has been my passion for as long as I can remember.",
        "Honestly, the part of the job I loved was the numbers.",
    ],
)
def test_not_goals(text):
    assert goals(text) == []


# ---------------------------------------------------------------- round 2: second aims, framing
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "I want to learn the codebase and then apply for a junior engineering position.",
            ["learn the codebase", "apply for a junior engineering position"],
        ),
        (
            "I want to master forecasting, and then maybe move into product.",
            ["master forecasting", "move into product"],
        ),
        ("Not sure yet, maybe manage people.", ["manage people"]),
        ("- maybe teach the new starters", ["teach the new starters"]),
        ("Long term, not sure, maybe director one day.", ["director"]),
        # negatives: "then" / "maybe" before something that is not an aim
        ("I want to finish the audit and then we will see.", ["finish the audit"]),
        ("Maybe I will stay.", []),
        ("I'd be honest, what draws me most is the package.", []),
        ("I'd be glad to bring my patience to the team.", []),
        ("I can do that.", []),
        ("I'd like to see where it takes me.", []),
        # a modal under a verb of belief is a claim, not an aim
        ("I think I can translate between the plant and the spreadsheet.", []),
        ("I am confident that I would be a strong addition.", []),
        ("I think I'd like to run the night shift.", ["run the night shift"]),
        ("I hope I can lead the team.", ["lead the team"]),
        # questions, headings and notes to self are no aims; "want to" is cue, not goal
        (
            "Notes:\n- why this role\n- don't mention the other offers\n"
            "- get the ServSafe certificate",
            ["get the ServSafe certificate"],
        ),
        ("We have two people and I'd want to grow that team.", ["grow that team"]),
        ("I don't want to move into people management.", ["move into people management"]),
        # relative clauses ending in a stranded preposition; honesty framing
        ("This is the project I want to cut my teeth on.", []),
        ("That is what i want to grow into.", []),
        ("i dont want to mislead you.", []),
        ("I want to grow into a team lead role.", ["grow into a team lead role"]),
        # "like" / "love" + noun phrase: an aim under "would", a preference in the present
        ("I like the idea of working on something environmental.", []),
        ("I really like the transactional side.", []),
        ("I'd love a team of my own.", ["team of my own"]),
        # a span of time a light verb takes ("do two years") is its object, not a trailing horizon
        (
            "I'd like to do two years here to get my ECT done.",
            ["do two years here to get my ECT done"],
        ),
        # "see myself as a ...": the aim is the role, not "as"; "from" before a horizon is its own
        ("Down the road I could see myself as a Payroll Supervisor.", ["a Payroll Supervisor"]),
        ("I want to hit my targets from month one.", ["hit my targets"]),
        # "and later" opens a second aim, as "and then" does
        (
            "In two years I want to be closing deals myself, and later maybe lead an SDR team.",
            ["be closing deals myself", "lead an SDR team"],
        ),
        ("Also I want the title Head of Finance, and later CFO.", ["title Head of Finance", "CFO"]),
        ("I want to learn SQL later.", ["learn SQL later"]),
        # a spaced dash ends the clause, as an em dash does
        (
            "My first priority is getting through the induction well - I want to get behaviour "
            "management right.",
            ["getting through the induction", "get behaviour management right"],
        ),
        # ", and" before a new subject and its verb ends the goal
        (
            "I'd be able to take any contract, and a lot of my classmates are planning ahead.",
            ["be able to take any contract"],
        ),
        ("I want to learn the tools and the team is great.", ["learn the tools"]),
        # ... and so does a pronoun subject and its verb
        (
            "I want to get into supply chain consulting, and everyone i talked to said they want "
            "buyers.",
            ["get into supply chain consulting"],
        ),
        ("I want to run the pass, and they told me it's possible here.", ["run the pass"]),
        ("I want to help everyone in the kitchen.", ["help everyone in the kitchen"]),
        # a comma splice: "it" / "this" and a finite verb open a new clause
        (
            "Here I want lead your green stormwater projects, it connects both my worlds.",
            ["lead your green stormwater projects"],
        ),
        ("I want to learn Revit, this is the tool you use.", ["learn Revit"]),
        ("I want to build it, test it and ship it.", ["build it, test it and ship it"]),
        ("It's the stage where I'd like to be leading audits.", ["be leading audits"]),
        # "be" + a role after "and" and a time opens a second aim
        (
            "id like to finish level 4 here, and in three or four years be category buyer for "
            "facilities.",
            ["finish level 4 here", "be category buyer for facilities"],
        ),
        # a goal noun said to be plain is no goal: "the career goal is quite clear"
        (
            "For me the career goal is quite clear, I want to become chartered surveyor.",
            ["become chartered surveyor"],
        ),
        ("My plan is pretty simple, finish the APC.", ["finish the APC"]),
        (
            "I want to learn the tools and the rota they use.",
            ["learn the tools and the rota they use"],
        ),
        (
            "I want to lead the team and the projects that are running.",
            ["lead the team and the projects that are running"],
        ),
        # a label before a time and a cue is no goal of its own
        (
            "so that's the honest first goal: in my first year, I want to get good at inquiry.",
            ["get good at inquiry"],
        ),
    ],
)
def test_second_aims_and_framing(text: str, expected: list[str]) -> None:
    assert goals(text) == expected


def test_later_goal_count_needs_a_goal_under_the_later_horizon():
    """A long-term horizon with no goal under it gives no direction (missing_long_term)."""
    from alignscore import score

    jd = "Support Specialist. Zendesk, chat support. Mentoring."
    unsure = score("I don't know my long-term path yet. Right now I want to master Zendesk.", jd)
    sure = score(
        "Right now I want to master Zendesk. Long term, I want to lead the support team.", jd
    )
    assert "missing_long_term" in unsure.flags
    assert "missing_long_term" not in sure.flags


@pytest.mark.parametrize(
    "text, later",
    [
        # a goal after "After that" / "Beyond that" / "From there" goes past the dated steps
        (
            "In my first year I want to learn SCADA. Within three years I'd aim for Grade II. "
            "After that I'd like to grow toward the lab side of the plant.",
            1,
        ),
        ("Year one, master Zendesk. Beyond that, I want to lead the support team.", 1),
        ("I want to master Zendesk first. From there I'd like to move into QA.", 1),
        ("In next years I want to learn XRF. After, I hope I can lead the lab.", 1),
        ("This year I want to master Zendesk. Afterwards I'd like to move into QA.", 1),
        # ... but not a goal dated short in that sentence, nor no goal at all
        ("Right now I want to master Zendesk. After that, within a year, I want to train.", 0),
        ("I want to master Zendesk this year. After that I don't know.", 0),
        # a goal dated three years or more out is past the near term (mid counts as long)
        ("My plan is to lead the support team in about three years.", 1),
        ("I want to lead the support team within three years.", 0),
        ("After that meeting I wanted to apply.", 0),
        # "later" right before a goal, after a dated step: "..., later lead an aviation desk"
        ("Within two years I want to run the briefings, later lead an aviation desk.", 1),
        (
            "In the next three years I want to specialise in succession planning, and later to "
            "become a recognised expert.",
            1,
        ),
        ("I'd like to lead the lab later.", 0),
        # ... also with the cue between: "and later I hope to reach HLTA"
        ("After two years I will apply for Scale 4, and later I hope to reach HLTA.", 1),
        ("In year one I want to learn the PMS, then later I'd like to run front office.", 1),
        ("I later realised that I want to lead the lab.", 0),  # nothing dated before it
        # a date stacked on a later label keeps the label's reach: "Longer term, by 2029, ..."
        ("Longer term, by 2029, I'd like to be the designated DPO.", 1),
        ("By 2029, long term, I'd like to be the designated DPO.", 1),
        ("Long term I'm unsure. By 2029 I'd like to be the designated DPO.", 0),
        # a later aim whose choice is open ("I don't know yet if I want to ... down the line")
        # gives no direction; a stated one after a hedge or a contrast does
        (
            "honestly i dont know yet if i want to stay residential or go into comercial or "
            "controls down the line. but right now im all in on learning to bend conduit.",
            0,
        ),
        ("I'm not sure whether I'd want to manage a depot in five years.", 0),
        ("I'm not sure where I'll be in ten years, but in five years I want to lead the lab.", 1),
        ("Long term, I don't know, I'd probably like to move into a head of design post.", 1),
        # options set side by side after a doubt are not chosen: "maybe lead a team, maybe stay"
        ("long term im not sure, maybe lead a team, maybe stay an ic, ill see how it goes.", 0),
        ("Long term, I don't know, maybe lead a data team at some point.", 1),
        # ... but not across a full stop: "unsure long term. first: ..."
        ("unsure long term. first: pipedrive + gc accounts, done right.", 0),
        ("- long term: not sure\n- first: get pipedrive running", 0),
    ],
)
def test_goals_after_the_dated_steps_are_later(text, later):
    from alignscore.analysis import analyze_pairs

    (pair,) = analyze_pairs([text], "Support Specialist. Zendesk. Mentoring.")
    assert pair.features["goal_later_count"] == later


@pytest.mark.parametrize(
    "text, expected",
    [
        # run-on text (a transcript, a hurried chat message): a new "I ..." clause ends the goal
        (
            "i want to get my answers to a point where the lead barely checks them i also noticed "
            "you run a help center",
            ["get my answers to a point where the lead barely checks them"],
        ),
        (
            "I hope to run the night audit on my own I know the software from my last hotel",
            ["run the night audit on my own"],
        ),
        # ... but a clause embedded in the goal stays in it
        (
            "I hope to lead a team where we ship every week.",
            ["lead a team where we ship every week"],
        ),
        ("I want to do the work I love and I think this is it", ["do the work I love"]),
        ("I hope to get good at the things I design", ["get good at the things I design"]),
        (
            "I'd like to run the wine bar my partner and I are planning",
            ["run the wine bar my partner and I are planning"],
        ),
        ("I want to lead the Algebra I curriculum", ["lead the Algebra I curriculum"]),
        # a sentence whose full stop was lost: a capitalised function word opens the next one
        (
            "I want to absorb everything And then I will see what comes",
            ["absorb everything", "see what comes"],
        ),
        (
            "I'd like to combine research and leadership Over time the rest follows",
            ["combine research and leadership"],
        ),
        # ... while a capitalised name stays whole
        ("I want to write for The Guardian one day", ["write for The Guardian"]),
        # a time label without its colon, then the aim
        ("next 2 yrs own the claims journey in Figma", ["own the claims journey in Figma"]),
        ("year 1 goals get placement running smoothly", ["get placement running smoothly"]),
        ("By year two, run the pastry section alone.", ["run the pastry section alone"]),
        # a time label opening a line of notes, its colon lost
        (
            "yr 1 Opera Cloud live zero lost reservations\nwhy done FO and HK separately\n"
            "year 3 GM via Executive Track",
            ["Opera Cloud live zero lost reservations", "GM via Executive Track"],
        ),
        # bullet notes whose marks were lost: a line that opens with a verb of aiming
        (
            "next 2 yrs own the claims journey\nget CPACC\nafter that not mapped yet",
            ["own the claims journey", "get CPACC"],
        ),
    ],
)
def test_goals_without_punctuation(text, expected):
    assert goals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph that opens with a verb is prose, not a bullet item
        "Working nights taught me a lot about the guests.",
        # a past time phrase before a verb is no label
        "Two years ago I moved to Leeds.",
        # a horizon followed by a noun, not a verb of aiming
        "In five years time management will matter more.",
        # a line of prose that opens with a time phrase is no label
        "Some background first.\nNext year the team will move offices.\nThat suits me.",
    ],
)
def test_no_goal_from_unpunctuated_rules(text):
    assert goals(text) == []


def test_a_goal_in_a_run_on_sentence_stops_within_sixteen_tokens():
    from alignscore import load_pipeline

    words = (
        "for the next two years i want to get really good at the controls side of the line and "
        "the plc troubleshooting on every machine on the second shift with the new team lead "
        "the whole year round"
    )
    run_on = load_pipeline()(words)
    goals = [s for s in run_on.spans["alignscore"] if s.label_ == "GOAL"]
    assert goals and all(len(g) <= 16 for g in goals)
    # with a single mark in it the sentence is no run-on, and the clause keeps its length
    marked = load_pipeline()(words.replace("for the next two years", "For the next two years,"))
    assert max(len(s) for s in marked.spans["alignscore"] if s.label_ == "GOAL") > 16


@pytest.mark.parametrize(
    "text, expected",
    [
        # emoji and other symbols around a goal are not part of it
        ("In 2 yrs I want to own our Airflow stack 💪", ["own our Airflow stack"]),
        (
            "I want to mentor juniors 🙌 and learn Kubernetes",
            ["mentor juniors", "learn Kubernetes"],
        ),
        ("🚀 I want to lead the platform team ✨", ["lead the platform team"]),
        # nor whitespace: a goal after a tab starts at its first word
        ("Goals:\t\tlearn Airflow", ["learn Airflow"]),
    ],
)
def test_symbols_trimmed_from_goals(text, expected):
    assert goals(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a colon or a spaced dash after a goal opens the aims that spell it out
        (
            "I want to grow with Northwind: master SQL in the first year and lead the reporting "
            "work in three to five years.",
            ["grow with Northwind", "master SQL", "lead the reporting work"],
        ),
        (
            "I want to grow here - master SQL first, later lead the team.",
            ["grow here", "master SQL", "lead the team"],
        ),
        # ... but not a clause that is no aim, nor a verb in another form
        ("I want to grow here: the team is great.", ["grow here"]),
        ("I want to grow here: learning is what I love.", ["grow here"]),
        # a goal noun that announces its aims after a colon
        (
            "My plan is simple: learn how OSP works in the first six months.",
            ["learn how OSP works"],
        ),
        (
            "My goals for the role: get the CRA and learn NIH rules.",
            ["get the CRA", "learn NIH rules"],
        ),
        ("My goal is clear: I want to lead the team.", ["lead the team"]),
        ("My plan changed: the team is new.", []),
        # an enumeration of aims: "First, ...", "Second, ...", "Finally, ..."
        (
            "Two goals. First, master SQL. Second, lead the reporting work in five years.",
            ["master SQL", "lead the reporting work"],
        ),
        (
            "Firstly, get my licence. Then, eventually, run a crew.",
            ["get my licence", "run a crew"],
        ),
        # an ordinal before anything but a verb of aiming opens nothing
        ("First, thank you for the call.", []),
        ("First, the team is great.", []),
    ],
)
def test_aims_spelled_out_after_a_colon_or_an_ordinal(text, expected):
    assert goals(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a spoken filler between the cue and the aim is no goal
        (
            "So short term I'd want to, I mean in the first year or so, get really good at the "
            "entries.",
            ["get really good at the entries"],
        ),
        ("I want to, I guess, learn the broker side.", ["learn the broker side"]),
        ("I mean I want to lead the team.", ["lead the team"]),
        # "I got to the point where ...": a turning point, not an aim
        (
            "I got to the point where I wanted to do something meaningful.",
            ["do something meaningful"],
        ),
        # a false start with a filler is no goal
        ("So I'd be, yeah, I'd be really committed while I'm here.", []),
        (
            "So what I'd like out of this is, you know, to actually sit with a PI.",
            ["sit with a PI"],
        ),
        # "wanna" is "want to"
        (
            "So, um, first year I wanna get really sharp on Allen-Bradley and get my CMRT.",
            ["get really sharp on Allen-Bradley", "get my CMRT"],
        ),
        (
            "Um, I just wanna learn the WMS and, like, lead a shift.",
            ["learn the WMS", "lead a shift"],
        ),
        ("i wanna to be a manager", ["be a manager"]),
        ("The kids wanna play outside.", []),
        # a filler between a later time and the title it names
        (
            "Then help commission the line, and eventually, like, Maintenance Lead.",
            ["Maintenance Lead"],
        ),
        # a time asked as a question, answered by the next sentence
        (
            "Long term? Being the person who keeps your new members from quitting.",
            ["Being the person who keeps your new members from quitting"],
        ),
        ("What about the long term? Honestly, I have not decided.", []),
    ],
)
def test_spoken_fillers_before_the_aim(text, expected):
    assert goals(text) == expected


def goal_marks(text: str) -> list[tuple[str, bool]]:
    return [(s.text, s.negated) for s in extract(text) if s.label == "GOAL"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negated aim whose subject is left out after "and" / "but" is still negated
        (
            "I live in Glasgow and don't want to commute daily.",
            [("commute daily", True)],
        ),
        ("I like the team but do not want to manage people.", [("manage people", True)]),
        (
            "I'd learn the plant and would never want to cut corners.",
            [("learn the plant", False), ("cut corners", True)],
        ),
        # "rather than" / "instead of" negate an action, not a number or a share of something
        (
            "I'd hold my Grade I within twelve months rather than eighteen.",
            [("hold my Grade I", False)],
        ),
        ("I'd learn every stage rather than one piece of it.", [("learn every stage", False)]),
        (
            "I want to plan strategy rather than loading rates.",
            [("plan strategy", False), ("loading rates", True)],
        ),
        # "I'd been", "I'd worked": the past perfect, not an aim
        ("I'd been helping my brother-in-law with his imports.", []),
        (
            "Before this I'd worked in retail, and I'd like to run a store.",
            [("run a store", False)],
        ),
    ],
)
def test_negation_without_subject_and_past_perfect(text, expected):
    assert goal_marks(text) == expected
