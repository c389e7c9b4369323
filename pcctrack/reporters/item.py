"""One tracked item in full, as `pcctrack show` prints it: everything a chaser needs."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from pcctrack.dates import long_date
from pcctrack.models import Finding
from pcctrack.models.common import TrackedItem
from pcctrack.rules.items import Item

WIDTH = 100
_LABEL = 13


@dataclass(frozen=True)
class ItemView:
    """What `show` knows about an item: the record model, its flat Item and where it lives."""

    model: TrackedItem
    item: Item
    record_title: str
    file: str
    line: int


def render(view: ItemView, as_of: date) -> str:
    """The item as labelled, wrapped text; dates in the UK long form used in papers."""
    m, item = view.model, view.item
    lines = [f"{m.id}: {item.kind.replace('-', ' ')}" + (f" ({item.priority} priority)" if item.priority else "")]
    lines += field("Record", f"{item.record}: {view.record_title}")
    lines += field("File", f"{view.file}:{view.line}")
    lines += field("Owner", m.owner or "(none)")
    if m.lead:
        lines += field("Lead", m.lead)
    lines += field("Status", standing(item))
    if isinstance(m, Finding) and m.national_status is not None:
        lines += field("National", f"{m.national_status.value} (HMICFRS's status for every force)")
    lines += field("Due", _due(m, item, as_of))
    for rev in m.revised_due:
        agreed = f" on {long_date(rev.agreed_on)}" if rev.agreed_on else ""
        lines += field("Revised", f"to {long_date(rev.date)}: {rev.reason} (agreed by {rev.agreed_by}{agreed})")
    for target in m.targets:
        set_on = f" on {long_date(target.set_on)}" if target.set_on else ""
        lines += field("Target", f"{long_date(target.date)}: {target.reason} (set by {target.agreed_by}{set_on})")
    if isinstance(m, Finding) and m.timescale:
        lines += field("Timescale", m.timescale)
    lines += ["", *wrap(_text(m), "")]
    if m.log:
        lines += ["", "Log:"]
        for entry in m.log:
            moved = f" [{entry.status.value}]" if entry.status else f" [verdict: {entry.verdict.value}]" if entry.verdict else ""
            by = f" ({entry.by})" if entry.by else ""
            lines += wrap(f"{long_date(entry.date)}{moved}{by}: {entry.note}", "  ", "    ")
            lines += [f"    evidence: {e}" for e in entry.evidence]
    else:
        lines += ["", "Log: no updates recorded"]
    lines += bullets("Evidence", m.evidence)
    lines += [""] if m.related or m.tags or (isinstance(m, Finding) and m.superseded_by) else []
    if isinstance(m, Finding) and m.superseded_by:
        lines += field("Superseded by", m.superseded_by)
    lines += field("Related", ", ".join(m.related)) if m.related else []
    lines += field("Tags", ", ".join(m.tags)) if m.tags else []
    lines += bullets("Internal (office only, never published)", m.internal)
    return "\n".join(lines) + "\n"


def standing(item: Item) -> str:
    """Where an item stands, in words: the owner's claim, the verifier's verdict, and whether
    (when, on whose word) it closed."""
    claim = item.status or "none stated"
    if item.is_closed:
        when = f" on {long_date(item.closed_on)}" if item.closed_on else " (date not recorded)"
        by = "the owner" if item.closed_by == "owner" else item.closed_by
        late = item.days_late()
        tail = f", {late} day{'s' if late != 1 else ''} after its due date" if late else ""
        return f"closed{when} ({item.confirmed_status or claim}, on the word of {by}){tail}"
    if item.awaiting:
        since = f" since {long_date(item.claimed_on)}" if item.claimed_on else ""
        return f"{claim}: awaiting verification by {item.closed_by}{since}"
    verdict = f"; latest verdict: {item.confirmed_status}" if item.confirmed_status else ""
    return f"open ({claim}{verdict})"


def _due(m: TrackedItem, item: Item, as_of: date) -> str:
    if item.due is None:
        return "no date set" + ("" if item.target else "; no target date either")
    text = long_date(item.due)
    if m.due is None and isinstance(m, Finding) and m.timescale:
        text += f" (from '{m.timescale}')"
    if m.revised_due:
        text = f"{long_date(m.due)} (original); now {long_date(item.due)}"  # type: ignore[arg-type]
    days = item.days_overdue(as_of)
    if days:
        text += f"; {days} day{'s' if days != 1 else ''} overdue as of {long_date(as_of)}"
    behind = item.days_behind_target(as_of)
    if behind:
        text += f"; {behind} day{'s' if behind != 1 else ''} behind the force's target"
    return text


def _text(m: TrackedItem) -> str:
    if isinstance(m, Finding):
        return (f"{m.title}\n" if m.title else "") + m.text
    return getattr(m, "action", "")


def field(label: str, value: str) -> list[str]:
    """A labelled line, wrapped with its continuation lines under the value."""
    return wrap(value, f"{label + ':':<{_LABEL - 1}} ", " " * _LABEL)


def bullets(label: str, values: list[str]) -> list[str]:
    """A labelled list, one wrapped bullet per value; nothing when there are none."""
    if not values:
        return []
    return ["", f"{label}:", *(line for v in values for line in wrap(v, "  - ", "    "))]


def wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    """``text`` wrapped to the page width, paragraph by paragraph, ``first`` leading it."""
    out: list[str] = []
    for i, paragraph in enumerate(text.strip().split("\n")):
        lead = first if i == 0 else (rest if rest is not None else first)
        if not paragraph.strip():
            out.append("")
            continue
        out += textwrap.wrap(paragraph, WIDTH, initial_indent=lead, subsequent_indent=rest if rest is not None else first) or [lead]
    return out
