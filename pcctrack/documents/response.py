"""What the PCC's response document shows, built from one inspection's publishable view."""

from __future__ import annotations

from typing import Any

from pcctrack.documents.publishable import publishable
from pcctrack.models import Config, Finding, FindingKind, Inspection
from pcctrack.models.inspection import Addressee, InspectionType, ScrutinyMeeting
from pcctrack.rules import response as s55

KIND_LABELS = {
    FindingKind.CAUSE_OF_CONCERN: "Cause of concern",
    FindingKind.RECOMMENDATION: "Recommendation",
    FindingKind.AREA_FOR_IMPROVEMENT: "Area for improvement",
}

ADDRESSEES = {
    Addressee.FORCE: "the force",
    Addressee.HOME_OFFICE: "the Home Office",
    Addressee.DEPARTMENT_FOR_EDUCATION: "the Department for Education",
    Addressee.WELSH_GOVERNMENT: "the Welsh Government",
    Addressee.NATIONAL_CRIME_AGENCY: "the National Crime Agency",
    Addressee.NPCC: "the National Police Chiefs' Council",
    Addressee.COLLEGE_OF_POLICING: "the College of Policing",
    Addressee.HYDRANT_PROGRAMME: "the Hydrant Programme",
    Addressee.LAW_ENFORCEMENT_BODIES: "law enforcement bodies",
    Addressee.RMS_BUSINESS_USER_GROUPS: "record management system business user groups",
    Addressee.LOCAL_PARTNERS: "local partners",
}


def type_boxes(inspection: Inspection, force: str) -> list[dict[str, Any]]:
    """The form's 'Type of Inspection' boxes, each ticked or not."""
    labels = {
        InspectionType.FORCE_SPECIFIC: f"{force} specific",
        InspectionType.NATIONAL: "National",
        InspectionType.FOLLOW_UP: "Follow up",
        InspectionType.THEMATIC: "Thematic",
        InspectionType.PARTNER: "Partner inspection",
    }
    return [{"label": label, "ticked": kind in inspection.types} for kind, label in labels.items()]


def _finding(f: Finding, position: int) -> dict[str, Any]:
    """A finding's publishable view plus the wording the form uses for it."""
    view = publishable(f)
    number = f.number or str(position)
    view.update(
        label=f"{KIND_LABELS[f.kind]} {number}",
        numbered=f.number is not None,
        current_due=f.current_due,
        addressed_to=[ADDRESSEES[a] for a in f.addressees],
        is_forces=f.is_forces,
    )
    return view


def _groups(findings: list[Finding]) -> list[dict[str, Any]]:
    """Findings of one kind grouped by the report they were first issued in, in order."""
    groups: list[dict[str, Any]] = []
    for f in findings:
        if not groups or groups[-1]["origin"] != f.origin:
            groups.append({"origin": f.origin, "findings": []})
        groups[-1]["findings"].append(_finding(f, len(groups[-1]["findings"]) + 1))
    return groups


def _responses(groups: dict[FindingKind, list[dict[str, Any]]], inspection: Inspection) -> list[dict[str, Any]]:
    """The force's response to each finding that has one or that s.55 needs one for."""
    by_id = {f.id: f for f in inspection.findings}
    out = []
    for kind in FindingKind:
        for group in groups[kind]:
            for view in group["findings"]:
                finding = by_id[view["id"]]
                if finding.force_response or s55.needs_statement(finding):
                    out.append({
                        "finding": view,
                        "earlier": group["origin"] is not None,
                        "statement": s55.action_statement(finding),
                    })
    return out


def is_published_meeting(meeting: ScrutinyMeeting) -> bool:
    """Scrutiny meetings are public business; other meetings only when they have public content."""
    has_content = bool(meeting.purpose or meeting.evidence or meeting.outcome or meeting.next_steps)
    return meeting.kind == "scrutiny meeting" or has_content


def context(inspection: Inspection, config: Config, draft: bool) -> dict[str, Any]:
    """Everything the response templates may read: publishable data only."""
    groups = {
        kind: _groups([f for f in inspection.findings if f.kind is kind]) for kind in FindingKind
    }
    force = inspection.force or config.force
    return {
        "force": force,
        "commissioner": config.commissioner,
        "inspection": publishable(inspection),
        "types": type_boxes(inspection, force),
        "causes": groups[FindingKind.CAUSE_OF_CONCERN],
        "recommendations": groups[FindingKind.RECOMMENDATION],
        "improvements": groups[FindingKind.AREA_FOR_IMPROVEMENT],
        "responses": _responses(groups, inspection),
        "meetings": [publishable(m) for m in inspection.pcc_response.scrutiny if is_published_meeting(m)],
        "deadline": inspection.response_deadline,
        "draft": draft,
        "gaps": [g.message for g in s55.gaps(inspection)] if draft else [],
    }
