"""One flat view of everything tracked, whatever record it lives in.

Findings, audit actions and the statutory responses all become `Item`s, so overdue lists,
roll-ups, reports and exports share one definition of 'open', 'due' and 'owner'.

It happens in two steps so that a cache can keep the first: `record_items` needs only one
record; `resolve` then applies what other records say (the owner roles declared in
pcctrack.yaml, each audit's priority scale). This module imports no models at run time, so
listing from the cache never pays for pydantic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from pcctrack.roles import role_index

if TYPE_CHECKING:
    from pcctrack.models import Action, Finding, Inspection
    from pcctrack.models.common import TrackedItem
    from pcctrack.records import RecordSet, Sourced


class Source(StrEnum):
    INSPECTION = "inspection"
    AUDIT = "audit"
    RESPONSE = "response"


RESPONSE_KIND = "statutory-response"
ACTION_KIND = "management-action"
_KIND_RANK = {"cause-of-concern": 0, "recommendation": 1, "area-for-improvement": 2}
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
    raw = [i for s in records.inspections for i in record_items(s)]
    raw += [i for s in records.actions for i in record_items(s)]
    return resolve(raw, records.config.roles, audit_facts(records))


def record_items(s: Sourced[Inspection] | Sourced[Action]) -> list[Item]:
    """The items one record holds, as far as that record alone can tell.

    Owners are as written, and audit actions are unranked and undated until `resolve` is
    given the declared roles and the audits' facts.
    """
    from pcctrack.models import Action  # already imported by whoever built the record

    if isinstance(s.model, Action):
        return [_action(s)]  # type: ignore[arg-type]
    inspection: Inspection = s.model  # type: ignore[assignment]
    out = [_finding(s, finding) for finding in inspection.findings]  # type: ignore[arg-type]
    if inspection.statutory_response:
        out.append(_response(s))  # type: ignore[arg-type]
    return out


AuditFacts = tuple[list[str], "date | None"]
"""What an action needs from its audit: the priority scale (highest first) and the date the
final report was issued (when the action was agreed)."""


def audit_facts(records: RecordSet) -> dict[str, AuditFacts]:
    """Each audit's facts by audit id (a later duplicate id wins)."""
    return {
        a.model.id: ([level.name for level in a.model.priority_scale], a.model.dates.final_issued)
        for a in records.audits
    }


def resolve(raw: Iterable[Item], roles: dict[str, list[str]] | None, audits: dict[str, AuditFacts]) -> list[Item]:
    """Items with owners mapped to their declared role, and actions ranked on their audit's
    scale and dated by its issue."""
    out = []
    index = role_index(roles)
    for item in raw:
        owner, rank, opened = resolved(item.kind, item.record, item.owner, item.priority, item.priority_rank, item.opened_on, index, audits)
        changed = (owner, rank, opened) != (item.owner, item.priority_rank, item.opened_on)
        out.append(dataclasses.replace(item, owner=owner, priority_rank=rank, opened_on=opened) if changed else item)
    return out


def resolved(
    kind: str,
    record: str,
    owner: str | None,
    priority: str | None,
    rank: int,
    opened: date | None,
    index: dict[str, str] | None,
    audits: dict[str, AuditFacts],
) -> tuple[str | None, int, date | None]:
    """An item's owner, priority rank and issue date once other records are known: `resolve`,
    field-wise, for a cache that builds items from stored values. ``index`` is
    `roles.role_index`'s."""
    if owner is not None and index is not None:
        owner = index.get(owner, owner)
    if kind == ACTION_KIND:
        scale, opened = audits.get(record, ([], None))
        rank = scale.index(priority) if priority in scale else _UNRANKED
    return owner, rank, opened


def _finding(s: Sourced[Inspection], f: Finding) -> Item:
    effective = f.hmicfrs_status or f.status
    return Item(
        id=f.id,
        source=Source.INSPECTION,
        kind=f.kind.value,
        title=f.title or summarise(f.text),
        owner=f.owner,
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


def _response(s: Sourced[Inspection]) -> Item:
    inspection = s.model
    published = inspection.milestones.published
    return Item(
        id=f"{inspection.id}.response",
        source=Source.RESPONSE,
        kind=RESPONSE_KIND,
        title=f"PCC response: {inspection.title}",
        owner=inspection.milestones.owner,
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


def _action(s: Sourced[Action]) -> Item:
    a = s.model
    return Item(
        id=a.id,
        source=Source.AUDIT,
        kind=ACTION_KIND,
        title=summarise(a.action),
        owner=a.owner,
        priority=a.priority,
        priority_rank=_UNRANKED,
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
    )


def tracked_in(model: object) -> Iterator[tuple[tuple[str | int, ...], TrackedItem]]:
    """The findings or action inside one record, each with its place in the file."""
    from pcctrack.models import Action, Inspection

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


def summarise(text: str, limit: int = 110) -> str:
    """The first sentence of a long text, short enough for a table cell."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    first = flat if end == -1 else flat[: end + 1]
    if len(first) <= limit:
        return first
    head = first[:limit]  # one character spare for the ellipsis, and to see where the word ends
    cut = head.rsplit(" ", 1)[0] if " " in head else head[:-1]
    return cut.rstrip(" ,;:-–") + "…"  # at a word boundary: never half a word
