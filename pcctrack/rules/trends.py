"""What changed over time: items closed since a date, and open against closed by month."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pcctrack.rules.items import Item


def completed_since(items: Iterable[Item], since: date, as_of: date) -> list[Item]:
    """Items closed (or responses published) from ``since`` to ``as_of``, most recent first.

    Only items with a recorded closure date can be placed in time; a closing status with no
    date is not reported as recent work.
    """
    done = [i for i in items if not i.is_open and i.closed_on is not None and since <= i.closed_on <= as_of]
    return sorted(done, key=lambda i: (-i.closed_on.toordinal(), i.id))  # type: ignore[union-attr]


@dataclass(frozen=True)
class Point:
    on: date
    open: int
    closed: int


@dataclass(frozen=True)
class Timeline:
    points: list[Point]
    undated: int
    """Items left out: closed with no recorded closure date, or with no known issue date."""


MAX_MONTHS = 24


def timeline(items: Iterable[Item], as_of: date) -> Timeline:
    """Open and closed counts at each month end since the first item was issued, and at ``as_of``.

    Derived from the dates in the records (issue date, closure date), not from their Git
    history: an item counts as open from the day it was issued until its closure date. At
    most the last MAX_MONTHS months are shown.
    """
    dated: list[Item] = []
    undated = 0
    for item in items:
        if item.opened_on is None or (not item.is_open and item.closed_on is None):
            undated += 1
        else:
            dated.append(item)
    first = min((i.opened_on for i in dated), default=as_of)  # type: ignore[type-var]
    months = min(MAX_MONTHS, (as_of.year - first.year) * 12 + as_of.month - first.month)  # type: ignore[union-attr]
    points = [_point(dated, day) for day in (*_month_ends(as_of, months), as_of)]
    return Timeline(points, undated)


def _point(items: list[Item], day: date) -> Point:
    issued = [i for i in items if i.opened_on <= day]  # type: ignore[operator]
    closed = sum(i.closed_on is not None and i.closed_on <= day for i in issued)
    return Point(day, len(issued) - closed, closed)


def _month_ends(as_of: date, months: int) -> list[date]:
    """The last day of each of the ``months`` months before ``as_of``'s month, oldest first."""
    ends = []
    cursor = as_of.replace(day=1) - timedelta(days=1)
    for _ in range(months):
        ends.append(cursor)
        cursor = cursor.replace(day=1) - timedelta(days=1)
    return ends[::-1]


AGEING_BANDS = ((1, 30), (31, 90), (91, 180), (181, 365), (366, None))
"""Days overdue, as committee packs band them."""


def ageing(overdue: Iterable[Item], as_of: date) -> list[tuple[str, int]]:
    """How many overdue items fall in each band of days overdue, youngest band first."""
    days = [i.days_overdue(as_of) or 0 for i in overdue]
    return [(_band_label(low, high), sum(low <= d and (high is None or d <= high) for d in days)) for low, high in AGEING_BANDS]


def _band_label(low: int, high: int | None) -> str:
    return f"{low}–{high} days" if high is not None else f"over {low - 1} days"
