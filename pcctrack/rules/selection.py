"""Which items an analyst is asking about: overdue, falling due soon, filtered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pcctrack.rules.items import Item, Source


@dataclass(frozen=True)
class Filters:
    """The filters every listing command shares."""

    owner: str | None = None
    """Case-insensitive part of the owner role."""
    priority: str | None = None
    source: Source | None = None

    def accepts(self, item: Item) -> bool:
        if self.owner and (item.owner is None or self.owner.casefold() not in item.owner.casefold()):
            return False
        if self.priority and (item.priority or "").casefold() != self.priority.casefold():
            return False
        return self.source is None or item.source == self.source


def is_actionable(item: Item) -> bool:
    """Open work that is the force's (or the office's) to do and has a date to measure."""
    return item.is_open and item.is_forces and item.due is not None


def overdue(items: Iterable[Item], as_of: date, filters: Filters = Filters()) -> list[Item]:
    """Open items past their current due date, most overdue first, then by priority."""
    late = [i for i in items if is_actionable(i) and i.due < as_of and filters.accepts(i)]  # type: ignore[operator]
    return sort_by_urgency(late)


def due_within(items: Iterable[Item], as_of: date, days: int, filters: Filters = Filters()) -> list[Item]:
    """Open items falling due from ``as_of`` to ``days`` days after it, soonest first."""
    until = as_of + timedelta(days=days)
    soon = [i for i in items if is_actionable(i) and as_of <= i.due <= until and filters.accepts(i)]  # type: ignore[operator]
    return sort_by_urgency(soon)


def sort_by_urgency(items: Iterable[Item]) -> list[Item]:
    """Earliest due date first (so most days overdue), then priority, then id."""
    return sorted(items, key=lambda i: (i.due or date.max, i.priority_rank, i.id))
