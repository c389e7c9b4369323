"""Roll-ups: counts by a key against the audit firm's priority columns."""

from __future__ import annotations

from datetime import date

from pcctrack.rules.items import items
from pcctrack.rules.rollup import NONE_LABEL, GroupBy, rollup
from tests.rules.factories import action, audit, finding, inspection, record_set

AS_OF = date(2026, 11, 21)


def test_status_by_priority_like_the_table_in_an_audit_report() -> None:
    records = record_set(
        audits=[audit()],
        actions=[
            action("aud-1", priority="High"),
            action("aud-2", priority="Medium", status="in-progress"),
            action("aud-3", priority="Medium", due="2027-01-01"),
            action("aud-4", priority="Low", status="implemented", closure={"date": "2025-09-01", "status": "implemented"}),
        ],
    )
    result = rollup(items(records), GroupBy.STATUS, AS_OF)
    assert result.columns == ["High", "Medium", "Low"]
    rows = {r.key: (r.counts, r.total, r.open, r.overdue) for r in result.rows}
    assert rows == {
        "open": ({"High": 1, "Medium": 1, "Low": 0}, 2, 2, 1),
        "in-progress": ({"High": 0, "Medium": 1, "Low": 0}, 1, 1, 1),
        "implemented": ({"High": 0, "Medium": 0, "Low": 1}, 1, 0, 0),
    }
    assert (result.totals.total, result.totals.open, result.totals.overdue) == (4, 3, 2)


def test_items_without_priority_get_their_own_column_and_tags_count_in_each_group() -> None:
    tagged = finding(tags=["a", "b"])
    records = record_set(inspections=[inspection(findings=[tagged, finding("insp-rec-2")], statutory_response=False)])
    result = rollup(items(records), GroupBy.TAG, AS_OF)
    assert result.columns == [NONE_LABEL]
    assert [(r.key, r.total) for r in result.rows] == [("a", 1), ("b", 1), (NONE_LABEL, 1)]
