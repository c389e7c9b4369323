"""Overdue and falling-due lists: what is included, and in what order."""

from __future__ import annotations

from datetime import date

from pcctrack.rules.items import Source, items
from pcctrack.rules.selection import Filters, due_within, overdue
from tests.rules.factories import action, audit, finding, inspection, record_set

AS_OF = date(2026, 11, 21)


def ids(found):  # type: ignore[no-untyped-def]
    return [i.id for i in found]


def test_overdue_is_most_days_first_then_priority() -> None:
    records = record_set(
        audits=[audit()],
        actions=[
            action("aud-1", priority="Low", due="2025-08-31"),
            action("aud-2", priority="High", due="2025-08-31"),
            action("aud-3", priority="High", due="2026-01-31"),
            action("aud-4", priority="High", due="2027-01-31"),
        ],
    )
    assert ids(overdue(items(records), AS_OF)) == ["aud-2", "aud-1", "aud-3"]


def test_overdue_is_measured_against_the_latest_agreed_date() -> None:
    moved = action(revised_due=[{"date": "2027-03-31", "reason": "Delay", "agreed_by": "Audit Committee"}])
    assert overdue(items(record_set(audits=[audit()], actions=[moved])), AS_OF) == []


def test_recommendations_only_for_other_bodies_are_not_the_forces_overdue_work() -> None:
    home_office = finding("insp-rec-1", due="2025-03-31", addressees=["home-office"])
    shared = finding("insp-rec-2", due="2025-03-31", addressees=["home-office", "force"])
    records = record_set(inspections=[inspection(findings=[home_office, shared], statutory_response=False)])
    assert ids(overdue(items(records), AS_OF)) == ["insp-rec-2"]


def test_closed_and_undated_items_are_never_overdue() -> None:
    closed = action("aud-1", status="implemented", log=[{"date": "2025-09-01", "note": "Follow-up.", "verdict": "implemented", "by": "RSM"}])
    undated = action("aud-2", due=None)
    assert overdue(items(record_set(audits=[audit()], actions=[closed, undated])), AS_OF) == []


def test_due_on_the_as_of_day_is_not_yet_overdue() -> None:
    today = action(due="2026-11-21")
    listed = items(record_set(audits=[audit()], actions=[today]))
    assert overdue(listed, AS_OF) == []
    assert ids(due_within(listed, AS_OF, 0)) == ["aud-1"]


def test_due_within_lists_the_window_soonest_first() -> None:
    records = record_set(
        audits=[audit()],
        actions=[action("aud-1", due="2026-12-20"), action("aud-2", due="2026-11-30"), action("aud-3", due="2027-02-01")],
    )
    assert ids(due_within(items(records), AS_OF, 30)) == ["aud-2", "aud-1"]


def test_filters_by_owner_part_priority_and_source() -> None:
    records = record_set(
        inspections=[inspection(findings=[finding(due="2025-03-31", owner="Head of Crime")])],
        audits=[audit()],
        actions=[action("aud-1", priority="High", owner="PVP Hub Manager"), action("aud-2", priority="Low")],
    )
    listed = items(records)
    assert ids(overdue(listed, AS_OF, Filters(owner="pvp hub"))) == ["aud-1", "aud-2"]
    assert ids(overdue(listed, AS_OF, Filters(priority="high"))) == ["aud-1"]
    assert ids(overdue(listed, AS_OF, Filters(source=Source.RESPONSE))) == ["insp.response"]


def test_a_filter_naming_nothing_that_exists_says_so_instead_of_listing_nothing() -> None:
    records = record_set(audits=[audit()], actions=[action("aud-1", priority="High")])
    found = items(records)
    roles = {"Office of the PCC": ["OPCC"], "PVP Hub Manager": []}
    scales = [["High", "Medium", "Low"]]
    assert Filters(owner="opcc").naming_nothing(found, roles, scales) is None  # a declared other spelling, any case
    assert Filters(priority="low").naming_nothing(found, roles, scales) is None  # on the scale, though nothing is Low
    assert Filters(owner="Nobody").naming_nothing(found, roles, scales) == (
        "--owner 'Nobody' is part of no owner or lead role (roles: Office of the PCC, PVP Hub Manager)"
    )
    assert Filters(priority="Critical").naming_nothing(found, roles, scales) == (
        "--priority 'Critical' is on no audit's priority scale (levels: High, Medium, Low)"
    )
    assert "did you mean 'Medium'?" in (Filters(priority="Meduim").naming_nothing(found, roles, scales) or "")
