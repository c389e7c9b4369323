"""What each role is reminded of: the pure selection, tested on items without files."""

from __future__ import annotations

from datetime import date

from pcctrack.reminders.owed import owed_by_role, update_line
from pcctrack.rules.items import Source
from tests.rules.factories import item

AS_OF = date(2026, 11, 21)


def ids(found):  # type: ignore[no-untyped-def]
    return [i.id for i in found]


def test_each_role_gets_four_lists_and_an_item_appears_in_one_only() -> None:
    owed = owed_by_role(
        [
            item(id="late-a", due=date(2026, 10, 1), latest_on=date(2026, 11, 1)),
            item(id="late-b", due=date(2026, 3, 1), latest_on=date(2025, 1, 1)),  # overdue and silent: overdue only
            item(id="soon", due=date(2026, 12, 10)),
            item(id="later-silent", due=date(2027, 6, 1), latest_on=date(2026, 9, 1)),  # 81 days without an update
            item(id="later-heard", due=date(2027, 6, 1), latest_on=date(2026, 10, 1)),  # 51 days: not stale
            item(id="claimed", state="awaiting-verification", status="implemented", claimed_on=date(2026, 11, 1)),
            item(id="done", state="closed", due=date(2026, 1, 1)),
            item(id="others", due=date(2026, 1, 1), is_forces=False),
        ],
        AS_OF,
    )
    assert [o.role for o in owed] == ["Role"]
    mine = owed[0]
    assert ids(mine.overdue) == ["late-b", "late-a"]  # most overdue first
    assert ids(mine.due_soon) == ["soon"]
    assert ids(mine.stale) == ["later-silent"]
    assert ids(mine.awaiting) == ["claimed"]
    assert mine.total == 5
    assert ids(mine.ahead(AS_OF)) == ["soon", "later-silent"]  # a date already passed is no use in a diary


def test_windows_are_the_options_given() -> None:
    items = [item(id="soon", due=date(2026, 12, 10), latest_on=date(2026, 11, 1))]
    assert ids(owed_by_role(items, AS_OF, due_within=30)[0].due_soon) == ["soon"]
    assert owed_by_role(items, AS_OF, due_within=7, stale_days=60) == []
    assert ids(owed_by_role(items, AS_OF, due_within=7, stale_days=20)[0].stale) == ["soon"]


def test_owner_and_lead_are_both_chased_and_roles_come_in_name_order() -> None:
    owed = owed_by_role([item(id="x", owner="Delivery Lead", lead="ACC Crime", due=date(2026, 1, 1))], AS_OF)
    assert [(o.role, ids(o.overdue)) for o in owed] == [("ACC Crime", ["x"]), ("Delivery Lead", ["x"])]


def test_an_item_no_role_owns_reminds_nobody() -> None:
    assert owed_by_role([item(owner=None, due=date(2026, 1, 1))], AS_OF) == []


def test_silence_counts_from_issue_when_nothing_was_ever_logged() -> None:
    recent = item(id="new", due=None, opened_on=date(2026, 11, 1))
    old = item(id="old", due=None, opened_on=date(2026, 1, 1))
    unknown = item(id="unknown", due=None, opened_on=None)
    assert ids(owed_by_role([recent, old, unknown], AS_OF)[0].stale) == ["unknown", "old"]


def test_the_update_line_is_the_owners_or_the_verifiers_with_hostile_text_quoted() -> None:
    assert update_line(item(id="a-1"), "PVP Hub Manager") == (
        "pcctrack update a-1 --status STATUS --by 'PVP Hub Manager' --note 'WHAT THE OWNER REPORTS'"
    )
    waiting = item(id="a-1", state="awaiting-verification", closed_by="internal audit")
    assert update_line(waiting, "X") == "pcctrack update a-1 --verdict STATUS --by 'internal audit' --note 'WHAT THE VERIFIER FOUND'"
    assert "--by 'Boss'\"'\"'; rm -rf ~'" in update_line(item(), "Boss'; rm -rf ~")
    response = item(id="i.response", source=Source.RESPONSE, kind="statutory-response", file="records/inspections/i.yaml")
    assert update_line(response, "OPCC") == "record the publication date under milestones.published in records/inspections/i.yaml"
