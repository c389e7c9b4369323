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
            action("aud-4", priority="Low", status="implemented", log=[_verdict("2025-09-01", "implemented")]),
            action("aud-5", priority="Low", status="implemented", log=[_claim("2025-09-01", "implemented")]),
        ],
    )
    result = rollup(items(records), GroupBy.STATUS, AS_OF)
    assert result.columns == ["High", "Medium", "Low"]
    rows = {r.key: (r.counts, r.total, r.open, r.awaiting, r.overdue) for r in result.rows}
    assert rows == {
        "open": ({"High": 1, "Medium": 1, "Low": 0}, 2, 2, 0, 1),
        "in-progress": ({"High": 0, "Medium": 1, "Low": 0}, 1, 1, 0, 1),
        "implemented": ({"High": 0, "Medium": 0, "Low": 1}, 1, 0, 0, 0),
        "awaiting-verification": ({"High": 0, "Medium": 0, "Low": 1}, 1, 0, 1, 0),
    }
    assert (result.totals.total, result.totals.open, result.totals.awaiting, result.totals.overdue) == (5, 3, 1, 2)


def _claim(day: str, status: str) -> dict[str, str]:
    return {"date": day, "note": "Done.", "status": status}


def _verdict(day: str, verdict: str) -> dict[str, str]:
    return {"date": day, "note": "Follow-up audit.", "verdict": verdict, "by": "RSM follow-up audit"}


def test_findings_for_other_bodies_are_counted_apart_never_in_the_forces_totals() -> None:
    ours = finding("insp-rec-1", due="2025-03-31")
    theirs = finding("insp-rec-2", due="2025-03-31", addressees=["home-office"])
    records = record_set(inspections=[inspection(findings=[ours, theirs], statutory_response=False)])
    result = rollup(items(records), GroupBy.OWNER, AS_OF)
    assert (result.totals.total, result.totals.open, result.totals.overdue, result.others) == (1, 1, 1, 1)


def test_items_without_priority_get_their_own_column_and_tags_count_in_each_group() -> None:
    tagged = finding(tags=["a", "b"])
    records = record_set(inspections=[inspection(findings=[tagged, finding("insp-rec-2")], statutory_response=False)])
    result = rollup(items(records), GroupBy.TAG, AS_OF)
    assert result.columns == [NONE_LABEL]
    assert [(r.key, r.total) for r in result.rows] == [("a", 1), ("b", 1), (NONE_LABEL, 1)]


def test_by_priority_each_firm_s_scale_whole_and_in_its_own_order() -> None:
    rsm = audit(id="rsm", priority_scale=[{"name": "High"}, {"name": "Medium"}, {"name": "Low"}])
    mazars = audit(id="mazars", priority_scale=[{"name": "Priority 1"}, {"name": "Priority 2"}, {"name": "Priority 3"}])
    tiaa = audit(id="tiaa", priority_scale=[{"name": "Urgent"}, {"name": "Important"}, {"name": "Routine"}, {"name": "Low"}])
    records = record_set(
        inspections=[inspection(findings=[finding()])],
        audits=[rsm, mazars, tiaa],
        actions=[action("rsm-1", audit="rsm", priority="Low"), action("mazars-1", audit="mazars", priority="Priority 2"),
                 action("tiaa-1", audit="tiaa", priority="Low")],
    )
    scales = {a.id: [level.name for level in a.priority_scale] for a in (rsm, mazars, tiaa)}
    result = rollup(items(records), GroupBy.PRIORITY, AS_OF, scales)
    assert result.columns == []  # no priority-against-priority matrix
    assert [(r.key, r.total) for r in result.rows] == [
        ("High", 0), ("Medium", 0), ("Low (rsm)", 1),
        ("Priority 1", 0), ("Priority 2", 1), ("Priority 3", 0),
        ("Urgent", 0), ("Important", 0), ("Routine", 0), ("Low (tiaa)", 1),
        (NONE_LABEL, 2),  # the finding and the PCC's response
    ]
    by_status = rollup(items(records), GroupBy.STATUS, AS_OF, scales)
    assert by_status.columns[:4] == ["High", "Medium", "Low (rsm)", "Priority 1"]
    assert by_status.totals.counts["Low (tiaa)"] == 1
