"""Building blocks shared by every record type: dates, statuses, logs, revisions.

The vocabulary here is the one HMICFRS and internal auditors use; values are lower-case
and hyphenated so they can be typed on a command line and matched by scripts.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic.fields import FieldInfo

from pcctrack.choices import Status
from pcctrack.dates import out_of_range
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_iso_date(value: object) -> object:
    """Accept only real ISO dates, so a typo is reported rather than guessed at.

    The YAML layer hands dates over as text; parsing them here means an impossible date
    such as 2025-02-30 becomes an ordinary validation error with a line and column.
    """
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise ValueError(f"expected a date written YYYY-MM-DD (e.g. 2025-08-31), got {shown}")
    text = value.strip()
    if not _ISO_DATE.match(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD (e.g. 2025-08-31)")
    try:
        parsed = date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{text} is not a real date ({exc}); write a real YYYY-MM-DD date") from None
    if (refused := out_of_range(parsed)) is not None:
        raise ValueError(refused)
    return parsed


IsoDate = Annotated[date, BeforeValidator(_parse_iso_date)]
"""A calendar date written YYYY-MM-DD in YAML."""

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*$", max_length=120),
    Field(description="Lower-case identifier, unique across all records: letters, digits, '.' and '-'."),
]
"""Ids are referenced across records and typed on command lines, hence the narrow alphabet."""

Role = Annotated[
    str,
    StringConstraints(min_length=2, max_length=200, strip_whitespace=True),
    Field(description="A role, never a person's name, e.g. 'PVP Hub Manager'."),
]

Tag = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)?$"),
    Field(description="A tag declared in pcctrack.yaml, e.g. 'strand:missing-persons'."),
]

Text = Annotated[str, StringConstraints(min_length=1)]


class Record(BaseModel):
    """Base for every YAML-backed model: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True, defer_build=True)
    """Validators are built on first use, so a run that reads one action file builds only the
    action's: most runs read only the files that changed since the cache was written."""


INTERNAL = {"internal": True}
"""json_schema_extra marker for fields that must never reach a published document."""


def is_internal(field: FieldInfo) -> bool:
    """True for fields marked for the office only: every publishing path asks this one question."""
    extra = field.json_schema_extra
    return isinstance(extra, dict) and extra.get("internal") is True


def internal_field(description: str) -> object:
    """A notes field that the publishing layer strips before any template sees the record."""
    return Field(default_factory=list, description=description, json_schema_extra=INTERNAL)


class RevisedDate(Record):
    """An agreed due date moved by agreement. Committees ask for each one, with why and who."""

    date: IsoDate
    """The new due date."""
    reason: Text
    """Why the date moved."""
    agreed_by: Role
    """The role or body that agreed the new date, e.g. 'Audit Committee'."""
    agreed_on: IsoDate | None = None
    """When the revision was agreed. Replaying the tracker as of an earlier day needs it; a
    revision without it counts from the day the item was issued."""


class TargetDate(Record):
    """A target date the force set itself. It never moves the inspectorate's own date: late
    against the force's target and overdue against HMICFRS's date are told apart."""

    date: IsoDate
    """The target date."""
    reason: Text
    """Why this target (or why it moved)."""
    agreed_by: Role
    """The role or board that set it, e.g. 'GAIN Board'."""
    set_on: IsoDate | None = None
    """When the target was set. Without it, it counts from the day the item was issued."""


class LogEntry(Record):
    """One dated event in an item's life. The log is append-only: history is never rewritten.

    Each entry speaks with one voice: the owner's (`status`, a claim of progress or
    completion) or the verifier's (`verdict`: HMICFRS at a revisit, the internal auditor at a
    follow-up). An item closes only when its closing authority says so.
    """

    date: IsoDate
    note: Text
    status: Status | None = None
    """The status the owner (the force, or management) moved the item to with this update."""
    verdict: Status | None = None
    """The verifier's verdict on this date, e.g. 'closed' after an HMICFRS revisit, or
    'partly-implemented' from a follow-up audit. Give `by` with it."""
    by: Role | None = None
    """Who gave the update or the verdict, e.g. 'GAIN Board', 'HMICFRS', 'RSM follow-up audit'."""
    evidence: list[Text] = Field(default_factory=list)
    """References to evidence supplied with this update."""


class TrackedItem(Record):
    """Fields every trackable item shares, whether an inspection finding or an audit action."""

    id: Identifier
    owner: Role | None = None
    """The role responsible for delivery (the delivery lead)."""
    lead: Role | None = None
    """The executive lead, where the source names one beside the delivery owner."""
    due: IsoDate | None = None
    """The date set when the item was issued: the inspectorate's date for a finding, the
    originally agreed date for an audit action. Revisions go in revised_due, never here."""
    status: Status | None = None
    """The owner's latest claim. Left out where the source states no status: the item is open
    until its closing authority closes it."""
    revised_due: list[RevisedDate] = Field(default_factory=list)
    """Every agreed change to an audit action's date, oldest first. An inspectorate's date is
    never revised: the force sets its own `targets` instead."""
    targets: list[TargetDate] = Field(default_factory=list)
    """The force's own target dates, oldest first: for items the inspectorate gave no date,
    or to aim earlier than its date."""
    log: list[LogEntry] = Field(default_factory=list)
    """Progress updates and verdicts, oldest first. Append only."""
    evidence: list[Text] = Field(default_factory=list)
    related: list[Identifier] = Field(default_factory=list)
    """Ids of items in other records that answer the same concern."""
    tags: list[Tag] = Field(default_factory=list)
    internal: list[Text] = internal_field("Notes for the office only; never published.")

    @property
    def current_due(self) -> date | None:
        """The latest agreed due date: overdue is measured against this."""
        return self.revised_due[-1].date if self.revised_due else self.due
