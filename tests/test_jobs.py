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
    ],
)
def test_growth_offers_are_tagged(posting, tags):
    assert set(job_profile(load_pipeline()(posting)).growth) == tags
