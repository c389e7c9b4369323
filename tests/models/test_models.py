"""The models accept what the sources say and refuse what they cannot mean."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from pcctrack.models import Action, Config, Inspection, Status
from pcctrack.models.common import TrackedItem
from tests.rules.factories import action, inspection


def test_statutory_deadline_is_the_last_of_56_days_beginning_on_publication() -> None:
    assert inspection(published="2025-10-24").response_deadline == date(2025, 12, 18)
    assert inspection(published="2024-02-29").response_deadline == date(2024, 4, 24)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-02-30", "2025-02-30 is not a real date (day is out of range for month)"),
        ("31/08/2025", "'31/08/2025' is not a date written YYYY-MM-DD"),
        (20250831, "expected a date written YYYY-MM-DD (e.g. 2025-08-31), got 20250831"),
    ],
)
def test_dates_must_be_real_iso_dates(value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        action(due=value)


def test_unknown_keys_are_refused_everywhere() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        action(log=[{"date": "2025-09-01", "note": "n", "who": "PVP Hub Manager"}])


def test_closing_statuses() -> None:
    closing = {s.value for s in Status if s.is_closing}
    assert closing == {"completed", "implemented", "closed", "superseded", "not-adopted"}


def test_current_due_ignores_nothing_and_rewrites_nothing() -> None:
    item = action(revised_due=[{"date": "2025-12-31", "reason": "r", "agreed_by": "Audit Committee"}])
    assert (item.due, item.current_due) == (date(2025, 8, 31), date(2025, 12, 31))
    assert isinstance(item, TrackedItem)


def test_findings_default_to_the_force_and_need_an_addressee() -> None:
    found = inspection(findings=[{"id": "f", "kind": "recommendation", "text": "t"}]).findings[0]
    assert found.is_forces
    with pytest.raises(ValidationError, match="at least 1 item"):
        inspection(findings=[{"id": "f", "kind": "recommendation", "text": "t", "addressees": []}])


def test_ids_are_lower_case_identifiers() -> None:
    with pytest.raises(ValidationError, match="String should match pattern"):
        Action.model_validate({**action().model_dump(), "id": "RSM 1"})


def test_internal_fields_are_marked_for_the_publishing_layer() -> None:
    assert Inspection.model_fields["internal"].json_schema_extra == {"internal": True}
    assert Action.model_fields["internal"].json_schema_extra == {"internal": True}


def test_config_maps_role_spellings() -> None:
    config = Config(roles={"DCI (CAVA)": ["DCI (Adult Safeguarding)"]})
    assert config.canonical_role("DCI (Adult Safeguarding)") == "DCI (CAVA)"
    assert config.canonical_role("Someone") is None
    assert Config().canonical_role("Anyone") == "Anyone"
