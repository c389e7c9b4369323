"""Constructed internal audit reports in RSM's layout, for what the seeds do not hold: an
audit that states an assurance opinion and defines its scale, and a follow-up report grading
the bundled RSM Vulnerability actions. Built here, not copied from a published report."""

from __future__ import annotations

from tests.commands.test_import import AUDIT

OPINION = (
    "Taking account of the issues identified, the Police and Crime Commissioner can take "
    "reasonable assurance that the controls upon which the organisation relies to manage this "
    "area are suitably designed, consistently applied and effective."
)

ASSURANCE_SCALE = """\
APPENDIX B: DEFINITIONS FOR THE ASSURANCE OPINIONS

Minimal assurance

Taking account of the issues identified, the board cannot take assurance that the controls upon which the organisation relies to manage this risk are suitably designed, consistently applied or effective. Urgent action is needed to strengthen the control framework to manage the identified risk(s).

Partial assurance

Taking account of the issues identified, the board can take partial assurance that the controls to manage this risk are suitably designed and consistently applied. Action is needed to strengthen the control framework to manage the identified risk(s).

Reasonable assurance

Taking account of the issues identified, the board can take reasonable assurance that the controls in place to manage this risk are suitably designed and consistently applied. However, we have identified issues that need to be addressed in order to ensure that the control framework is effective in managing the identified risk(s).

Substantial assurance

Taking account of the issues identified, the board can take substantial assurance that the controls upon which the organisation relies to manage this risk are suitably designed, consistently applied and operating effectively.
"""


def audit(opinion: str = OPINION, scale: str = ASSURANCE_SCALE) -> str:
    """The import tests' audit report, stating ``opinion`` after its conclusion and defining
    ``scale`` in an appendix (either may be left out with "")."""
    return AUDIT.replace("Conclusion: Work is underway.\n", f"Conclusion: Work is underway.\n\n{opinion}\n").replace(
        "Debrief held", f"{scale}\nDebrief held"
    )


FOLLOW_UP_HEAD = "Ref\tManagement action\tOriginal priority\tOriginal date\tStatus\tAudit finding"

VULNERABILITY = [
    (
        "1",
        "The 4P Plan for each vulnerability strand will be created and used to monitor and track actions.",
        "Medium", "31 March 2026", "Partly implemented",
        "We confirmed that 4P Plans were in place for 12 of the 14 vulnerability strands, with target completion dates for each action. Reporting to a governance group had not yet been documented for two of the plans.",
    ),
    (
        "3",
        "The Force will urgently strengthen the functionality and accuracy regarding Power BI dashboards with respect to recording any linked children to a domestic abuse suspect and not just a victim.",
        "High", "31 August 2025", "Implemented",
        "Through review of the Power BI dashboard we confirmed that children linked to a domestic abuse suspect are now shown alongside those linked to the victim.",
    ),
    (
        "4",
        "The Force will ensure responsibilities for missing persons and child exploitation cases are clear, and introduce processes to enable communication between different teams.",
        "Medium", "31 August 2025", "Implemented", "",
    ),
    (
        "5",
        "The Force will review the current arrangements for the Missing Person Team, with any outcomes actioned and implemented.",
        "Medium", "31 December 2025", "Not implemented",
        "The review of the current arrangements for the Missing Person Team had not been completed at the time of our follow up.",
    ),
]
"""Grades of the bundled RSM Vulnerability 2.25/26 actions (action 2 is not graded)."""

PROGRESS_SCALE = """\
APPENDIX A: DEFINITIONS FOR PROGRESS MADE

Good progress

Nearly all management actions have been implemented and the organisation has demonstrated good progress in embedding them.

Reasonable progress

The majority of management actions have been implemented, with the remainder in progress.

Little progress

Some management actions have been implemented, but most of those due remain outstanding.

Poor progress

Few or no management actions due have been implemented.
"""


def follow_up(tables: list[tuple[str, list[tuple[str, ...]]]], final: str = "Final report issued 15 June 2026") -> str:
    """An RSM-style follow-up report grading earlier actions: each table is the original audit
    as printed above it and its rows (Ref, action, priority, date, status, audit finding)."""
    body = "\n\n".join(f"Assignment: {audit}\n\n{FOLLOW_UP_HEAD}\n" + "\n".join("\t".join(row) for row in rows) for audit, rows in tables)
    return f"""\
POLICE AND CRIME COMMISSIONER FOR CLEVELAND

Follow Up

Final Internal Audit Report 6.26/27

15 June 2026

To the fullest extent permitted by law, RSM UK Risk Assurance Services LLP will accept no responsibility or liability in respect of this report to any other party.

EXECUTIVE SUMMARY

Background: As part of the internal audit plan for 2026/27, we have undertaken a review to follow up the progress made by the organisation to implement the previously agreed management actions.

Conclusion: Taking account of the issues identified in the remainder of the report and in line with our definitions set out in Appendix A, in our opinion the organisation has demonstrated reasonable progress in implementing agreed management actions.

FINDINGS AND MANAGEMENT ACTIONS

The action priorities are defined as*:

High

Immediate management attention is necessary.

Medium

Timely management attention is necessary.

Low

There is scope for enhancing control or improving efficiency.

{body}

{PROGRESS_SCALE}
Debrief held 2 June 2026
{final}
"""
