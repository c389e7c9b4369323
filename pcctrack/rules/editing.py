"""What an edit changes, decided without touching a file: log entries, revised dates, new ids.

The progress log is append-only: an update adds one entry and may set the status or add a
revised due date beside it; it never rewrites what is already there. Every refusal here is
an `EditRefused` whose message says what to do instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pcctrack.choices import Status
from pcctrack.models.common import TrackedItem


class EditRefused(ValueError):
    """An edit that would break the record's rules; nothing is written."""


@dataclass(frozen=True)
class Revision:
    """A new agreed due date, with why it moved and who agreed it."""

    date: date
    reason: str
    agreed_by: str


@dataclass(frozen=True)
class UpdateRequest:
    """What the analyst asked `pcctrack update` to record, on the day ``date``."""

    date: date
    status: Status | None = None
    note: str | None = None
    revision: Revision | None = None
    evidence: tuple[str, ...] = ()
    verdict: Status | None = None
    """The verifier's verdict (HMICFRS, the follow-up audit), rather than the owner's claim."""
    by: str | None = None
    """Who gave the update or the verdict."""
    target: Revision | None = None
    """A target date the force set itself, with why and who set it."""

    @property
    def is_empty(self) -> bool:
        """Nothing for the log: no claim, verdict, note, date or evidence."""
        return (
            self.status is None and self.verdict is None and not self.note and self.revision is None
            and self.target is None and not self.evidence
        )


@dataclass(frozen=True)
class Change:
    """The edit to make: keys in the order they are written to the file."""

    log_entry: dict[str, Any]
    status: Status | None = None
    """The new status, or None when it stays as it is."""
    revised_due: dict[str, Any] | None = None
    target: dict[str, Any] | None = None
    summary: list[str] = field(default_factory=list)
    """One line per change, for the person who asked."""


def plan_update(item: TrackedItem, request: UpdateRequest, as_of: date, inspectorate_dated: bool = False) -> Change:
    """The log entry (and status, revised date or target) that records ``request`` against
    ``item``. ``inspectorate_dated`` items (findings) keep the inspectorate's date: the force
    sets its own target instead of revising it."""
    if request.is_empty:
        raise EditRefused(
            "nothing to record: give --status, --verdict, --note, --revise-due, --target, --evidence or --internal-note"
        )
    if request.date > as_of:
        raise EditRefused(f"the update is dated {request.date}, after {as_of}: updates cannot be in the future")
    if item.log and request.date < item.log[-1].date:
        raise EditRefused(
            f"the update is dated {request.date} but the latest log entry is dated "
            f"{item.log[-1].date}: the log stays in date order, so date this update "
            f"{item.log[-1].date} or later"
        )
    if request.status is not None and request.verdict is not None:
        raise EditRefused(
            "--status is the owner's claim and --verdict the verifier's: record them as two updates"
        )
    if request.verdict is not None and not (request.by or "").strip():
        raise EditRefused("a verdict needs --by: who gave it, e.g. --by HMICFRS or --by 'RSM follow-up audit'")
    if request.revision is not None and inspectorate_dated:
        raise EditRefused(
            "a finding's date is the inspectorate's and is never moved by the force: set the "
            "force's own target date with --target DATE --reason ... --agreed-by ..."
        )
    notes: list[str] = []
    current = item.status.value if item.status is not None else "open"
    new_status = request.status if request.status is not None and request.status != item.status else None
    if new_status is not None:
        notes.append(f"Status changed from {current} to {new_status}.")
    if request.verdict is not None:
        notes.append(f"Verdict: {request.verdict}.")
    revised = _revision(item, request) if request.revision is not None else None
    if revised is not None:
        notes.append(
            f"Due date revised from {item.current_due} to {revised['date']}: "
            f"{revised['reason']} (agreed by {revised['agreed_by']})."
        )
    target = _target(item, request) if request.target is not None else None
    if target is not None:
        notes.append(f"Target date set to {target['date']}: {target['reason']} (set by {target['agreed_by']}).")
    if request.evidence and not request.note and not notes:
        notes.append("Evidence supplied.")
    entry: dict[str, Any] = {"date": request.date}
    if new_status is not None:
        entry["status"] = new_status.value
    if request.verdict is not None:
        entry["verdict"] = request.verdict.value
    if request.by:
        entry["by"] = request.by.strip()
    entry["note"] = request.note or " ".join(notes)
    if request.evidence:
        entry["evidence"] = list(request.evidence)
    summary = [f"log entry {request.date}: {entry['note']}"]
    if new_status is not None:
        summary.append(f"status: {current} -> {new_status}")
    if request.verdict is not None:
        summary.append(f"verdict by {entry['by']}: {request.verdict}")
    if revised is not None:
        summary.append(f"due: {item.current_due} -> {revised['date']}")
    if target is not None:
        summary.append(f"target: {target['date']}")
    return Change(entry, new_status, revised, target, summary)


def _target(item: TrackedItem, request: UpdateRequest) -> dict[str, Any]:
    target = request.target
    assert target is not None
    if item.targets and item.targets[-1].date == target.date:
        raise EditRefused(f"the target is already {target.date}: nothing to change")
    if not target.reason.strip() or not target.agreed_by.strip():
        raise EditRefused("a target date needs both --reason and --agreed-by")
    return {"date": target.date, "reason": target.reason.strip(), "agreed_by": target.agreed_by.strip(), "set_on": request.date}


def _revision(item: TrackedItem, request: UpdateRequest) -> dict[str, Any]:
    revision = request.revision
    assert revision is not None
    if item.due is None:
        raise EditRefused(
            "there is no agreed due date to revise: record the original date as 'due' first"
        )
    if revision.date <= item.due:
        raise EditRefused(
            f"the revised due date {revision.date} is not after the original due date {item.due}"
        )
    if revision.date == item.current_due:
        raise EditRefused(f"it is already due on {revision.date}: nothing to revise")
    if not revision.reason.strip() or not revision.agreed_by.strip():
        raise EditRefused("a revised due date needs both --reason and --agreed-by")
    return {
        "date": revision.date,
        "reason": revision.reason.strip(),
        "agreed_by": revision.agreed_by.strip(),
        "agreed_on": request.date,
    }


_STATUS_AFTER = ["id", "text", "action", "owner", "lead", "due", "timescale", "national_status"]
PLACE_AFTER: dict[str, list[str]] = {
    "status": _STATUS_AFTER,
    "revised_due": [*_STATUS_AFTER, "status"],
    "targets": [*_STATUS_AFTER, "status", "revised_due"],
    "log": [*_STATUS_AFTER, "status", "revised_due", "targets"],
}
"""Where a key an item lacks is added: after the last of these it has (the bundled records'
order), so a first log entry lands beside the status it explains."""


def keys_before(model: type, name: str) -> list[str]:
    """The fields a model declares before ``name``: where a key a record lacks is added, so a
    new one lands where the model (and the bundled records) put it."""
    fields = list(model.model_fields)  # type: ignore[attr-defined]
    return fields[: fields.index(name)]
