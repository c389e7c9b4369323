"""What section 55 asks of a published response, checked before anything is rendered.

Police Act 1996 s.55: where HMICFRS makes recommendations, the published comments must say
what action has been or will be taken, or why none. A response without the PCC's own
comments cannot be published at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcctrack.models import Finding, FindingKind, Inspection


@dataclass(frozen=True)
class Gap:
    """Something the published response must say and the record does not yet hold."""

    finding_id: str | None
    """The recommendation lacking a statement of action; None for the PCC's comments."""
    message: str


def action_statement(finding: Finding) -> str | None:
    """What the response says about the action on ``finding``, or None if it says nothing.

    The force's own response wins. Without one, a recommendation that HMICFRS has closed, or
    that the force has completed or that a later recommendation supersedes, is answered by
    saying so: that *is* the action taken. Anything else still open has no answer.
    """
    if finding.force_response:
        return finding.force_response
    if finding.superseded_by is not None:
        return f"Superseded by a later recommendation ({finding.superseded_by})."
    verdict = next((e.verdict for e in reversed(finding.log) if e.verdict is not None), None)
    if verdict is not None and verdict.is_closing:
        return f"HMICFRS shows this as {verdict.value}."
    if finding.status is not None and finding.status.is_closing:
        nationally = f"; HMICFRS shows it nationally as {finding.national_status.value}" if finding.national_status else ""
        return f"The force reports this as {finding.status.value}{nationally}."
    return None


def needs_statement(finding: Finding) -> bool:
    """Only recommendations to the force need a statement of action under s.55."""
    return finding.kind is FindingKind.RECOMMENDATION and finding.is_forces


def gaps(inspection: Inspection) -> list[Gap]:
    """Everything missing before ``inspection``'s response can be published, in report order."""
    found = [
        Gap(
            f.id,
            f"{f.id}: recommendation {f.number or '(unnumbered)'} to the force has no "
            "force_response saying what action has been or will be taken, or why none",
        )
        for f in inspection.findings
        if needs_statement(f) and action_statement(f) is None
    ]
    if not inspection.pcc_response.comments:
        found.append(Gap(None, "pcc_response.comments is empty: the PCC's own comments must be published"))
    return found
