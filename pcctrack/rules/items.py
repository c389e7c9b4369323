"""One flat view of everything tracked, whatever record it lives in.

Findings, audit actions and the statutory responses all become `Item`s, so overdue lists,
roll-ups, reports and exports share one definition of 'open', 'due' and 'owner'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pcctrack.models import Action, Audit, Config, Finding, FindingKind, Inspection
from pcctrack.models.common import TrackedItem
from pcctrack.records import RecordSet, Sourced


class Source(StrEnum):
    INSPECTION = "inspection"
    AUDIT = "audit"
    RESPONSE = "response"


RESPONSE_KIND = "statutory-response"
ACTION_KIND = "management-action"
_KIND_RANK = {
    FindingKind.CAUSE_OF_CONCERN: 0,
    FindingKind.RECOMMENDATION: 1,
    FindingKind.AREA_FOR_IMPROVEMENT: 2,
}
_UNRANKED = 99


@dataclass(frozen=True)
class Item:
    """A tracked item as analysts see it."""

    id: str
    source: Source
    kind: str
    title: str
    owner: str | None
    priority: str | None
    priority_rank: int
    """Lower is more urgent; comparable within one scale, used only to break ties."""
    due: date | None
    """The current due date: the latest agreed one."""
    original_due: date | None
    revisions: int
    status: str
    confirmed_status: str | None
    """HMICFRS's confirmed status, where it differs in kind from the force's claim."""
    is_open: bool
    is_forces: bool
    """False for recommendations addressed only to other bodies."""
    record: str
    file: str
    tags: tuple[str, ...] = ()
    closed_on: date | None = None
    opened_on: date | None = None
    """When the item was issued (the report's publication or the audit's final issue), if known."""

    @property
    def effective_status(self) -> str:
        """HMICFRS's confirmed status where there is one, else the force's own."""
        return self.confirmed_status or self.status

    def days_overdue(self, as_of: date) -> int | None:
        """Days past the current due date (negative while it is still to come)."""
        return None if self.due is None else (as_of - self.due).days


def items(records: RecordSet) -> list[Item]:
    """Every tracked item in the record set, in file order."""
    return list(_items(records))


def _items(records: RecordSet) -> Iterator[Item]:
    config = records.config
    for s in records.inspections:
        for finding in s.model.findings:
            yield _finding(s, finding, config)
        if s.model.statutory_response:
            yield _response(s, config)
    audits = {a.model.id: a.model for a in records.audits}
    for s in records.actions:
        yield _action(s, audits.get(s.model.audit), config)


def _finding(s: Sourced[Inspection], f: Finding, config: Config) -> Item:
    effective = f.hmicfrs_status or f.status
    return Item(
        id=f.id,
        source=Source.INSPECTION,
        kind=f.kind.value,
        title=f.title or summarise(f.text),
        owner=_owner(config, f.owner),
        priority=None,
        priority_rank=_KIND_RANK[f.kind],
        due=f.current_due,
        original_due=f.due,
        revisions=len(f.revised_due),
        status=f.status.value,
        confirmed_status=f.hmicfrs_status.value if f.hmicfrs_status else None,
        is_open=f.closure is None and not effective.is_closing,
        is_forces=f.is_forces,
        record=s.model.id,
        file=s.path,
        tags=tuple(f.tags),
        closed_on=f.closure.date if f.closure else None,
        opened_on=s.model.published,
    )


def _response(s: Sourced[Inspection], config: Config) -> Item:
    inspection = s.model
    published = inspection.milestones.published
    return Item(
        id=f"{inspection.id}.response",
        source=Source.RESPONSE,
        kind=RESPONSE_KIND,
        title=f"PCC response: {inspection.title}",
        owner=_owner(config, inspection.milestones.owner),
        priority=None,
        priority_rank=0,
        due=inspection.response_deadline,
        original_due=inspection.response_deadline,
        revisions=0,
        status="published" if published else "unpublished",
        confirmed_status=None,
        is_open=published is None,
        is_forces=True,
        record=inspection.id,
        file=s.path,
        tags=tuple(inspection.tags),
        closed_on=published,
        opened_on=inspection.published,
    )


def _action(s: Sourced[Action], audit: Audit | None, config: Config) -> Item:
    a = s.model
    scale = [level.name for level in audit.priority_scale] if audit else []
    return Item(
        id=a.id,
        source=Source.AUDIT,
        kind=ACTION_KIND,
        title=summarise(a.action),
        owner=_owner(config, a.owner),
        priority=a.priority,
        priority_rank=scale.index(a.priority) if a.priority in scale else _UNRANKED,
        due=a.current_due,
        original_due=a.due,
        revisions=len(a.revised_due),
        status=a.status.value,
        confirmed_status=None,
        is_open=a.closure is None and not a.status.is_closing,
        is_forces=True,
        record=a.audit,
        file=s.path,
        tags=tuple(a.tags),
        closed_on=a.closure.date if a.closure else None,
        opened_on=audit.dates.final_issued if audit else None,
    )


def tracked_in(model: object) -> Iterator[tuple[tuple[str | int, ...], TrackedItem]]:
    """The findings or action inside one record, each with its place in the file."""
    if isinstance(model, Inspection):
        for i, finding in enumerate(model.findings):
            yield ("findings", i), finding
    elif isinstance(model, Action):
        yield (), model


def tracked(records: RecordSet) -> Iterator[tuple[str, tuple[str | int, ...], TrackedItem]]:
    """Every finding and audit action with its file and place: what `update` and checks address."""
    for s in (*records.inspections, *records.actions):
        for loc, item in tracked_in(s.model):
            yield s.path, loc, item


def _owner(config: Config, owner: str | None) -> str | None:
    if owner is None:
        return None
    return config.canonical_role(owner) or owner


def summarise(text: str, limit: int = 110) -> str:
    """The first sentence of a long text, short enough for a table cell."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    first = flat if end == -1 else flat[: end + 1]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"
