from __future__ import annotations

import pytest
import spacy

from alignscore import InvalidInputError, extract
from alignscore.extraction import doc_spans
from alignscore.labels import CUES_KEY
from alignscore.pipeline import build_pipeline, config_path, load_pipeline


def labelled(text, label, **kw):
    return [s.text for s in extract(text, **kw) if s.label == label]


# ---------------------------------------------------------------- gazetteer precision
@pytest.mark.parametrize(
    "text, skills",
    [
        ("I want to master SQL and Tableau dashboards.", ["SQL", "Tableau dashboards"]),
        ("I'd like to get better at Python and R.", ["Python"]),
        ("I want to excel at customer care and go further.", []),
        ("In May I start; my goal is to learn Excel pivot tables.", ["Excel pivot tables"]),
        ("i want to learn excel and sql properly", ["excel", "sql"]),
        # a writer who types "i" in lowercase types without capitals, acronyms or not
        (
            "since then ive passed FM and VEE, and i built a project in python. i want to move "
            "the tooling from excel to python.",
            ["FM", "VEE", "python", "excel", "python"],
        ),
        ("In the QA talk I said I excel at SQL.", ["QA", "SQL"]),
        ("I want to write C code.", []),
        ("I will Go to the office and learn Golang.", ["Golang"]),
        ("I want to improve my communication skills and teamwork.", []),
        ("Get my CDL Class A and my PMP certification.", ["CDL Class A", "PMP certification"]),
        ("We use Amazon Web Services.", ["Amazon Web Services"]),
        ("You will run A/B tests in BigQuery.", ["A/B tests", "BigQuery"]),  # not "B tests"
        ("Remote, working hours CET ±2, some calls in EST.", []),  # time zones are no skills
        # a list typed without commas stays a list; a grade after a name still joins it
        ("Python SQL REST APIs Git", ["Python", "SQL", "REST APIs", "Git"]),
        ("I know Python SQL and want AWS", ["Python", "SQL", "AWS"]),
        ("We run Salesforce CPQ and SAP FICO.", ["Salesforce CPQ", "SAP FICO"]),
        ("You know FDA 21 CFR 820 well.", ["FDA 21 CFR 820"]),
    ],
)
def test_skill_precision_cases(text, skills):
    assert labelled(text, "SKILL") == skills


@pytest.mark.parametrize(
    "text, titles",
    [
        ("I want to become a Junior Data Analyst.", ["Junior Data Analyst"]),
        ("In five years I see myself as a senior analyst.", ["senior analyst"]),
        ("Our tech leads review the code.", ["tech leads"]),
        (
            "Long term I'd like to be Director of Content Strategy.",
            ["Director of Content Strategy"],
        ),
        ("I want to become a nurse.", ["nurse"]),
        ("I worked with nurses and engineers.", []),
        ("Someday I want to be the CEO.", ["CEO"]),
        ("Report to the head of finance.", ["head of finance"]),
    ],
)
def test_title_precision_cases(text, titles):
    assert labelled(text, "TITLE") == titles


def test_titles_carry_soc_code_job_zone_and_rank(nlp):
    doc = nlp("I want to become a registered nurse and later a nurse manager.")
    info = {
        s.text: s._.alignscore_title_info for s in doc.spans["alignscore"] if s.label_ == "TITLE"
    }
    assert info["registered nurse"]["soc"] == "29-1141.00"
    assert info["registered nurse"]["job_zone"] == 4
    assert info["nurse manager"]["rank"] > info["registered nurse"]["rank"]


def test_title_info_of_known_unknown_and_first_and_last_ids():
    from alignscore.resources import read_lexicon
    from alignscore.titles import title_info

    ids = read_lexicon("title_info")["ids"]
    assert ids == sorted(ids) and len(ids) > 40_000
    assert title_info("A and P Mechanic", "a_and_p_mechanic")["soc"] == "49-3011.00"
    assert title_info("A and P Mechanic", "a_and_p_mechanic")["job_zone"] == 3
    assert title_info("x", ids[-1])["rank"] >= 1
    for missing in ("", "zzzz_not_a_title", "a", ids[0][:-1]):
        info = title_info("Senior Analyst", missing)
        assert (info["soc"], info["job_zone"]) == (None, None)
        assert info["rank"] == title_info("Senior Analyst")["rank"]


# ---------------------------------------------------------------- goals
def test_goal_clause_without_cue_and_to():
    spans = extract("In the next two years I want to master large-scale data migration.")
    goals = [s for s in spans if s.label == "GOAL"]
    assert [g.text for g in goals] == ["master large-scale data migration"]
    horizon = spans[goals[0].horizon]
    assert horizon.text == "In the next two years"


def test_negated_and_hypothetical_goals():
    spans = extract(
        "I don't want to move into people management. If the opportunity arises, I'd like to lead the vendor negotiations."
    )
    goals = {s.text: s for s in spans if s.label == "GOAL"}
    assert goals["move into people management"].negated
    assert not goals["move into people management"].hypothetical
    assert goals["lead the vendor negotiations"].hypothetical
    assert not goals["lead the vendor negotiations"].negated


def test_coordinated_goals_split():
    goals = labelled(
        "I would like to learn the WMS, build the KPI reports, and eventually lead the inbound team.",
        "GOAL",
    )
    assert goals == ["learn the WMS", "build the KPI reports", "lead the inbound team"]


def test_bullet_note_goals():
    text = "- short term: get good at dbt\n- long term: own the analytics roadmap"
    assert labelled(text, "GOAL") == ["get good at dbt", "own the analytics roadmap"]


def test_past_experience_is_not_a_goal():
    assert labelled("Two years ago I started running the night shift.", "GOAL") == []


# ---------------------------------------------------------------- offsets
@pytest.mark.parametrize(
    "text",
    [
        "<p>In the next two years I want to master SQL &amp; Tableau.</p><br>Long term: lead R&amp;D.",
        "I&#39;d like to learn Python&nbsp;and Excel.<li>Eventually I want to be a senior analyst</li>",
        "Ｉ want — “eventually” — to lead the café team 🚀 and learn SQL… naïve résumé aside.",
        "\u200bIn\u00a0five years I want to become a charge nurse.\ufeff",
    ],
)
def test_offsets_index_the_original_string(text):
    spans = extract(text)
    assert spans
    for s in spans:
        assert text[s.start_char : s.end_char] == s.text


def test_html_entities_are_cleaned_before_tokenising(nlp):
    doc = nlp("Skills: SQL &amp; Tableau<br>Python")
    assert "&amp;" not in doc.text
    assert [s.text for s in doc_spans(doc) if s.label == "SKILL"] == ["SQL", "Tableau", "Python"]


def test_non_string_raises():
    with pytest.raises(InvalidInputError):
        extract(None)  # type: ignore[arg-type]


def test_empty_text():
    assert extract("") == ()


# ---------------------------------------------------------------- serialisation and processes
def test_build_from_config_and_round_trip(tmp_path):
    nlp = build_pipeline()
    assert config_path().is_file()
    text = "Within 18 months I want to become a Senior Data Analyst using Tableau."
    before = doc_spans(nlp(text))
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert doc_spans(loaded(text)) == before
    assert loaded.pipe_names == nlp.pipe_names


def test_docbin_round_trip(nlp):
    from spacy.tokens import DocBin

    doc = nlp("Eventually I want to lead the SQL team.")
    db = DocBin(store_user_data=True)
    db.add(doc)
    restored = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))[0]
    assert [(s.text, s.label_) for s in restored.spans["alignscore"]] == [
        (s.text, s.label_) for s in doc.spans["alignscore"]
    ]


def test_pipe_with_two_processes(nlp):
    texts = [f"In {n} years I want to learn SQL and become a data analyst." for n in range(2, 12)]
    single = [doc_spans(d) for d in nlp.pipe(texts)]
    multi = [doc_spans(d) for d in nlp.pipe(texts, n_process=2, batch_size=3)]
    assert multi == single


def test_spacy_load_finds_components_through_entry_points():
    import subprocess
    import sys

    from alignscore.pipeline import model_dir

    code = (
        "import spacy; nlp = spacy.load(r'%s'); doc = nlp('Eventually I want to lead the SQL team.'); "
        "print([s.label_ for s in doc.spans['alignscore']])"
    ) % (model_dir() / "pipeline")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "GOAL" in out.stdout and "SKILL" in out.stdout


# ---------------------------------------------------------------- titles: seniority and modifiers
@pytest.mark.parametrize(
    "text, titles",
    [
        ("Weekly 1:1 mentoring with a senior engineer.", ["senior engineer"]),
        ("You'll be paired with our Lead Designer.", ["Lead Designer"]),
        ("I could mentor junior designers later.", ["junior designers"]),
        ("Reporting to the Principal Lawyer.", ["Principal Lawyer"]),
        ("I want to keep developing as a housing lawyer.", ["housing lawyer"]),
        ("Long term I'd love to be a commercial solicitor in-house.", ["commercial solicitor"]),
        # a role name with a qualifier is a TITLE in any context (guide, section 4 TITLE)
        ("I know how a planning officer thinks.", ["planning officer"]),
        ("I want to lead engineers through the migration.", []),
        ("I want to lead designers and developers.", []),
        ("I enjoy working with the planning team.", []),
    ],
)
def test_title_structure_cases(text, titles):
    assert labelled(text, "TITLE") == titles


# ---------------------------------------------------------------- skills: head-noun phrases
@pytest.mark.parametrize(
    "text, skills",
    [
        ("I think reliability engineering is where I'd go.", ["reliability engineering"]),
        ("She knows contract management inside out.", ["contract management"]),
        ("Maybe research, maybe teaching.", []),
        ("I enjoy writing and I want to get better at it.", []),
        ("After two years programme management feels natural.", ["programme management"]),
        ("I'd love to do usability testing every sprint.", ["usability testing"]),
        ("First I want to get sharp at card disputes.", ["card disputes"]),
        ("Then the board pack and the transport policy work.", ["board pack", "transport policy"]),
        ("I want a good degree of autonomy.", []),
        ("That claim is not true.", []),
        # a hyphenated modifier is one word: not "state payroll" out of "multi-state payroll"
        ("2+ years of multi-state payroll experience", ["multi-state payroll"]),
        ("I want to master multi-state compliance.", ["multi-state compliance"]),
        ("I did non-profit accounting for years.", ["non-profit accounting"]),
    ],
)
def test_headed_skill_modifiers(text, skills):
    assert labelled(text, "SKILL") == skills


# ---------------------------------------------------------------- titles: round 2 structures
@pytest.mark.parametrize(
    "text, titles",
    [
        ("Eventually, like, Maintenance Lead.", ["Maintenance Lead"]),
        ("The support lead barely has to check them.", ["support lead"]),
        ("Be the coordinator the shift leads can rely on.", ["coordinator", "shift leads"]),
        ("Longer term I want to be a finance leader.", ["finance leader"]),
        ("Research Fellow eventually, without line management.", ["Research Fellow"]),
        ("I want to move up to a Tech III at some point.", ["Tech III"]),
        ("Later maybe to become Tier 2 specialist.", ["Tier 2 specialist"]),
        ("Before that I was nurse in a paediatric ward.", ["nurse"]),
        ("I've been an accountant for a while now.", ["accountant"]),
        ("Maybe supervisor one day.", ["supervisor"]),
        ("Perhaps a director post someday.", ["director"]),
        (
            "I see the Procurement & Contracts Officer post as an entry point.",
            ["Procurement & Contracts Officer"],
        ),
        # negatives: verbs, adjectives, graded people, possessives, plurals of other people
        ("I want to lead the team and lead projects.", []),
        # "lead(s)" after "where ..." is the verb: "see where growth leads"
        ("Get good at Klaviyo flows, then see where growth leads.", []),
        ("I'll follow wherever the work leads.", []),
        ("Then see where it leads me.", []),
        ("Data leads to better decisions.", []),
        ("I got on well with my fellow students.", []),
        ("I'm a really hard worker.", []),
        ("I never had a second nurse shadowing me.", []),
        ("A valid driver's licence is needed.", []),
        ("I want to support teachers in the classroom.", []),
        ("We hire engineers every year.", []),
        ("You need a calm head and I keep a cool head.", []),
        ("I would seek counsel from senior colleagues.", []),
        ("I've always been a natural leader.", []),
        # "Master" before a role noun is a grade, typed as a title; "master" is also a verb
        ("I'd learn from your Master Technician mentor.", ["Master Technician"]),
        ("I want to master technician-level diagnostics.", []),
        # a navigator is mostly a product: "LinkedIn Sales Navigator"
        ("I use Excel and LinkedIn Sales Navigator daily.", []),
        # a bare operator is often a company: "a big operator"
        ("It's a senior role at a big operator.", []),
        ("I'd like to become legal counsel in five years.", ["legal counsel"]),
        ("I'd expect to be made Partner within three years.", ["Partner"]),
        ("The department head signs off the budget.", ["department head"]),
        # a partner after a possessive is a spouse, not a role
        ("I want weekends off as my partner works Monday to Friday.", []),
        # after a subject or "have", a lowercase word before a role noun is a verb: "we
        # instruct counsel", "you've got managers"; not after "to" ("promoted to store manager")
        ("Then we instruct counsel less often.", []),
        ("It sounds like you've got managers who coach.", []),
        ("I'd move up to store manager by 2027.", ["store manager"]),
        ("I hope to get to regional director.", ["regional director"]),
        # a lowercase role noun after "to" with its object after it is the verb: "to head the
        # Institute", "to coach weightlifters", "to pilot scale"
        ("Within five years I hope to head the Institute.", []),
        ("My goal is to coach weightlifters at national level.", []),
        ("We want to take the material from lab to pilot scale.", []),
        ("I'd aim to head process engineering across the sites.", []),
        ("In three years I want to move up to supervisor.", ["supervisor"]),
        ("Long term I'd like to get to CFO.", ["CFO"]),
        ("In ten years I want to be a partner.", ["partner"]),
    ],
)
def test_title_round2_cases(text, titles):
    assert labelled(text, "TITLE") == titles


# ---------------------------------------------------------------- titles: boundaries
@pytest.mark.parametrize(
    "text, titles",
    [
        # a grade "I" after a title, but not the pronoun that follows one
        (
            "The post is Social Worker I, then Social Worker II.",
            ["Social Worker I", "Social Worker II"],
        ),
        ("As a researcher I want to publish.", ["researcher"]),
        ("Long term CTO I think, or Head of People I guess.", ["CTO", "Head of People"]),
        ("As Head of Design I'd hire more.", ["Head of Design"]),
        # a lowercase head of a function
        ("Eventually head of people here.", ["head of people"]),
        ("I want to be head of design one day.", ["head of design"]),
        # growth stops at a time word
        ("I'd be director of development someday.", ["director of development"]),
        # a hyphenated compound before the title is not cut in half
        ("I want to be a mid-level designer soon.", ["mid-level designer"]),
        ("Long term an in-house lawyer.", ["in-house lawyer"]),
    ],
)
def test_title_boundary_cases(text, titles):
    assert labelled(text, "TITLE") == titles


# ---------------------------------------------------------------- skills: named tools in a list
@pytest.mark.parametrize(
    "text, skills",
    [
        # an unknown name listed beside a known skill is a tool too
        ("I run campaigns in Klaviyo and Google Analytics.", ["Klaviyo", "Google Analytics"]),
        ("We use Shopify, Klaviyo and Excel.", ["Shopify", "Klaviyo", "Excel"]),
        (
            "Experience with Xactimate, Microsoft Excel or Symbility.",
            ["Xactimate", "Microsoft Excel", "Symbility"],
        ),
        ("I know Tableau, Pipedrive and HubSpot.", ["Tableau", "Pipedrive", "HubSpot"]),
        # names outside a list, and known words in one, stay as they were
        ("I like Kitebird and its mission.", []),
        ("I moved to Kitebird after SQL training.", ["SQL"]),
        ("I'd pair on SQL with Priya next week.", ["SQL"]),
        # a whole lowercase list item beside a known skill is a skill of the same kind
        ("I know SQL, card sorting and journey maps.", ["SQL", "card sorting", "journey maps"]),
        ("Skills: Python, webhooks, macros.", ["Python", "webhooks", "macros"]),
        ("I trained in Excel and stormwater modelling.", ["Excel", "stormwater modelling"]),
        # ... but not a filler, a verb, an everyday word or the start of a longer clause
        ("I know SQL and, honestly, not much else.", ["SQL"]),
        ("I use Excel and learn fast.", ["Excel"]),
        ("I use Excel and eventually want more.", ["Excel"]),
        ("I use SQL and feedback.", ["SQL"]),
        ("I know SQL and the team knows me.", ["SQL"]),
        ("I use SQL and nurses trust me.", ["SQL"]),
        ("I use SQL and managers like the dashboards.", ["SQL"]),
    ],
)
def test_listed_tools(text, skills):
    assert labelled(text, "SKILL") == skills


# ---------------------------------------------------------------- skills: names by shape, frames
@pytest.mark.parametrize(
    "text, skills",
    [
        # a capital inside a word, or letters with digits, is a product's name
        ("I set up DeepL with the termbases in memoQ.", ["DeepL", "memoQ"]),
        ("I chart in ezyVet and script in ArcPy.", ["ezyVet", "ArcPy"]),
        ("We build Survey123 forms for the crews.", ["Survey123"]),
        ("I worked mainly on the V2500 engines.", ["V2500"]),
        # ... and the list around it comes with it
        ("Projects run in memoQ and Trados every day.", ["memoQ", "Trados"]),
        # a device, a surname, an amount, a time or an ordinal is none
        ("We message the team on their iPads.", []),
        ("I met Ms McKenzie at 9am.", []),
        ("Revenue is 1.2bn, up for the 3rd year.", []),
        # the object of a skill frame: "experience with", "knowledge of", "fluent in"
        ("Some experience with REDCap helps.", ["REDCap"]),
        (
            "Deep knowledge of maths pedagogy and formative assessment.",
            ["maths pedagogy", "formative assessment"],
        ),
        ("I want to deepen my expertise in ecological restoration.", ["ecological restoration"]),
        ("Sound knowledge of COLREGs and ship stability.", ["COLREGs", "ship stability"]),
        # ... but not a setting, a group of people, an everyday word or a duty
        ("You have experience in a busy environment.", []),
        ("I have experience with customers.", []),
        ("Experience in managing budgets.", []),
        ("Some knowledge of the local area helps.", []),
    ],
)
def test_names_by_shape_and_skill_frames(text, skills):
    assert labelled(text, "SKILL") == skills


# ---------------------------------------------------------------- skills: languages, platforms
@pytest.mark.parametrize(
    "text, skills",
    [
        # a language is a skill where it names the language
        ("I speak Portuguese and Welsh.", ["Portuguese", "Welsh"]),
        ("My Italian is rusty but I take calls in Arabic.", ["Italian", "Arabic"]),
        ("Fluent Spanish, conversational Japanese.", ["Spanish", "Japanese"]),
        ("Cantonese fluency helps with our clients.", ["Cantonese"]),
        ("I want to improve my English this year.", ["English"]),
        ("I'm taking Polish lessons.", ["Polish"]),
        # ... not where it describes a thing, a team or a market
        ("I'd like to lead the Korean customer team.", []),
        ("The Spanish launch is next spring.", []),
        ("We are opening a Dutch entity.", []),
        ("I'd polish the reports and explain them in plain English.", []),
        # platforms across fields, case-sensitive where the name is an everyday word
        ("I build flows in Klaviyo and track funnels in Mixpanel.", ["Klaviyo", "Mixpanel"]),
        ("We log jobs in Procore and mark up drawings in Bluebeam.", ["Procore", "Bluebeam"]),
        ("I've used Splunk and Datadog on call.", ["Splunk", "Datadog"]),
        ("My goal is to get certified in Workday.", ["Workday"]),
        ("I design in Sketch and prototype in Webflow.", ["Sketch", "Webflow"]),
        ("I run our Shopify store.", ["Shopify"]),
        ("I'd sketch out a plan and keep the workday short.", []),
    ],
)
def test_languages_and_platforms(text, skills):
    assert labelled(text, "SKILL") == skills


# ---------------------------------------------------------------- skills: the employer's own name
@pytest.mark.parametrize(
    "text, skills",
    [
        # a posting's headline names the employer and the place after the title
        (
            "Trainee Arborist - Fellside Tree Care, Kendal\n\nYou will map sites in ArcGIS.",
            ["ArcGIS"],
        ),
        ("Senior Data Analyst | Northwind Health | Leeds\n\nWe use SQL.", ["SQL"]),
        # ... but a specialism there is still a skill
        (
            "Lead Process Engineer - Injection Moulding\n\nWe use SPC.",
            ["Injection Moulding", "SPC"],
        ),
        # a name introduced as a company is no skill anywhere in the text
        (
            "Pellwood Millwork is a 40-person shop. At Pellwood Millwork you learn CNC.",
            ["CNC"],
        ),
        ("Halvorsen Drivetrain Components is hiring; we run SAP QM.", ["SAP QM"]),
        # a name before a company suffix is the employer's, common words and all
        (
            "Court Reporter\nHarbor & Vance Reporting, Inc. | Oakland\n\nWe use SQL.",
            ["SQL"],
        ),
        ("Tax Manager\nBirchall Lowe LLP - Manchester\n\nBirchall Lowe is a firm.", []),
        # ... while a listed tool described the same way stays a skill
        ("Salesforce Marketing Cloud is a platform we use daily.", ["Salesforce Marketing Cloud"]),
        ("Python is a must and SQL is a plus.", ["Python", "SQL"]),
    ],
)
def test_employer_names_are_not_skills(text, skills):
    assert labelled(text, "SKILL") == skills


def test_answer_does_not_match_the_employer_name_of_its_posting():
    posting = (
        "Trainee Arborist - Fellside Tree Care, Kendal\n\nFellside Tree Care is a family firm."
    )
    import alignscore

    result = alignscore.score("I'd love to grow with Fellside Tree Care in Kendal.", posting)
    assert [s.text for s in result.spans if s.label == "SKILL"] == []


# ---------------------------------------------------------------- skills: qualifications, subjects
@pytest.mark.parametrize(
    "text, skills",
    [
        ("I did my MSc in Social Research Methods last year.", ["MSc in Social Research Methods"]),
        ("Maybe later with a PhD, who knows.", ["PhD"]),
        ("I want to do the Level 3 certificate first.", ["Level 3 certificate"]),
        ("I'd finish Level 3 by Christmas.", ["Level 3"]),
        ("I'll do the CIPS Level 5 as well.", ["CIPS Level 5"]),
        ("I studied economics and then epidemiology.", ["economics", "epidemiology"]),
        ("Strong on hydraulics and pneumatics.", ["hydraulics", "pneumatics"]),
        # negatives: a level that is not a qualification, -ology/-ics words that are not subjects
        ("I worked in a Level 3 trauma centre.", []),
        ("We work at level 3 of the building.", []),
        ("I love new technology and office politics.", []),
        ("I started in an electronics store.", []),
    ],
)
def test_qualification_and_subject_skills(text, skills):
    assert labelled(text, "SKILL") == skills


@pytest.mark.parametrize(
    "text, skills",
    [
        # a vendor product's short name that is frequent but no English word is kept, cased
        ("I learned Photoshop and SharePoint at my last job.", ["Photoshop", "SharePoint"]),
        ("I want to get good at PowerShell.", ["PowerShell"]),
        # brands of cased_skills.txt reach the gazetteer through the vendor's product name
        ("I want to learn Kafka and Jira properly.", ["Kafka", "Jira"]),
        ("We escalate bugs in JIRA.", ["JIRA"]),
        # everyday words stay out even when a vendor sells a product of that name
        ("My Project plan covers the Teams rota and the Notes.", []),
    ],
)
def test_cased_vendor_aliases(text, skills):
    assert labelled(text, "SKILL") == skills


# ---------------------------------------------------------------- sentences without full stops
@pytest.mark.parametrize(
    "text, sentences",
    [
        # a capitalised function word after a lowercase word opens the next sentence
        (
            "I want to absorb everything basically And then I will see",
            ["I want to absorb everything basically", "And then I will see"],
        ),
        (
            "combine research and leadership Over time the rest follows",
            ["combine research and leadership", "Over time the rest follows"],
        ),
        (
            "answers I can trust Writing articles appeals to me too",
            ["answers I can trust", "Writing articles appeals to me too"],
        ),
        ("not sure yet Maybe research", ["not sure yet", "Maybe research"]),
        # names stay whole: a capitalised word before another one, "I", a number word
        ("I want to write for The Guardian one day", ["I want to write for The Guardian one day"]),
        ("lead the Algebra I curriculum next year", ["lead the Algebra I curriculum next year"]),
        ("win the Top Chef award", ["win the Top Chef award"]),
        ("reach level One then level Two", ["reach level One then level Two"]),
        # a run-on sentence in lowercase: "i" before a word of stance or aim
        (
            "so for the next two years i want to get good at controls i can do hydraulics in my "
            "sleep but im weak on plc troubleshooting and i think the cert would help me where i "
            "need it most",
            [
                "so for the next two years i want to get good at controls i can do hydraulics in "
                "my sleep but im weak on plc troubleshooting and",
                "i think the cert would help me where i need it most",
            ],
        ),
        # punctuation still splits as before
        ("I like it. And I will stay.", ["I like it.", "And I will stay."]),
    ],
)
def test_sentence_starts_without_full_stops(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


def test_a_horizon_in_one_run_on_sentence_does_not_govern_the_next(nlp):
    doc = nlp("in my first year I want to learn the tools Also I hope to lead the team")
    goals = [s for s in doc.spans["alignscore"] if s.label_ == "GOAL"]
    linked = {
        g.text: (doc[slice(*g._.alignscore_horizon_at)].text if g._.alignscore_horizon_at else None)
        for g in goals
    }
    assert linked == {"learn the tools": "in my first year", "lead the team": None}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a horizon between two goals dates the one it opens
        (
            "I want to learn grocery operations inside out and within five years run a store.",
            {"learn grocery operations inside out": None, "run a store": "within five years"},
        ),
        # ... counting the next goal from its cue
        (
            "in the next year id like to get good at sql and maybe lead a small project, long "
            "term i could see myself as a data engineer",
            {
                "get good at sql": "in the next year",
                "lead a small project": "in the next year",
                "a data engineer": "long term",
            },
        ),
        # a horizon after the last goal still dates it
        ("I want to master SQL within two years.", {"master SQL": "within two years"}),
        # nor does it cross a contrasting clause with a subject of its own
        (
            "I'm not sure where I'll be in five years, but I want to learn SQL here.",
            {"learn SQL here": None},
        ),
        (
            "In five years I want to lead the team, and I want to mentor new hires.",
            {"lead the team": "In five years", "mentor new hires": "In five years"},
        ),
        (
            "I want to learn SQL in the next year and lead the team in five years.",
            {"learn SQL": "in the next year", "lead the team": "in five years"},
        ),
        # a horizon right before the goal's cue opens its clause: it is nearer than one a few
        # words after a long goal
        (
            "In the longer term, I see myself as the person clients call for the hard "
            "questions: valuation, first sale, prior disclosures.",
            {"the person clients call for the hard questions": "In the longer term"},
        ),
    ],
)
def test_a_horizon_between_goals_dates_the_next_one(nlp, text, expected):
    doc = nlp(text)
    goals = [s for s in doc.spans["alignscore"] if s.label_ == "GOAL"]
    linked = {
        g.text: (doc[slice(*g._.alignscore_horizon_at)].text if g._.alignscore_horizon_at else None)
        for g in goals
    }
    assert linked == expected


@pytest.mark.parametrize(
    "text",
    [
        "I WANT TO LEARN AIRFLOW AND DBT AND IN FIVE YEARS BECOME A STAFF ENGINEER",
        "IN THE NEXT TWO YEARS I WANT TO MASTER SQL AND TABLEAU AND LEAD THE TEAM",
    ],
)
def test_text_in_capitals_reads_like_lowercase(text):
    """Shouted text is not a string of acronyms: it yields the spans its lowercase form does."""
    upper = [(s.label, s.text.lower()) for s in extract(text)]
    lower = [(s.label, s.text) for s in extract(text.lower())]
    assert upper == lower


# ---------------------------------------------------------------- posting terms in answers
@pytest.mark.parametrize(
    "answer, skills",
    [
        ("i want to get my pccn and my aws", ["pccn", "aws"]),  # the posting's names, no suffix
        ("I care about safety and the CDL.", ["CDL"]),  # an everyday word stays out
        # a posting's acronym matches a common word only in capitals: "does" is no "DOE"
        ("I want to be the person who does the audits and the DOE work.", ["DOE"]),
        ("i want to learn doe and get my cdl", ["doe", "cdl"]),
    ],
)
def test_posting_terms_also_match_without_their_suffix(answer, skills):
    from alignscore.analysis import analyze_pairs
    from alignscore.labels import SPANS_KEY

    jd = (
        "Registered Nurse. Complete PCCN certification, we reimburse exam fees. "
        "Safety certificate and CDL license required. AWS certifications paid. "
        "Lead DOE studies."
    )
    (pair,) = analyze_pairs([answer], jd)
    found = [s.text for s in pair.answer.spans[SPANS_KEY] if s.label_ == "SKILL"]
    assert found == skills


# ---------------------------------------------------------------- cues: security and stability
def cue_texts(text: str, label: str) -> list[str]:
    doc = load_pipeline()(text)
    return [c.text for c in doc.spans[CUES_KEY] if c.label_ == label]


@pytest.mark.parametrize(
    "text, cues",
    [
        ("This position gives stability and flexibility.", ["gives stability"]),
        ("Public sector = job security, which matters after two redundancies.", ["job security"]),
        ("I just need a stable job with good benefits.", ["stable job", "good benefits"]),
        ("I want a steady income while the kids are small.", ["steady income"]),
        # stability of a system or a material is a subject, not a gain
        ("Long term I'd like to own phase stability in solid electrolytes.", []),
        ("I want to improve platform stability for our customers.", []),
    ],
)
def test_security_and_stability_are_self_gain_cues(text, cues):
    assert cue_texts(text, "SELF_GAIN_CUE") == cues


@pytest.mark.parametrize(
    "text, skills",
    [
        # a common word in capitals is emphasis, not an unlisted acronym
        ("I REALLY want this job and I am NOT leaving.", []),
        ("It is the BEST place to learn, you ARE the leader and it helps a LOT.", []),
        ("DO it right, BUT fast, and IF needed ask.", []),
        # unlisted acronyms that are no common word still count; a listed name always does
        ("I want to master FP&A and get my CPA.", ["FP&A", "CPA"]),
        ("I support kids with SEND and want the WIOA reporting.", ["SEND", "WIOA reporting"]),
        # a common word in capitals before a capitalised word still opens a name ("BEST Plus")
        ("So CASAS, BEST Plus and the levels.", ["CASAS", "BEST"]),
    ],
)
def test_emphasis_in_capitals_is_no_acronym(text, skills):
    assert labelled(text, "SKILL") == skills


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a full stop after an ampersand acronym ends the sentence
        (
            "I want to work in FP&A. The team helped.",
            ["I want to work in FP&A.", "The team helped."],
        ),
        ("Growth into R&D. Then more.", ["Growth into R&D.", "Then more."]),
        # ... and after a code ending in a digit and a capital ("H-1B", "3.2U")
        ("They sponsor an H-1B. I start soon.", ["They sponsor an H-1B.", "I start soon."]),
        ("I want my 3.2U. Then air.", ["I want my 3.2U.", "Then air."]),
        # ... and after a product name in camel case ("CostX", "PhD")
        ("I want to learn CostX. Then NRM2.", ["I want to learn CostX.", "Then NRM2."]),
    ],
)
def test_full_stop_after_ampersand_acronym(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("I will learn CostX.", ["I", "will", "learn", "CostX", "."]),
        ("I finished my PhD.", ["I", "finished", "my", "PhD", "."]),
        ("Plan B.", ["Plan", "B."]),  # an initial keeps its stop
        ("the U.K. office", ["the", "U.K.", "office"]),
    ],
)
def test_full_stop_after_camel_case(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize(
    "text, skills",
    [
        # "DOE" after pay is "depending on experience"; before a study it is a method
        ("Pay: $48,000-$55,000/yr DOE. Medical and dental.", []),
        ("Salary £32k DOE plus benefits.", []),
        ("Salary: competitive, DOE.", []),
        ("Lead DOE studies on the moulding line.", ["DOE"]),
    ],
)
def test_pay_terms_are_no_skills(text, skills):
    assert labelled(text, "SKILL") == skills


@pytest.mark.parametrize(
    "text, skills",
    [
        # "or related field", "or equivalent": a stand-in, not a list item
        ("A degree in supply chain or related field required.", ["supply chain"]),
        ("SQL or equivalent experience.", ["SQL"]),
        ("Excel, Tableau or similar tools.", ["Excel", "Tableau"]),
        # a year or a bare number beside a listed name is no tool of the list
        ("CPhT since 2016, CSPT since 2022.", ["CPhT", "CSPT"]),  # a credential by its shape
        ("I used Tableau, 2019 and 2020 mostly.", ["Tableau"]),
        # a unit after a number is no skill; an unlisted acronym elsewhere still is
        ("We run a 12 MGD plant.", []),
        ("We run a plant with MGD reporting.", ["MGD reporting"]),
    ],
)
def test_stand_ins_and_units_are_no_skills(text, skills):
    assert labelled(text, "SKILL") == skills


@pytest.mark.parametrize(
    "text, skills",
    [
        # a credential word after a skill is part of its name, even where it is a name itself
        ("I want the Meta Blueprint certification.", ["Meta Blueprint certification"]),
        ("the NRF Retail Management certificate", ["NRF Retail Management certificate"]),
        ("I want my PMP cert.", ["PMP cert"]),
        ("I got my OSHA 10 card last year.", ["OSHA 10 card"]),
        ("I hold a CSCS card.", ["CSCS card"]),
        # degrees and qualification bodies are skills (RUBRIC: certifications, degrees)
        ("Later I want to do an MBA.", ["MBA"]),
        ("I plan to do an executive MBA in five years.", ["executive MBA"]),
        ("I did a City & Guilds course in plumbing.", ["City & Guilds", "plumbing"]),
        ("I finished my City and Guilds.", ["City and Guilds"]),
    ],
)
def test_credential_words_join_the_skill(text, skills):
    assert labelled(text, "SKILL") == skills


def test_a_horizon_inside_the_goals_clause_counts_from_a_cue_at_the_first_token(nlp):
    """``opening`` 0 (a cue on the first token) is a position, not a missing value: a horizon
    between the cue and the goal touches the goal's clause."""
    from alignscore.components.linker import GoalHorizonLinker

    doc = nlp.make_doc("I want , within two years and with luck , to lead audits , later .")
    goal = doc[11:13]  # "lead audits"
    within, later = doc[3:6], doc[14:15]
    linker = GoalHorizonLinker(nlp)
    assert linker.link(doc, goal, [within, later], opening=0).text == "within two years"
    assert linker.link(doc, goal, [within, later], opening=None).text == "later"
