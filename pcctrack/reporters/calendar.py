"""ICS: one all-day event per open item's due date, for the office's shared calendar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone

from pcctrack.rules.items import Item, summarise

UID_DOMAIN = "pcctrack"
"""UIDs are `<item id>@pcctrack`: the same item keeps its UID, so re-importing the file
updates its event instead of adding a second one."""


def to_ics(items: Sequence[Item], as_of: date, labels: Mapping[str, str]) -> bytes:
    """A calendar of the items' current due dates. SEQUENCE counts the agreed revisions, so a
    calendar that already has the event takes a revised date as an update."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//pcctrack//Accountability tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "pcctrack due dates")
    stamp = datetime.combine(as_of, time(0, 0), tzinfo=timezone.utc)
    for item in items:
        day = item.due if item.due is not None else item.target
        if day is None:
            continue
        event = Event()
        event.add("uid", f"{item.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        what = "Due" if item.due is not None else "Target"
        event.add("summary", f"{what}: {item.id}: {summarise(item.title, limit=80)}")
        event.add("description", _description(item))
        event.add("categories", [labels.get(item.kind, item.kind)])
        event.add("sequence", item.revisions)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def _description(item: Item) -> str:
    lines = [item.title, "", f"Owner: {item.owner or '(none)'}", f"Status: {item.status or item.state}"]
    if item.confirmed_status:
        lines.append(f"Verified: {item.confirmed_status}")
    if item.priority:
        lines.append(f"Priority: {item.priority}")
    if item.revisions:
        lines.append(f"Originally due {item.original_due}; revised {item.revisions} time(s)")
    lines.append(f"Record: {item.file}")
    return "\n".join(lines)
