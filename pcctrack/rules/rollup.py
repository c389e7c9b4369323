"""Roll-up counts: tracked items by status (or owner, source...) against priority.

The default view mirrors the table auditors print at the end of a report: counts by
priority, with totals, plus how many of each row are overdue.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pcctrack.rules.items import Item
from pcctrack.rules.selection import is_actionable

NONE_LABEL = "(none)"


class GroupBy(StrEnum):
    STATUS = "status"
    PRIORITY = "priority"
    OWNER = "owner"
    SOURCE = "source"
    RECORD = "record"
    TAG = "tag"


@dataclass(frozen=True)
class Row:
    key: str
    counts: dict[str, int]
    """Items per priority column."""
    total: int
    open: int
    overdue: int


@dataclass(frozen=True)
class Rollup:
    by: GroupBy
    columns: list[str]
    """Priority columns in scale order, then '(none)' for items without a priority."""
    rows: list[Row]
    totals: Row


def rollup(items: Iterable[Item], by: GroupBy, as_of: date) -> Rollup:
    """Count ``items`` grouped by ``by`` and split by priority."""
    items = list(items)
    columns = _priority_columns(items)
    groups: dict[str, list[Item]] = {}
    for item in items:
        for key in _keys(item, by):
            groups.setdefault(key, []).append(item)
    rows = [_row(key, group, columns, as_of) for key, group in sorted(groups.items(), key=_order)]
    return Rollup(by, columns, rows, _row("Total", items, columns, as_of))


def _order(entry: tuple[str, list[Item]]) -> tuple[bool, str]:
    return (entry[0] == NONE_LABEL, entry[0].casefold())


def _row(key: str, group: list[Item], columns: list[str], as_of: date) -> Row:
    counted = Counter(i.priority or NONE_LABEL for i in group)
    return Row(
        key=key,
        counts={c: counted.get(c, 0) for c in columns},
        total=len(group),
        open=sum(i.is_open for i in group),
        overdue=sum(is_actionable(i) and i.due < as_of for i in group),  # type: ignore[operator]
    )


def _priority_columns(items: list[Item]) -> list[str]:
    ranked: dict[str, int] = {}
    for item in items:
        if item.priority is not None:
            ranked.setdefault(item.priority, item.priority_rank)
    columns = sorted(ranked, key=lambda p: (ranked[p], p))
    if any(i.priority is None for i in items):
        columns.append(NONE_LABEL)
    return columns


def _keys(item: Item, by: GroupBy) -> Iterator[str]:
    if by is GroupBy.TAG:
        yield from item.tags or (NONE_LABEL,)
        return
    value = {
        GroupBy.STATUS: item.effective_status,
        GroupBy.PRIORITY: item.priority,
        GroupBy.OWNER: item.owner,
        GroupBy.SOURCE: item.source.value,
        GroupBy.RECORD: item.record,
    }[by]
    yield value or NONE_LABEL
