"""Slipped dates and history, measured without files or a clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pcctrack.rules.trends import ageing, completed_since, timeline
from pcctrack.rules.slippage import slipped
from tests.rules.factories import item

BASE = item()


def test_slippage_is_measured_from_the_original_date() -> None:
    moved = replace(BASE, id="moved", due=date(2025, 12, 31), revisions=3)
    little = replace(BASE, id="little", due=date(2025, 9, 30), revisions=1)
    found = slipped([BASE, little, moved])
    assert [(s.item.id, s.days_slipped, s.times_revised) for s in found] == [("moved", 122, 3), ("little", 30, 1)]
    assert found[0].original_due == date(2025, 8, 31) and found[0].current_due == date(2025, 12, 31)


def test_completed_since_needs_a_closure_date_in_the_period() -> None:
    closed = replace(BASE, id="closed", state="closed", status="closed", closed_on=date(2025, 10, 24))
    early = replace(BASE, id="early", state="closed", status="closed", closed_on=date(2025, 1, 1))
    undated = replace(BASE, id="undated", state="closed", status="completed")
    assert completed_since([BASE, closed, early, undated], date(2025, 10, 1), date(2025, 11, 1)) == [closed]


def test_timeline_counts_open_and_closed_at_each_month_end() -> None:
    closed = replace(BASE, id="closed", state="closed", status="closed", opened_on=date(2025, 1, 10), closed_on=date(2025, 2, 15))
    late = replace(BASE, id="late", opened_on=date(2025, 3, 1))
    undated = replace(BASE, id="undated", state="closed", status="completed")
    result = timeline([BASE, closed, late, undated], date(2025, 3, 20))
    assert [(p.on, p.open, p.closed) for p in result.points] == [
        (date(2025, 1, 31), 2, 0),
        (date(2025, 2, 28), 1, 1),
        (date(2025, 3, 20), 2, 1),
    ]
    assert result.undated == 1


def test_ageing_bands_overdue_items_by_days() -> None:
    as_of = date(2026, 1, 1)
    late = [replace(BASE, due=as_of.replace(year=2025, month=12, day=d)) for d in (1, 31)] + [replace(BASE, due=date(2024, 1, 1))]
    assert ageing(late, as_of) == [("1–30 days", 1), ("31–90 days", 1), ("91–180 days", 0), ("181–365 days", 0), ("over 365 days", 1)]
