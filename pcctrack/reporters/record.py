"""A whole record as `pcctrack show` prints it: an audit with each action's standing, an
inspection with each finding's, and the PCC's statutory response with its steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pcctrack.dates import long_date
from pcctrack.models import Audit, Inspection
from pcctrack.models.inspection import STATUTORY_PERIOD_DAYS
from pcctrack.reporters.item import bullets, field, standing, wrap
from pcctrack.rules.items import Item, summarise

STEPS = (
    ("comments_requested", "Chief constable's comments requested"),
    ("chief_constable_comments", "Chief constable's comments received"),
    ("published", "Published on the PCC's website"),
    ("forwarded_home_office", "Sent to the Home Secretary"),
    ("sent_hmicfrs", "Sent to HMICFRS"),
)
"""The s.55 steps in the order they happen, as the office names them."""


@dataclass(frozen=True)
class RecordView:
    """What `show` knows about a record: its model, the items it holds (the response's item
    for a response) and where it lives."""

    model: Any
    items: list[Item]
    file: str
    line: int


def render_response(view: RecordView, as_of: date) -> str:
    """The statutory response: its deadline, where it stands, and each step's date."""
    inspection: Inspection = view.model
    lines = [f"{inspection.id}.response: the PCC's response (Police Act 1996, s.55)"]
    lines += field("Inspection", f"{inspection.id}: {inspection.title}")
    lines += field("File", f"{view.file}:{view.line}")
    lines += field("Owner", inspection.milestones.owner)
    lines += field("Deadline", f"{long_date(inspection.response_deadline)}: day {STATUTORY_PERIOD_DAYS} from publication "
                               f"({long_date(inspection.published)})")
    lines += field("Status", response_standing(view.items[0], inspection, as_of))
    lines += ["", "Steps:"]
    width = max(len(label) for _, label in STEPS) + 2
    for name, label in STEPS:
        value = getattr(inspection.milestones, name)
        shown = "yes, date not recorded" if value is True else long_date(value) or "not recorded"
        lines.append(f"  {label + ':':<{width}}{shown}")
    return "\n".join(lines) + "\n"


def response_standing(item: Item, inspection: Inspection, as_of: date) -> str:
    """Published (on a date, or with the date not recorded), or not yet, and how late."""
    published = inspection.milestones.published
    if published is True:
        return "published (date not recorded)"
    if published is not None:
        late = (published - inspection.response_deadline).days
        return f"published on {long_date(published)}" + (f", {late} day{'s' if late != 1 else ''} after the deadline" if late > 0 else "")
    overdue = item.days_overdue(as_of)
    if overdue:
        return f"not published: {overdue} day{'s' if overdue != 1 else ''} overdue as of {long_date(as_of)}"
    return f"not published: {item.days_left(as_of)} days left as of {long_date(as_of)}"


def render_audit(view: RecordView, as_of: date) -> str:
    """The audit's facts, then each action's standing."""
    audit: Audit = view.model
    lines = wrap(f"{audit.id}: audit '{audit.title}'", "", "    ")
    lines += field("Auditor", audit.auditor)
    lines += field("Reference", audit.reference + (f" ({audit.financial_year})" if audit.financial_year else ""))
    lines += field("File", f"{view.file}:{view.line}")
    lines += field("Issued", f"{long_date(audit.dates.final_issued)} (final report)" if audit.dates.final_issued else "final report date not recorded")
    scale = f" (scale: {', '.join(audit.assurance_scale)})" if audit.assurance_scale else ""
    lines += field("Assurance", (audit.assurance or "no opinion recorded") + scale)
    lines += field("Priorities", ", ".join(level.name for level in audit.priority_scale))
    if audit.superseded_by:
        lines += field("Superseded by", audit.superseded_by)
    if audit.restricted:
        lines += field("Restricted", "to the PCC and the force: its actions' text is never published")
    lines += _items("Actions", view.items, as_of)
    lines += bullets("Internal (office only, never published)", audit.internal)
    return "\n".join(lines) + "\n"


def render_inspection(view: RecordView, as_of: date) -> str:
    """The report's facts, its response's standing, then each finding's standing."""
    inspection: Inspection = view.model
    lines = wrap(f"{inspection.id}: inspection '{inspection.title}'", "", "    ")
    lines += field("Published", f"{long_date(inspection.published)} by {inspection.inspectorate}")
    if inspection.programme:
        lines += field("Programme", inspection.programme)
    lines += field("Types", ", ".join(t.value for t in inspection.types))
    lines += field("File", f"{view.file}:{view.line}")
    response = [i for i in view.items if i.id == f"{inspection.id}.response"]
    if response:
        lines += field("Response", f"{response_standing(response[0], inspection, as_of)} (`pcctrack show {inspection.id}.response`)")
    lines += _items("Findings", [i for i in view.items if i not in response], as_of)
    lines += bullets("Internal (office only, never published)", inspection.internal)
    return "\n".join(lines) + "\n"


def _items(label: str, items: list[Item], as_of: date) -> list[str]:
    if not items:
        return ["", f"{label}: none recorded"]
    forces = [i for i in items if i.is_forces]
    counts = [
        (sum(i.is_open for i in forces), "open"),
        (sum(i.awaiting for i in forces), "awaiting verification"),
        (sum(i.is_closed for i in forces), "closed"),
        (sum(bool(i.days_overdue(as_of)) for i in forces), "overdue"),
        (sum(i.undated for i in forces), "with no date"),
        (len(items) - len(forces), "addressed only to other bodies"),
    ]
    tally = ", ".join(f"{n} {words}" for n, words in counts if n)
    lines = ["", f"{label} ({len(items)}): {tally} as of {long_date(as_of)}"]
    for item in items:
        kind = item.kind.replace("-", " ") + (f", {item.priority}" if item.priority else "")
        lines += ["", *wrap(f"{item.id} ({kind}): {_standing_on(item, as_of)}", "  ", "      ")]
        who = f"Owner: {item.owner}" if item.owner else "Owner: (none)"
        lines += wrap(f"{who}; {_when(item)}", "    ", "      ")
        lines += wrap(summarise(item.text), "    ", "    ")
    return lines


def _standing_on(item: Item, as_of: date) -> str:
    text = standing(item)
    if not item.is_forces:
        return f"{text}; addressed to {', '.join(item.addressees)}, not the force"
    if (days := item.days_overdue(as_of)) is not None:
        text += f"; {days} day{'s' if days != 1 else ''} overdue"
    elif (behind := item.days_behind_target(as_of)) is not None:
        text += f"; {behind} day{'s' if behind != 1 else ''} behind the force's target"
    return text


def _when(item: Item) -> str:
    if item.due is not None:
        return f"due {long_date(item.due)}" + (f" (original {long_date(item.original_due)})" if item.revisions else "")
    if item.target is not None:
        return f"no date set; the force's target {long_date(item.target)}"
    return "no date set and no target date"
