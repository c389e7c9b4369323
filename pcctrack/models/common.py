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
    """A due date moved by agreement. Committees ask for each one, with why and who."""

    date: IsoDate
    """The new due date."""
    reason: Text
    """Why the date moved."""
    agreed_by: Role
    """The role or body that agreed the new date, e.g. 'Audit Committee'."""
    agreed_on: IsoDate | None = None
    """When the revision was agreed, if known."""


class LogEntry(Record):
    """One progress update. The log is append-only: history is never rewritten."""

    date: IsoDate
    note: Text
    status: Status | None = None
    """The status the item moved to with this update, if it changed."""
    by: Role | None = None
    """The role that gave the update."""
    evidence: list[Text] = Field(default_factory=list)
    """References to evidence supplied with this update."""


class Closure(Record):
    """How and when an item was closed, and who confirmed it."""

    date: IsoDate
    status: Status
    confirmed_by: Role | None = None
    """e.g. 'HMICFRS revisit' or 'RSM follow-up audit'."""
    note: str | None = None


class TrackedItem(Record):
    """Fields every trackable item shares, whether an inspection finding or an audit action."""

    id: Identifier
    owner: Role | None = None
    """The role responsible for delivery."""
    due: IsoDate | None = None
    """The originally agreed date. Revisions go in revised_due, never here."""
    status: Status = Status.OPEN
    revised_due: list[RevisedDate] = Field(default_factory=list)
    """Every agreed change to the due date, oldest first."""
    log: list[LogEntry] = Field(default_factory=list)
    """Progress updates, oldest first. Append only."""
    evidence: list[Text] = Field(default_factory=list)
    closure: Closure | None = None
    related: list[Identifier] = Field(default_factory=list)
    """Ids of items in other records that answer the same concern."""
    tags: list[Tag] = Field(default_factory=list)
    internal: list[Text] = internal_field("Notes for the office only; never published.")

    @property
    def current_due(self) -> date | None:
        """The latest agreed due date: overdue is measured against this."""
        return self.revised_due[-1].date if self.revised_due else self.due
