"""What the PCC's response document shows, built from one inspection's publishable view.

The document follows the office's published form: the report's title, the inspection
details, the executive summary, the findings where the report puts them (areas for
improvement under their graded area), the force's response in the source's order, the PCC's
comments and scrutiny, a sign-off and the office box. Only what the records hold is printed:
a field without a value is left out, never shown as "not recorded".
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pcctrack.documents.publishable import publishable
from pcctrack.models import Config, Finding, FindingKind, Inspection
from pcctrack.models.inspection import InspectionType
from pcctrack.rules import response as s55

SECTION_TITLES = {
    FindingKind.CAUSE_OF_CONCERN: "Causes of concern",
    FindingKind.RECOMMENDATION: "Recommendations",
    FindingKind.AREA_FOR_IMPROVEMENT: "Areas for improvement",
}

EARLIER = "from original report"
"""How the sources label a finding carried over from an earlier report."""


def type_boxes(inspection: Inspection, force: str) -> list[dict[str, Any]]:
    """The form's 'Type of Inspection' boxes, each ticked or not, labelled as on the form."""
    labels = {
        InspectionType.FORCE_SPECIFIC: f"{force.removesuffix(' Police')} Specific",
        InspectionType.NATIONAL: "National",
        InspectionType.FOLLOW_UP: "Follow Up",
        InspectionType.THEMATIC: "Thematic",
        InspectionType.PARTNER: "Partner Inspection",
    }
    return [{"label": label, "ticked": kind in inspection.types} for kind, label in labels.items()]


def _national_status(finding: Finding) -> str | None:
    """HMICFRS's status as printed in a national progress report, once the model carries it."""
    value = getattr(finding, "national_status", None)
    return None if value is None else getattr(value, "value", value)


def _heading(f: Finding) -> str:
    """A titled finding goes by its title, as the reports print it; a numbered one keeps its number."""
    if f.title:
        return f"{s55.label(f)}: {f.title}" if f.number else f.title
    return s55.label(f)


def _finding(f: Finding, listed: bool) -> dict[str, Any]:
    """A finding's publishable view plus the wording the form uses for it."""
    view = publishable(f)
    position = s55.force_position(f)
    view.update(
        heading=_heading(f),
        listed=listed,
        earlier=f.origin is not None,
        national_status=_national_status(f),
        position=publishable(position) if position is not None else None,
        statement=f.force_response,
    )
    return view


def _runs(findings: list[Finding]) -> list[dict[str, Any]]:
    """Findings in the report's order, in runs of one kind from one report.

    Each run gets a heading: the report's own, where the record carries its preamble, or one
    naming the kind. Findings with neither a printed number nor a title are listed as bullets,
    as the reports list them, and one alone sits under the run's heading; none gets a number
    the report did not print.
    """
    runs: list[list[Finding]] = []
    for f in findings:
        if not runs or (runs[-1][0].origin, runs[-1][0].kind) != (f.origin, f.kind):
            runs.append([])
        runs[-1].append(f)
    out = []
    for run in runs:
        plain = [f for f in run if not f.number and not f.title]
        views = [_finding(f, len(plain) == len(run) > 1) for f in run]
        if len(run) == 1 and plain:
            views[0]["heading"] = None
        title = SECTION_TITLES[run[0].kind] if len(run) > 1 else s55.KIND_LABELS[run[0].kind]
        out.append({"title": None if run[0].preamble else title, "findings": views})
    return out


def _judgements(inspection: Inspection) -> list[dict[str, Any]]:
    """Each graded area with the areas for improvement the report places under it."""
    placed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in inspection.findings:
        if f.area:
            placed[f.area].append(_finding(f, True))
    return [dict(publishable(j), improvements=placed.get(j.area, [])) for j in inspection.judgements]


def _responses(inspection: Inspection) -> list[dict[str, Any]]:
    """The force's words on each finding: this report's findings first, then earlier ones."""
    answered = [f for f in inspection.findings if f.force_response]
    ordered = sorted(answered, key=lambda f: f.origin is not None)
    return [_finding(f, not f.number and not f.title) for f in ordered]


def _meeting(meeting: Any, response_date: Any) -> dict[str, Any]:
    view = publishable(meeting)
    view.update(held=s55.is_held(meeting, response_date), kind_title=meeting.kind.title())
    return view


def _gaps_by_place(gaps: list[s55.Gap]) -> dict[str, list[str]]:
    places: dict[str, list[str]] = defaultdict(list)
    for gap in gaps:
        places[gap.where].append(gap.message)
    return dict(places)


def context(inspection: Inspection, config: Config, draft: bool, logo: str | None = None) -> dict[str, Any]:
    """Everything the response templates may read: publishable data only.

    ``logo`` is the office's logo as a data: URI, read by the caller (documents never touch
    files); the gaps are listed only in a draft, since a complete document has none.
    """
    force = inspection.force or config.force
    areas = {j.area for j in inspection.judgements}
    unplaced = [f for f in inspection.findings if f.area not in areas]  # never lost: validate flags a stray area
    gaps = s55.gaps(inspection, force) if draft else []
    return {
        "force": force,
        "commissioner": config.commissioner,
        "office": config.office,
        "logo": logo,
        "inspection": publishable(inspection),
        "types": type_boxes(inspection, force),
        "judgements": _judgements(inspection),
        "sections": _runs(unplaced),
        "responses": _responses(inspection),
        "earlier_label": EARLIER,
        "meetings": [_meeting(m, inspection.pcc_response.date) for m in s55.published_meetings(inspection)],
        "draft": draft,
        "gaps": [g.message for g in gaps],
        "gap_at": _gaps_by_place(gaps),
    }
