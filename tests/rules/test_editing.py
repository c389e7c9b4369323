"""The pure rules behind edits: what an update appends, and which ids are free."""

from __future__ import annotations

from datetime import date

import pytest

from pcctrack.models import Action
from pcctrack.choices import Status
from pcctrack.rules.editing import EditRefused, Revision, UpdateRequest, plan_update

AS_OF = date(2026, 1, 1)


def action(**extra: object) -> Action:
    fields = {"id": "a-1", "audit": "a", "number": 1, "priority": "High", "action": "Do it.", "due": "2025-08-31"}
    return Action.model_validate(fields | extra)


def test_a_status_change_gets_a_log_entry_that_says_so() -> None:
    change = plan_update(action(), UpdateRequest(date=date(2025, 9, 1), status=Status.IN_PROGRESS), AS_OF)
    assert change.status is Status.IN_PROGRESS
    assert change.log_entry == {
        "date": date(2025, 9, 1),
        "status": "in-progress",
        "note": "Status changed from open to in-progress.",
    }


def test_the_same_status_again_is_not_a_change() -> None:
    change = plan_update(action(status="open"), UpdateRequest(date=AS_OF, status=Status.OPEN, note="Chased."), AS_OF)
    assert change.status is None
    assert change.log_entry == {"date": AS_OF, "note": "Chased."}


def test_a_revision_records_reason_who_and_when() -> None:
    request = UpdateRequest(date=date(2025, 9, 1), revision=Revision(date(2025, 12, 31), "Staffing", "Audit Committee"))
    change = plan_update(action(), request, AS_OF)
    assert change.revised_due == {
        "date": date(2025, 12, 31), "reason": "Staffing", "agreed_by": "Audit Committee", "agreed_on": date(2025, 9, 1),
    }
    assert "revised from 2025-08-31 to 2025-12-31" in change.log_entry["note"]


@pytest.mark.parametrize(
    ("item", "request_", "message"),
    [
        (action(log=[{"date": "2025-10-01", "note": "x"}]), UpdateRequest(date=date(2025, 9, 30), note="y"), "date order"),
        (action(), UpdateRequest(date=date(2026, 1, 2), note="y"), "cannot be in the future"),
        (action(due=None), UpdateRequest(date=AS_OF, revision=Revision(date(2026, 3, 1), "r", "Audit Committee")), "no agreed due date"),
        (action(), UpdateRequest(date=AS_OF), "nothing to record"),
    ],
)
def test_refusals(item: Action, request_: UpdateRequest, message: str) -> None:
    with pytest.raises(EditRefused, match=message):
        plan_update(item, request_, AS_OF)


def test_an_update_on_the_day_of_the_latest_entry_is_allowed() -> None:
    item = action(log=[{"date": "2025-10-01", "note": "x"}])
    assert plan_update(item, UpdateRequest(date=date(2025, 10, 1), note="y"), AS_OF).log_entry["note"] == "y"
