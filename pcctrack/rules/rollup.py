"""Roll-up counts: tracked items by status (or owner, source...) against priority.

The default view mirrors the table auditors print at the end of a report: counts by
priority, with totals, plus how many of each row are open, awaiting verification, overdue and
without any date. Only the force's own work is counted: findings addressed only to other
bodies are reported apart, for information, never in the force's figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pcctrack.rules.items import Item
from pcctrack.rules.selection import is_late

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
    awaiting: int
    """Claimed complete, waiting for the verifier."""
    overdue: int
    """Past the deadline or behind the force's own target."""
    undated: int
    """Open with neither a deadline nor a target date."""


@dataclass(frozen=True)
class Rollup:
    by: GroupBy
    columns: list[str]
    """Priority columns in scale order, then '(none)' for items without a priority."""
    rows: list[Row]
    totals: Row
    others: int = 0
    """Findings addressed only to other bodies: for information, not counted above."""


def rollup(items: Iterable[Item], by: GroupBy, as_of: date, scales: dict[str, list[str]] | None = None) -> Rollup:
    """Count ``items`` grouped by ``by`` and split by priority.

    Given each audit's priority scale (``scales``, by audit id), priorities follow their own
    firm's scale, highest first, each scale whole (a level with no items is still a row or
    column): two firms' scales are never sorted together.
    """
    everything = list(items)
    items = [i for i in everything if i.is_forces]
    levels, level_of = _levels(items, scales)
    columns = levels if by is not GroupBy.PRIORITY else []
    groups: dict[str, list[Item]] = {level: [] for level in levels} if by is GroupBy.PRIORITY and scales is not None else {}
    for item in items:
        for key in (level_of(item),) if by is GroupBy.PRIORITY else _keys(item, by):
            groups.setdefault(key, []).append(item)
    if by is GroupBy.PRIORITY and scales is not None:
        ordered = sorted(groups.items(), key=lambda entry: levels.index(entry[0]))
    else:
        ordered = sorted(groups.items(), key=_by_rank if by is GroupBy.PRIORITY else _order)
    rows = [_row(key, group, columns, as_of, level_of) for key, group in ordered]
    return Rollup(by, columns, rows, _row("Total", items, columns, as_of, level_of), len(everything) - len(items))


def _order(entry: tuple[str, list[Item]]) -> tuple[bool, str]:
    return (entry[0] == NONE_LABEL, entry[0].casefold())


def _by_rank(entry: tuple[str, list[Item]]) -> tuple[bool, int, str]:
    """Priorities in their scale's order (highest first), not alphabetically."""
    return (entry[0] == NONE_LABEL, min(i.priority_rank for i in entry[1]), entry[0].casefold())


def _row(key: str, group: list[Item], columns: list[str], as_of: date, level_of: Callable[[Item], str]) -> Row:
    counted = Counter(level_of(i) for i in group)
    return Row(
        key=key,
        counts={c: counted.get(c, 0) for c in columns},
        total=len(group),
        open=sum(i.is_open for i in group),
        awaiting=sum(i.awaiting for i in group),
        overdue=sum(is_late(i, as_of) for i in group),
        undated=sum(i.undated for i in group),
    )


def _levels(items: list[Item], scales: dict[str, list[str]] | None) -> tuple[list[str], Callable[[Item], str]]:
    """The priority levels in order, and the level each item counts under.

    Without the scales, the levels the items use, by rank. With them, each distinct scale in
    turn, whole and in its own order; a level name two different scales share is told apart
    by the audits that use each ("High (rsm-2526)"). Then any level off its audit's scale
    (a record `validate` refuses), then '(none)'.
    """
    if scales is None:
        return _priority_columns(items), lambda i: i.priority or NONE_LABEL
    audits_by_scale: dict[tuple[str, ...], list[str]] = {}
    for audit, scale in scales.items():
        audits_by_scale.setdefault(tuple(scale), []).append(audit)
    shared = Counter(level for scale in audits_by_scale for level in scale)
    label = {
        (scale, level): level if shared[level] == 1 else f"{level} ({', '.join(audits)})"
        for scale, audits in audits_by_scale.items()
        for level in scale
    }

    def level_of(item: Item) -> str:
        if item.priority is None:
            return NONE_LABEL
        return label.get((tuple(scales.get(item.record, ())), item.priority), item.priority)

    levels = list(label.values())
    levels += sorted({level_of(i) for i in items} - set(levels) - {NONE_LABEL})
    if any(i.priority is None for i in items):
        levels.append(NONE_LABEL)
    return levels, level_of


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
