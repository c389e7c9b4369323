"""An HMICFRS inspection report: its findings, the force's response and the PCC's."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from pydantic import Field

from pcctrack.models.common import (
    Identifier,
    IsoDate,
    Record,
    Role,
    Status,
    Tag,
    Text,
    TrackedItem,
    internal_field,
)

STATUTORY_PERIOD_DAYS = 56
"""Police Act 1996 s.55: publish within 56 days beginning with the day of publication."""


class InspectionType(StrEnum):
    """The boxes on the PCC's response form; several may apply."""

    FORCE_SPECIFIC = "force-specific"
    NATIONAL = "national"
    FOLLOW_UP = "follow-up"
    THEMATIC = "thematic"
    PARTNER = "partner"


class FindingKind(StrEnum):
    CAUSE_OF_CONCERN = "cause-of-concern"
    RECOMMENDATION = "recommendation"
    AREA_FOR_IMPROVEMENT = "area-for-improvement"


class Addressee(StrEnum):
    """Who a finding is addressed to. Only `force` makes it the force's own work."""

    FORCE = "force"
    HOME_OFFICE = "home-office"
    DEPARTMENT_FOR_EDUCATION = "department-for-education"
    WELSH_GOVERNMENT = "welsh-government"
    NATIONAL_CRIME_AGENCY = "national-crime-agency"
    NPCC = "npcc"
    COLLEGE_OF_POLICING = "college-of-policing"
    HYDRANT_PROGRAMME = "hydrant-programme"
    LAW_ENFORCEMENT_BODIES = "law-enforcement-bodies"
    RMS_BUSINESS_USER_GROUPS = "rms-business-user-groups"
    LOCAL_PARTNERS = "local-partners"


class Grade(StrEnum):
    """HMICFRS grades, best first."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires-improvement"
    INADEQUATE = "inadequate"


class Assurance(StrEnum):
    """The PCC's conclusion from a scrutiny meeting."""

    ASSURED = "assured"
    PARTLY_ASSURED = "partly-assured"
    NOT_ASSURED = "not-assured"


class Finding(TrackedItem):
    """A cause of concern, recommendation or area for improvement."""

    kind: FindingKind
    number: str | None = None
    """The report's own numbering, e.g. '2'."""
    title: str | None = None
    """A heading, where the report gives one."""
    text: Text
    """The finding's wording, as published."""
    addressees: list[Addressee] = Field(default_factory=lambda: [Addressee.FORCE], min_length=1)
    """Bodies the finding is addressed to; the force's work only if this includes 'force'."""
    timescale: str | None = None
    """The report's own words for timing when it gives no date, e.g. 'With immediate effect'."""
    national_status: Status | None = None
    """HMICFRS's status for a recommendation to every force, as a national or progress report
    prints it: the national position, never a verdict on this force (verdicts go in the log)."""
    superseded_by: Identifier | None = None
    """Id of a later finding that replaces this one."""
    origin: str | None = None
    """Where the finding was first issued, when not in this report."""
    force_response: str | None = None
    """The force's published response to this finding."""
    truncated: bool = False
    """True where the source document cuts the text off; nothing is filled in."""
    preamble: str | None = None
    """Published text the report prints just before this finding (a heading and its paragraph
    introducing the findings that follow), so a document keeps the report's order."""
    area: str | None = None
    """The graded area (a judgement's `area` in this inspection) the report places it under."""
    general_response_passage: str | None = None
    """Where the force answers this finding only in its general `force_response`: that passage,
    quoted exactly (e.g. a sentence covering several recommendations at once)."""

    @property
    def is_forces(self) -> bool:
        """Findings addressed only to other bodies are not the force's work."""
        return Addressee.FORCE in self.addressees


class Judgement(Record):
    """A graded (or deliberately ungraded) area of the report."""

    area: Text
    grade: Grade | None = None
    """None where HMICFRS makes no graded judgement, e.g. the victim service assessment."""
    summary: str | None = None
    main_findings_intro: str | None = None
    """The published sentence introducing the main findings, where the source has one."""
    main_findings: list[Text] = Field(default_factory=list)
    promising_practice: list[Text] = Field(default_factory=list)


class ScrutinyMeeting(Record):
    """A PCC scrutiny meeting or catch-up at which the inspection was considered."""

    date: IsoDate
    topic: str | None = None
    """The topic, where the source names one."""
    kind: str = "scrutiny meeting"
    held: bool | None = None
    """What the source states: true (held), false (scheduled, not yet held); None where it
    says neither, and the response's own date decides."""
    assurance: Assurance | None = None
    rescheduled_from: IsoDate | None = None
    purpose: list[Text] = Field(default_factory=list)
    """What the PCC sought to establish."""
    evidence_intro: str | None = None
    """The published sentences that introduce the evidence, where the source has them."""
    evidence: list[Text] = Field(default_factory=list)
    """What the force presented, as summarised for publication."""
    outcome: str | None = None
    next_steps: str | None = None
    internal: list[Text] = internal_field("Meeting notes for the office only; never published.")


class PccResponse(Record):
    date: IsoDate | None = None
    """The date of the response letter, where recorded."""
    comments: str | None = None
    """The PCC's published comments."""
    scrutiny: list[ScrutinyMeeting] = Field(default_factory=list)


class Milestones(Record):
    """The statutory response's dates, as on the form's 'For Office Use Only' box."""

    comments_requested: IsoDate | None = None
    """When the chief constable's comments were invited."""
    chief_constable_comments: IsoDate | None = None
    """When the chief constable's comments were received."""
    published: IsoDate | Literal[True] | None = None
    """When the response was published on the PCC's website; `true` where it was published
    but the date is not recorded (never overdue, unlike a response not yet published)."""
    forwarded_home_office: IsoDate | None = None
    """When the response was sent to the Home Secretary."""
    sent_hmicfrs: IsoDate | None = None
    """When a copy was sent to HMICFRS."""
    owner: Role = "Office of the PCC"
    """The role responsible for publishing the response."""


class Inspection(Record):
    """One HMICFRS report and everything the office tracks about it."""

    id: Identifier
    title: Text
    published: IsoDate
    """The date HMICFRS published the report: the statutory clock starts here."""
    inspectorate: str = "HMICFRS"
    programme: str | None = None
    """e.g. 'PEEL', 'National Child Protection Inspection'."""
    force: str | None = None
    """The force inspected; defaults to the one named in pcctrack.yaml."""
    types: list[InspectionType] = Field(default_factory=list)
    """The form's ticked boxes; empty where the source's boxes are unmarked."""
    force_quoted: bool | None = None
    """Whether the force is quoted in the report; null where the source does not say."""
    link: str | None = None
    summary: str | None = None
    """The executive summary, as published in the PCC's response."""
    judgements: list[Judgement] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    force_response: str | None = None
    """The force's general response to the report."""
    force_response_end: str | None = None
    """The force's closing words, after its responses to each finding, as the source orders them."""
    pcc_response: PccResponse = Field(default_factory=PccResponse)
    statutory_response: bool = True
    """Whether a section 55 response is due for this report."""
    milestones: Milestones = Field(default_factory=Milestones)
    tags: list[Tag] = Field(default_factory=list)
    internal: list[Text] = internal_field("Notes for the office only; never published.")

    @property
    def response_deadline(self) -> date:
        """The last day of the 56-day period that begins on the day of publication."""
        return self.published + timedelta(days=STATUTORY_PERIOD_DAYS - 1)
