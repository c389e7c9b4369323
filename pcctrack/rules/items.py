"""One flat view of everything tracked, whatever record it lives in.

Findings, audit actions and the statutory responses all become `Item`s, so overdue lists,
roll-ups, reports and exports share one definition of 'open', 'due' and 'owner'.

It happens in two steps so that a cache can keep the first: `record_items` needs only one
record; `resolve` then applies what other records and the office's settings say (the owner
roles declared in pcctrack.yaml, each audit's priority scale and dates, who closes what) and
settles each item's history into where it stands (`rules.ledger`). This module imports no
models at run time, so listing from the cache never pays for pydantic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pcctrack.dates import iso
from pcctrack.roles import role_index
from pcctrack.rules import ledger

if TYPE_CHECKING:
    from pcctrack.models import Action, Audit, Finding, Inspection
    from pcctrack.models.common import TrackedItem
    from pcctrack.records import RecordSet, Sourced


class Source(StrEnum):
    INSPECTION = "inspection"
    AUDIT = "audit"
    RESPONSE = "response"


RESPONSE_KIND = ledger.RESPONSE_KIND
ACTION_KIND = ledger.ACTION_KIND
_KIND_RANK = {"cause-of-concern": 0, "recommendation": 1, "area-for-improvement": 2}
_UNRANKED = 99


@dataclass(frozen=True)
class Item:
    """A tracked item as analysts see it.

    `record_items` fills what one record says; `resolve` adds what needs other records and the
    office's settings (declared roles, the audits' scales and dates, who closes what), and
    settles the item's events into its standing. `ledger.at` replays it for an earlier day.
    """

    id: str
    source: Source
    kind: str
    title: str
    text: str
    """The item's whole wording, for exports and documents; `title` is what a table shows."""
    owner: str | None
    lead: str | None
    """The executive lead, where one is named beside the delivery owner."""
    priority: str | None
    priority_rank: int
    """Lower is more urgent; comparable within one scale, used only to break ties."""
    due: date | None
    """The current deadline: the inspectorate's date (or the one its timing words set), the
    latest agreed date of an audit action, or the statutory deadline of a response."""
    original_due: date | None
    revisions: int
    target: date | None
    """The force's own current target date, if it set one."""
    status: str | None
    """The owner's latest claim; None where the source states none."""
    confirmed_status: str | None
    """The verifier's latest verdict (HMICFRS, or internal audit's follow-up)."""
    national_status: str | None
    """HMICFRS's national position on a recommendation to every force (not a verdict)."""
    state: str
    """open, awaiting-verification or closed: see `rules.ledger`."""
    closed_on: date | None
    claimed_on: date | None
    """When the owner claimed completion (for items awaiting verification)."""
    closed_by: str
    """Whose word closes it: 'owner', or the verifier who must confirm the owner's claim."""
    is_forces: bool
    """False for findings addressed only to other bodies: counted apart, for information."""
    national: bool
    """A finding of a national or thematic report, addressed to every force."""
    record: str
    file: str
    tags: tuple[str, ...]
    addressees: tuple[str, ...]
    opened_on: date | None
    """When the item was issued (the report's publication or the audit's final issue), if known."""
    latest_on: date | None
    latest_note: str | None
    """The latest log entry's date and text."""
    events: tuple[ledger.Event, ...]
    """The item's dated history, oldest first (see `rules.ledger`)."""
    settled_on: date | None
    """The day of its last dated event."""
    restricted: bool = False
    """An action of an audit restricted to the PCC and the force: its text is never published."""

    @property
    def is_open(self) -> bool:
        """Ordinary open work: not closed and not awaiting verification."""
        return self.state == ledger.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == ledger.CLOSED

    @property
    def awaiting(self) -> bool:
        return self.state == ledger.AWAITING

    @property
    def effective_status(self) -> str:
        """The word that best says where the item stands: the verdict, else the claim, else
        its state."""
        if self.state == ledger.AWAITING:
            return ledger.AWAITING
        return self.confirmed_status or self.status or self.state

    def days_overdue(self, as_of: date) -> int | None:
        """Days past the current deadline, for open work only; None when it is not overdue."""
        if not self.is_open or self.due is None or self.due >= as_of:
            return None
        return (as_of - self.due).days

    def days_behind_target(self, as_of: date) -> int | None:
        """Days past the force's own target, for open work only; None when not behind it."""
        if not self.is_open or self.target is None or self.target >= as_of:
            return None
        return (as_of - self.target).days

    def days_left(self, as_of: date) -> int | None:
        """Days until the deadline (or, with none, the target) for open work not yet late."""
        when = self.due if self.due is not None else self.target
        if not self.is_open or when is None or when < as_of:
            return None
        return (when - as_of).days

    def days_late(self) -> int | None:
        """For a closed item, how many days after its deadline it closed (None if on time)."""
        if self.closed_on is None or self.due is None or self.closed_on <= self.due:
            return None
        return (self.closed_on - self.due).days

    def age_days(self, as_of: date) -> int | None:
        """Days since the item was issued."""
        return None if self.opened_on is None else (as_of - self.opened_on).days

    def days_waiting(self, as_of: date) -> int | None:
        """Days an owner's claim of completion has waited for its verifier."""
        return None if not self.awaiting or self.claimed_on is None else (as_of - self.claimed_on).days

    @property
    def undated(self) -> bool:
        """Open force work with neither a deadline nor a target: the most dangerous kind."""
        return self.is_open and self.is_forces and self.due is None and self.target is None


def items(records: RecordSet) -> list[Item]:
    """Every tracked item in the record set, in file order."""
    raw = [i for s in records.inspections for i in record_items(s)]
    raw += [i for s in records.actions for i in record_items(s)]
    config = records.config
    policy = ledger.Policy.from_settings(config.verification.model_dump(), config.undated_warning_days)
    return resolve(raw, config.roles, audit_facts(records), policy)


def record_items(s: Sourced[Inspection] | Sourced[Action]) -> list[Item]:
    """The items one record holds, as far as that record alone can tell.

    Owners are as written, audit actions are unranked and undated, and nothing is settled,
    until `resolve` is given the declared roles, the audits' facts and the office's policy.
    """
    from pcctrack.models import Action  # already imported by whoever built the record

    if isinstance(s.model, Action):
        return [_action(s)]  # type: ignore[arg-type]
    inspection: Inspection = s.model  # type: ignore[assignment]
    out = [_finding(s, finding) for finding in inspection.findings]  # type: ignore[arg-type]
    if inspection.statutory_response:
        out.append(_response(s))  # type: ignore[arg-type]
    return out


@dataclass(frozen=True)
class AuditFacts:
    """What an action needs from its audit."""

    scale: list[str]
    """The priority scale, highest first."""
    issued: date | None
    """When the final report was issued (when the action was agreed)."""
    superseded: bool = False
    superseded_on: date | None = None
    """When a later audit replaced it (that audit's final issue), if it did and that is known."""
    restricted: bool = False


def audit_facts(records: RecordSet) -> dict[str, AuditFacts]:
    """Each audit's facts by audit id (a later duplicate id wins)."""
    issued = {a.model.id: a.model.dates.final_issued for a in records.audits}
    return {
        a.model.id: AuditFacts(
            [level.name for level in a.model.priority_scale],
            a.model.dates.final_issued,
            a.model.superseded_by is not None,
            issued.get(a.model.superseded_by) if a.model.superseded_by else None,
            a.model.restricted,
        )
        for a in records.audits
    }


def resolve(
    raw: Iterable[Item],
    roles: dict[str, list[str]] | None,
    audits: dict[str, AuditFacts],
    policy: ledger.Policy = ledger.Policy(),
) -> list[Item]:
    """Items with owners mapped to their declared roles, actions ranked on their audit's scale
    and dated by its issue, and every item settled under the office's policy."""
    index = role_index(roles)
    return [dataclasses.replace(item, **resolved(item, index, audits, policy)) for item in raw]


def resolved(item: Item, index: dict[str, str] | None, audits: dict[str, AuditFacts], policy: ledger.Policy) -> dict[str, Any]:
    """The fields of ``item`` that other records and the policy decide. ``index`` is
    `roles.role_index`'s."""
    owner, lead, rank, opened, events = item.owner, item.lead, item.priority_rank, item.opened_on, item.events
    restricted = False
    if index is not None:
        owner = index.get(owner, owner) if owner is not None else None
        lead = index.get(lead, lead) if lead is not None else None
    if item.kind == ACTION_KIND:
        facts = audits.get(item.record)
        scale = facts.scale if facts else []
        rank = scale.index(item.priority) if item.priority in scale else _UNRANKED
        opened = facts.issued if facts else None
        restricted = facts.restricted if facts else False
        if facts is not None and facts.superseded:
            on = facts.superseded_on.isoformat() if facts.superseded_on else None
            events = (*events, (on, ledger.VERDICT, "superseded"))
    closed_by = policy.closed_by(item.kind, item.national, item.priority)
    s = ledger.settle(events, closed_by == ledger.OWNER, item.original_due)
    return {
        "owner": owner,
        "lead": lead,
        "priority_rank": rank,
        "opened_on": opened,
        "events": events,
        "settled_on": ledger.settled_on(events),
        "closed_by": closed_by,
        "restricted": restricted,
        **ledger.standing_fields(s, item.kind),
    }


def _history(item: TrackedItem) -> tuple[ledger.Event, ...]:
    """The item's events, oldest first: an unlogged status counts from the item's issue."""
    events: list[ledger.Event] = []
    if item.status is not None and not any(e.status is not None for e in item.log):
        events.append((None, ledger.CLAIM, item.status.value))
    for rev in item.revised_due:
        events.append((iso(rev.agreed_on), ledger.REVISED, rev.date.isoformat()))
    for target in item.targets:
        events.append((iso(target.set_on), ledger.TARGET, target.date.isoformat()))
    for entry in item.log:
        if entry.status is not None:
            events.append((entry.date.isoformat(), ledger.CLAIM, entry.status.value))
        if entry.verdict is not None:
            events.append((entry.date.isoformat(), ledger.VERDICT, entry.verdict.value))
    events.sort(key=lambda e: e[0] or "")  # stable: undated first, then by day, log order kept
    return tuple(events)


def _latest(item: TrackedItem) -> dict[str, Any]:
    last = item.log[-1] if item.log else None
    return {"latest_on": last.date if last else None, "latest_note": last.note if last else None}


def _finding(s: Sourced[Inspection], f: Finding) -> Item:
    inspection = s.model
    due = f.due if f.due is not None else ledger.due_from_timescale(f.timescale, inspection.published)
    national = _is_national(inspection)
    return Item(
        id=f.id,
        source=Source.INSPECTION,
        kind=f.kind.value,
        title=f.title or summarise(f.text),
        text=" ".join(f.text.split()),
        owner=f.owner,
        lead=f.lead,
        priority=None,
        priority_rank=_KIND_RANK[f.kind],
        due=due,
        original_due=due,
        revisions=0,
        target=None,
        status=f.status.value if f.status else None,
        confirmed_status=None,
        national_status=f.national_status.value if f.national_status else None,
        state=ledger.OPEN,
        closed_on=None,
        claimed_on=None,
        closed_by="",
        is_forces=f.is_forces,
        national=national,
        record=inspection.id,
        file=s.path,
        tags=tuple(f.tags),
        addressees=tuple(a.value for a in f.addressees),
        opened_on=inspection.published,
        events=_history(f),
        settled_on=None,
        **_latest(f),
    )


def _is_national(inspection: Inspection) -> bool:
    """A national or thematic report on every force, rather than one on this force."""
    kinds = {t.value for t in inspection.types}
    return bool(kinds & {"national", "thematic"}) and "force-specific" not in kinds


def _response(s: Sourced[Inspection]) -> Item:
    inspection = s.model
    published = inspection.milestones.published
    events: tuple[ledger.Event, ...] = ()
    if published is not None:
        events = ((None if published is True else published.isoformat(), ledger.PUBLISHED, None),)
    return Item(
        id=f"{inspection.id}.response",
        source=Source.RESPONSE,
        kind=RESPONSE_KIND,
        title=f"PCC response: {inspection.title}",
        text=f"The PCC's response to {inspection.title}",
        owner=inspection.milestones.owner,
        lead=None,
        priority=None,
        priority_rank=0,
        due=inspection.response_deadline,
        original_due=inspection.response_deadline,
        revisions=0,
        target=None,
        status="unpublished",
        confirmed_status=None,
        national_status=None,
        state=ledger.OPEN,
        closed_on=None,
        claimed_on=None,
        closed_by="",
        is_forces=True,
        national=False,
        record=inspection.id,
        file=s.path,
        tags=tuple(inspection.tags),
        addressees=(),
        opened_on=inspection.published,
        latest_on=None,
        latest_note=None,
        events=events,
        settled_on=None,
    )


def _action(s: Sourced[Action]) -> Item:
    a = s.model
    return Item(
        id=a.id,
        source=Source.AUDIT,
        kind=ACTION_KIND,
        title=summarise(a.action),
        text=" ".join(a.action.split()),
        owner=a.owner,
        lead=a.lead,
        priority=a.priority,
        priority_rank=_UNRANKED,
        due=a.current_due,
        original_due=a.due,
        revisions=len(a.revised_due),
        target=None,
        status=a.status.value if a.status else None,
        confirmed_status=None,
        national_status=None,
        state=ledger.OPEN,
        closed_on=None,
        claimed_on=None,
        closed_by="",
        is_forces=True,
        national=False,
        record=a.audit,
        file=s.path,
        tags=tuple(a.tags),
        addressees=(),
        opened_on=None,
        events=_history(a),
        settled_on=None,
        **_latest(a),
    )


def known_as(report: Inspection | Audit) -> str:
    """The title a report is known by beside its items: an audit's with its reference, as the
    firm's reports are cited."""
    reference = getattr(report, "reference", None)
    return f"{report.title} ({reference})" if reference else report.title


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
    """The first sentence of a long text, short enough for a table cell, never cut mid-word:
    a longer sentence ends at the last whole word that fits, with an ellipsis."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    first = flat if end == -1 else flat[: end + 1]
    if len(first) <= limit:
        return first
    head = first[:limit]  # one character spare for the ellipsis, and to see where the word ends
    cut = head.rsplit(" ", 1)[0] if " " in head else head[:-1]
    return cut.rstrip(" ,;:-–") + "…"  # at a word boundary: never half a word
