"""A record's facts: each set once, when it happens, never silently replaced."""

from __future__ import annotations

from datetime import date

import pytest

from pcctrack.rules.editing import EditRefused
from pcctrack.rules.facts import AUDIT_FACTS, RESPONSE_STEPS, facts_for, plan_facts
from tests.rules.factories import inspection

AS_OF = date(2025, 3, 31)


def test_response_steps_fill_gaps_and_a_date_replaces_published_undated() -> None:
    record = inspection(milestones={"published": True, "comments_requested": "2025-01-16"})
    facts = facts_for({"--published": date(2025, 3, 1), "--forwarded-home-office": date(2025, 3, 2)}, RESPONSE_STEPS, "a response")
    assert [f.loc for f in facts] == [("milestones", "published"), ("milestones", "forwarded_home_office")]
    assert plan_facts(record, facts, AS_OF) == ["published: 2025-03-01", "sent to the Home Secretary: 2025-03-02"]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"--comments-requested": date(2025, 1, 20)}, "already recorded as 2025-01-16; a recorded fact is not replaced"),
        ({"--comments-requested": date(2025, 1, 16)}, "already recorded as 2025-01-16: nothing to change"),
        ({"--published-undated": True}, "published is already recorded as yes, date not recorded: nothing to change"),
        ({"--sent-hmicfrs": date(2025, 4, 1)}, "after 2025-03-31: record it once it has happened"),
    ],
)
def test_refusals(given: dict, message: str) -> None:
    record = inspection(milestones={"published": True, "comments_requested": "2025-01-16"})
    with pytest.raises(EditRefused, match=message):
        plan_facts(record, facts_for(given, RESPONSE_STEPS, "a response"), AS_OF)


def test_options_that_belong_elsewhere_are_named() -> None:
    with pytest.raises(EditRefused, match="--final-issued cannot be recorded on a response"):
        facts_for({"--final-issued": date(2025, 1, 1)}, RESPONSE_STEPS, "a response")
    with pytest.raises(EditRefused, match="not both"):
        facts_for({"--published": date(2025, 1, 1), "--published-undated": True}, RESPONSE_STEPS, "a response")
    assert [f.option for f in facts_for({"--assurance": "Partial", "--assurance-scale": ["Partial"]}, AUDIT_FACTS, "an audit")] == [
        "--assurance-scale", "--assurance",
    ]
