"""Whether a response can be published as it stands: complete, or refused with every gap named.

A published response is a public letter. Police Act 1996 s.55 asks that, where HMICFRS makes
recommendations, the comments say what action has been or will be taken, or why none, and
that the PCC's own comments are there. The office's form asks more: the type boxes ticked,
whether the force is quoted, no text cut off, no heading with nothing under it, and every
scrutiny meeting already held reported with its outcome. Each rule here finds the places a
document would fall short; `render` refuses while any remain, and `--draft` marks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pcctrack.models import Finding, FindingKind, Inspection
from pcctrack.models.common import LogEntry
from pcctrack.models.inspection import ScrutinyMeeting

KIND_LABELS = {
    FindingKind.CAUSE_OF_CONCERN: "Cause of concern",
    FindingKind.RECOMMENDATION: "Recommendation",
    FindingKind.AREA_FOR_IMPROVEMENT: "Area for improvement",
}

SCRUTINY = "scrutiny meeting"


@dataclass(frozen=True)
class Gap:
    """Something a published response must hold and the record does not yet."""

    where: str
    """The place in the document: a finding's id, 'judgement:AREA', 'meeting-N' (N counts from
    1 among the meetings published), or a section: 'types', 'force_quoted', 'summary',
    'force_response', 'comments'."""
    message: str


def label(finding: Finding) -> str:
    """The finding's name as the report prints it: its kind, and its number only if printed."""
    kind = KIND_LABELS[finding.kind]
    return f"{kind} {finding.number}" if finding.number else kind


def force_position(finding: Finding) -> LogEntry | None:
    """The latest log entry in which a named role states the item's status, if any.

    The force's position is printed only from what someone said: a bare `status` field is
    the tracker's, and publishing it would put words in the force's mouth.
    """
    stated = [entry for entry in finding.log if entry.status is not None and entry.by]
    return stated[-1] if stated else None


def passage_found(inspection: Inspection, finding: Finding) -> bool:
    """Whether ``finding``'s quoted passage is word for word in the force's general response."""
    passage = " ".join((finding.general_response_passage or "").split())
    return bool(passage) and passage in " ".join((inspection.force_response or "").split())


def action_statement(inspection: Inspection, finding: Finding) -> str | None:
    """What the response says, in the force's words, about the action on ``finding``.

    The force's own response to the finding wins; then a passage of its general response
    that the record says covers it; then a status logged by a named role. Nothing else
    answers s.55: not a tracker status, not HMICFRS's national position.
    """
    if finding.force_response:
        return finding.force_response
    if passage_found(inspection, finding):
        return finding.general_response_passage
    position = force_position(finding)
    return position.note if position is not None else None


def needs_statement(finding: Finding) -> bool:
    """Only recommendations to the force need a statement of action under s.55."""
    return finding.kind is FindingKind.RECOMMENDATION and finding.is_forces


def is_published_meeting(meeting: ScrutinyMeeting) -> bool:
    """Scrutiny meetings are public business; other meetings only when they have public content."""
    has_content = bool(meeting.purpose or meeting.evidence or meeting.outcome or meeting.next_steps)
    return meeting.kind == SCRUTINY or has_content


def published_meetings(inspection: Inspection) -> list[ScrutinyMeeting]:
    """The meetings a published response reports, in the record's order."""
    return [m for m in inspection.pcc_response.scrutiny if is_published_meeting(m)]


def is_held(meeting: ScrutinyMeeting, response_date: date | None) -> bool | None:
    """Whether the response reports ``meeting`` as held (True) or scheduled (False).

    The response's own date decides where it is recorded: a meeting after it was still to
    come. Without that date, what the source states decides; None where it states neither.
    """
    if response_date is not None:
        return meeting.date <= response_date
    return meeting.held


def _finding_gaps(inspection: Inspection, finding: Finding) -> list[Gap]:
    name = f"{finding.id} ({label(finding)})"
    out = []
    if finding.truncated:
        out.append(Gap(finding.id, f"{name}: the source cuts its text off (truncated: true); add the full text from the report"))
    if finding.general_response_passage and not passage_found(inspection, finding):
        out.append(Gap(finding.id, f"{name}: general_response_passage is not word for word in the force's general force_response"))
    if needs_statement(finding) and action_statement(inspection, finding) is None:
        out.append(Gap(
            finding.id,
            f"{name}: a recommendation to the force with no force_response saying what action has been "
            "or will be taken, or why none",
        ))
    return out


def _meeting_gaps(inspection: Inspection) -> list[Gap]:
    out = []
    for n, meeting in enumerate(published_meetings(inspection), start=1):
        name = f"pcc_response.scrutiny: the {meeting.kind} of {meeting.date.isoformat()}"
        held = is_held(meeting, inspection.pcc_response.date)
        if held is None:
            out.append(Gap(f"meeting-{n}", f"{name}: record held: true or false, or the response's date (pcc_response.date)"))
        elif held and not meeting.outcome:
            out.append(Gap(f"meeting-{n}", f"{name} has been held but has no outcome: record what the PCC concluded"))
    return out


def gaps(inspection: Inspection, force: str = "the force") -> list[Gap]:
    """Everything that stops ``inspection``'s response being published, in document order."""
    found = []
    if not inspection.types:
        found.append(Gap("types", "types: no 'Type of inspection' box is ticked; record the boxes the form ticks"))
    if inspection.force_quoted is None:
        found.append(Gap("force_quoted", f"force_quoted: the form asks whether {force} is quoted in the report; record true or false"))
    if not (inspection.summary or "").strip():
        found.append(Gap("summary", "summary: the executive summary of the report is empty"))
    placed = {f.area for f in inspection.findings if f.area}
    for j in inspection.judgements:
        if not (j.grade or j.summary or j.main_findings or j.promising_practice or j.area in placed):
            found.append(Gap(f"judgement:{j.area}", f"judgements: '{j.area}' has nothing under its heading (no grade, summary or findings)"))
    for finding in inspection.findings:
        found += _finding_gaps(inspection, finding)
    if not inspection.force_response and not any(f.force_response for f in inspection.findings):
        found.append(Gap("force_response", "force_response: no response from the force is recorded; add the chief constable's comments"))
    if not inspection.pcc_response.comments:
        found.append(Gap("comments", "pcc_response.comments is empty: the PCC's own comments must be published"))
    return found + _meeting_gaps(inspection)
