from __future__ import annotations

import pytest

from alignscore.jobs import job_profile
from alignscore.pipeline import load_pipeline


@pytest.mark.parametrize(
    "posting, tags",
    [
        ("Data Analyst. We pay for certifications.", {"certification"}),
        ("Data Analyst. $2,000 annual learning budget.", {"training"}),
        ("Data Analyst. Clear path to Lead Analyst within two years.", {"promotion_path"}),
        ("Data Analyst. Tuition reimbursement after six months.", {"tuition"}),
        ("Data Analyst. Formal mentorship from a senior analyst.", {"mentorship"}),
        ("Data Analyst. You will rotate through three teams.", {"rotation"}),
        ("Data Analyst. Visa sponsorship is not available.", set()),
        ("Data Analyst. SQL and Python.", set()),
        # a duty, not a rotation programme
        ("Backend Engineer. You join a 1-in-6 on-call rotation.", set()),
        ("Backend Engineer. $2,000 yearly learning stipend.", {"training"}),
        ("Backend Engineer. An engineering ladder with clear criteria.", {"promotion_path"}),
        ("SDR. Top SDRs are promoted to Account Executive.", {"promotion_path"}),
    ],
)
def test_growth_offers_are_tagged(posting, tags):
    assert set(job_profile(load_pipeline()(posting)).growth) == tags


@pytest.mark.parametrize(
    "posting, level, years",
    [
        ("Customer Support Associate. You have 0\u20132 years of experience.", "entry", 0),
        ("Store Manager. 3+ years managing a retail store.", "mid", 3),
        ("Grants Manager. 4+ years of grant writing experience.", "mid", 4),
        ("Clinical Pharmacy Manager. Lead the oncology pharmacy team.", "senior", None),
        ("Senior District Manager. 8+ years of multi-unit retail leadership.", "senior", 8),
        ("Maintenance Technician II. 3\u20135 years of industrial maintenance.", "mid", 3),
        ("Social Worker I. Child welfare caseload.", "entry", None),
        ("Head of Finance. Lead the finance team.", "senior", None),
        ("Data Analyst. 7+ years of experience with SQL.", "senior", 7),
        # a company's own history is no requirement
        ("Front of House Manager. Work with our co-owner (20 years in the trade).", "senior", None),
        ("Sales Development Representative. No experience needed - we train you.", "entry", None),
        ("Warehouse Team Leader. 1 year+ supervisory experience.", "mid", 1),
    ],
)
def test_level_and_years_required(posting, level, years):
    profile = job_profile(load_pipeline()(posting))
    assert (profile.level, profile.years_required) == (level, years)


@pytest.mark.parametrize(
    "posting, title",
    [
        (
            "Apprentice Lineworker (Distribution) - Cascade Ridge Electric\n\n"
            "Apprentices maintain that system alongside journeyman crews.",
            "Apprentice Lineworker",
        ),
        (
            "Commercial Diver - Inland Division\n\nYou will work with a Dive Supervisor.",
            "Commercial Diver",
        ),
        ("Senior Producer, Morning News\n\nReport to the news director.", "Senior Producer"),
    ],
)
def test_the_headline_names_the_role(posting, title):
    assert job_profile(load_pipeline()(posting)).title == title


# ---------------------------------------------------------------- seniority rank of a title
@pytest.mark.parametrize(
    "title, rank",
    [
        ("Data Analyst", 2),
        ("Senior Data Analyst", 3),
        ("Store Manager", 4),
        ("Head of Operations", 5),
        ("Chief Executive Officer", 6),
        # an entry prefix makes the whole title an entry post, whatever its head
        ("Junior Data Analyst", 1),
        ("Trainee Air Traffic Controller", 1),
        ("Apprentice Electrician", 1),
        ("Graduate Engineer", 1),
        # a qualified controller or partner is a mid-level role, unless the qualifier is a rank's
        ("Air Traffic Controller", 2),
        ("Radar Controller", 2),
        ("Financial Controller", 5),
        ("Controller", 5),
        ("HR Business Partner", 2),
        ("Managing Partner", 6),
        ("Partner", 6),
        # "assistant" before a rank keeps most of it
        ("Assistant Manager", 4),
        # heads of an agency or of a restaurant group
        ("State Water Commissioner", 6),
        ("Chef Patron", 6),
        ("Executive Chef", 5),
        ("Executive Assistant", 1),
    ],
)
def test_title_rank(title, rank):
    from alignscore.titles import title_rank

    assert title_rank(title) == rank
