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
