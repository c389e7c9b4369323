"""One role's reminder as an email: subject, both parts, the calendar, and safe headers.

Headers are set through the standard library's `email` package (policy SMTP), never built as
strings: record text reaches a header only as a whole value the policy encodes, after line
breaks are folded into spaces, so no title or role can add a header or a recipient.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from pcctrack.dates import long_date
from pcctrack.documents.environment import counted, words
from pcctrack.reminders.owed import Owed, update_line
from pcctrack.rules.items import Item, summarise

Render = Callable[[dict[str, Any]], str]
_BLANK_RUNS = re.compile(r"\n{3,}")
"""Empty sections leave blank lines behind; the text part keeps single blank lines."""
CALENDAR_NAME = "due-dates.ics"


@dataclass(frozen=True)
class Sender:
    """Whom reminders come from, and the office's name for its tracker."""

    force: str
    address: str
    reply_to: str | None = None


def one_line(text: str) -> str:
    """``text`` with every run of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


def counts(owed: Owed, due_within: int) -> str:
    """What a role owes in a few words: '3 overdue, 2 due in the next 30 days'."""
    lists = (
        (owed.overdue, "overdue"),
        (owed.due_soon, f"due in the next {due_within} days"),
        (owed.stale, "awaiting your update"),
        (owed.awaiting, "awaiting verification"),
    )
    return ", ".join(f"{len(found)} {label}" for found, label in lists if found)


def subject(owed: Owed, due_within: int, force: str) -> str:
    """The counts first, as a busy owner reads an inbox: '3 overdue, 2 due in the next 30
    days: Cleveland Police tracker'."""
    return one_line(f"{counts(owed, due_within)}: {force} tracker")


def context(owed: Owed, sender: Sender, as_of: date, due_within: int, stale_days: int, labels: Mapping[str, str]) -> dict[str, Any]:
    """What the templates see: plain values made from the items, never a record or a model,
    so nothing under an `internal:` key is within their reach."""

    def rows(items: list[Item]) -> list[dict[str, Any]]:
        return [_row(item, owed.role, as_of, labels) for item in items]

    return {
        "force": sender.force,
        "role": owed.role,
        "as_of": as_of,
        "due_within": due_within,
        "stale_days": stale_days,
        "reply_to": sender.reply_to or sender.address,
        "subject": subject(owed, due_within, sender.force),
        "overdue": rows(owed.overdue),
        "due_soon": rows(owed.due_soon),
        "stale": rows(owed.stale),
        "awaiting": rows(owed.awaiting),
        "calendar": CALENDAR_NAME if owed.ahead(as_of) else None,
    }


def _row(item: Item, role: str, as_of: date, labels: Mapping[str, str]) -> dict[str, Any]:
    """One item as both parts show it: its values, and the three lines about its dates,
    standing and last update already worded (in Python: a message lists dozens of items, and
    hundreds of messages go at once)."""
    row = {
        "id": item.id,
        "kind": labels.get(item.kind, item.kind),
        "title": item.title,
        "as_lead": item.lead == role and item.owner != role,
        "due": item.due,
        "original_due": item.original_due if item.original_due != item.due else None,
        "revisions": item.revisions,
        "target": item.target,
        "days_overdue": item.days_overdue(as_of),
        "days_behind_target": item.days_behind_target(as_of),
        "days_left": item.days_left(as_of),
        "status": item.status or "open",
        "verifier": item.closed_by,
        "days_waiting": item.days_waiting(as_of),
        "latest_on": item.latest_on,
        "latest_note": summarise(item.latest_note, limit=140) if item.latest_note else None,
        "command": update_line(item, role),
    }
    row.update(when=_when(row), standing=_standing(row), latest=_latest(row))
    return row


def _when(r: dict[str, Any]) -> str:
    """'Due 30 January 2024 (originally 15 September 2023, revised 1 time): 641 days overdue'."""
    text = "No due date"
    if r["due"]:
        text = f"Due {long_date(r['due'])}"
        if r["original_due"]:
            text += f" (originally {long_date(r['original_due'])}, revised {counted(r['revisions'], 'time')})"
    if r["target"]:
        text += f"; the force's target {long_date(r['target'])}"
    if r["days_overdue"]:
        return f"{text}: {counted(r['days_overdue'], 'day')} overdue"
    if r["days_behind_target"]:
        return f"{text}: {counted(r['days_behind_target'], 'day')} behind target"
    if r["days_left"] is not None:
        return f"{text}: {counted(r['days_left'], 'day')} left"
    return text


def _standing(r: dict[str, Any]) -> str:
    """'Status: Implemented, awaiting verification by internal audit for 12 days'."""
    text = f"Status: {words(r['status'])}"
    if r["days_waiting"] is not None:
        text += f", awaiting verification by {r['verifier']} for {counted(r['days_waiting'], 'day')}"
    return text + (" (you are the lead)" if r["as_lead"] else "")


def _latest(r: dict[str, Any]) -> str:
    """'Last update 3 November 2025: Final report: ...', or that none is recorded."""
    if not r["latest_on"]:
        return "No update recorded"
    return f"Last update {long_date(r['latest_on'])}" + (f": {r['latest_note']}" if r["latest_note"] else "")


def shared_headers(sender: Sender, now: datetime) -> list[tuple[str, Any]]:
    """The headers every message of a run has alike, parsed once: parsing each header it is
    given is most of the email package's work in composing a message."""
    make = policy.SMTP.header_factory
    values: list[tuple[str, Any]] = [("From", Address(addr_spec=sender.address))]
    if sender.reply_to:
        values.append(("Reply-To", Address(addr_spec=sender.reply_to)))
    values += [("Date", format_datetime(now)), ("Auto-Submitted", "auto-generated")]  # RFC 3834: no out-of-office replies
    return [(name, make(name, value)) for name, value in values]


def compose(
    owed: Owed,
    mailboxes: list[str],
    sender: Sender,
    shared: list[tuple[str, Any]],
    parts: dict[str, Any],
    text: Render,
    html: Render,
    calendar: bytes | None,
) -> EmailMessage:
    """The message to ``mailboxes`` with the ``shared`` headers: plain text and HTML
    alternatives of one context, and the calendar of due dates attached when there is one."""
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = parts["subject"]
    message["To"] = [Address(display_name=one_line(owed.role), addr_spec=m) for m in mailboxes]
    for name, header in shared:
        message[name] = header
    message["Message-ID"] = make_msgid("pcctrack", domain=sender.address.rpartition("@")[2])
    message.set_content(_BLANK_RUNS.sub("\n\n", text(parts)))
    message.add_alternative(html(parts), subtype="html")
    if calendar is not None:
        message.add_attachment(calendar, maintype="text", subtype="calendar", filename=CALENDAR_NAME)
    return message
