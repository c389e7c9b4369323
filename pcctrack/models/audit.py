"""An internal audit report and the management actions agreed in it."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema

from pcctrack.models.common import (
    Identifier,
    IsoDate,
    Record,
    Role,
    Tag,
    Text,
    TrackedItem,
    internal_field,
)


def _number_as_printed(value: object) -> object:
    """Whole numbers may be written bare (`number: 4`); anything else, such as 1.10, must be
    quoted, or YAML would read it as the decimal 1.1 and lose what the report printed."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise ValueError(f"write the number as the report prints it, in quotes (e.g. '{value}'), so YAML keeps it as text")
    return value


ActionNumber = Annotated[
    str,
    BeforeValidator(_number_as_printed),
    StringConstraints(min_length=1, max_length=20, strip_whitespace=True),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "minLength": 1, "maxLength": 20}]}),
]


class PriorityLevel(Record):
    """One level of an audit firm's own priority scale."""

    name: Text
    meaning: str | None = None


class AuditDates(Record):
    debrief: IsoDate | None = None
    draft_issued: IsoDate | None = None
    revised_draft_issued: IsoDate | None = None
    responses_received: IsoDate | None = None
    final_issued: IsoDate | None = None


class Theme(Record):
    """A heading from the audit's overview, with the auditor's text."""

    title: Text
    text: Text
    priority: str | None = None


class ControlSummary(Record):
    """The counts at the end of the report: controls not designed well or not complied with."""

    controls_reviewed: int = Field(ge=0)
    design_not_effective: int = Field(ge=0)
    non_compliance: int = Field(ge=0)


class Audit(Record):
    """The audit report itself; its actions live in files beside it."""

    id: Identifier
    auditor: Text
    reference: Text
    """The auditor's reference, e.g. '2.25/26'."""
    title: Text
    area: str | None = None
    financial_year: str | None = Field(default=None, pattern=r"^\d{4}/\d{2}$")
    """e.g. '2025/26' (the year starts on 1 April)."""
    report_status: str = "final"
    dates: AuditDates = Field(default_factory=AuditDates)
    priority_scale: list[PriorityLevel] = Field(min_length=1)
    """The firm's own scale, highest priority first; actions must use one of these names."""
    assurance_scale: list[Text] = Field(default_factory=list)
    """The firm's own assurance opinions, strongest first, e.g. Substantial, Reasonable,
    Partial, No assurance."""
    assurance: str | None = None
    """The report's assurance opinion, on `assurance_scale`; none for an advisory review."""
    superseded_by: Identifier | None = None
    """A later audit that replaces this one: this audit's actions then close as superseded on
    that audit's final issue date (carry one over as a new action in the later audit)."""
    restricted: bool = False
    """A report restricted to the PCC and the force: its actions' text is never published."""
    background: str | None = None
    conclusion: str | None = None
    themes: list[Theme] = Field(default_factory=list)
    effective_controls: list[Theme] = Field(default_factory=list)
    """Control areas the auditor found adequately designed and operating effectively."""
    control_summary: ControlSummary | None = None
    client_sponsor: list[Role] = Field(default_factory=list)
    distribution: list[Role] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    internal: list[Text] = internal_field("Notes for the office only; never published.")


class Assessment(Record):
    """The auditor's view of the control: design and compliance."""

    design: bool | None = None
    compliance: bool | None = None


class Action(TrackedItem):
    """One agreed management action."""

    audit: Identifier
    """Id of the audit report this action was agreed in."""
    number: ActionNumber
    """The action's number as the report prints it, e.g. '4', '1.1' or 'R3'."""
    priority: Text
    """A level from the audit's priority_scale."""
    action: Text
    """The action as agreed."""
    area: str | None = None
    control: str | None = None
    """The control the auditor examined."""
    assessment: Assessment | None = None
    finding: str | None = None
    """The finding and its implications that the action answers."""
