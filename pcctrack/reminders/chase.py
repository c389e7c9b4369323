"""`pcctrack remind`'s work: prepare each role's reminder, write it for review, or send it.

The entry module of `pcctrack.reminders`; commands call nothing else in the package.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from pathlib import Path

from pcctrack.boundary.atomic import write_atomically
from pcctrack.choices import DocFormat
from pcctrack.documents.environment import compiled
from pcctrack.reminders import message, owed, smtp
from pcctrack.reminders.message import Sender
from pcctrack.reminders.sent import SentLog
from pcctrack.roles import role_index
from pcctrack.rules.items import Item

DUE_WITHIN_DAYS = owed.DUE_WITHIN_DAYS
STALE_DAYS = owed.STALE_DAYS
Server = smtp.Server


@dataclass(frozen=True)
class Prepared:
    """One role's reminder, or the fact that it has nowhere to go."""

    owed: owed.Owed
    mailboxes: list[str]
    message: EmailMessage | None
    """None for a role without a mailbox."""
    filename: str
    """The name of its .eml file: the role, as letters, digits and hyphens."""
    summary: str
    """What the role owes in a few words, e.g. '3 overdue, 2 due in the next 30 days'."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one role's reminder when sent."""

    role: str
    sent: list[str]
    """The mailboxes it reached on this run."""
    failed: dict[str, str]
    """The mailboxes it did not reach, each with why."""


def mailboxes_by_role(mailboxes: Mapping[str, list[str]], roles: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Each role's mailboxes under its canonical name, so a mailbox given for any declared
    spelling of a role reaches it."""
    index = role_index(roles) or {}
    found: dict[str, list[str]] = {}
    for role, addresses in mailboxes.items():
        mine = found.setdefault(index.get(role, role), [])
        mine += [a for a in addresses if a not in mine]
    return found


def prepare(
    items: list[Item],
    as_of: date,
    sender: Sender,
    mailboxes: dict[str, list[str]],
    now: datetime,
    labels: Mapping[str, str],
    overrides: list[Path],
    due_within: int = DUE_WITHIN_DAYS,
    stale_days: int = STALE_DAYS,
) -> list[Prepared]:
    """A reminder for every role that owes something as of ``as_of``, by role name. The
    templates are compiled once for all of them."""
    from pcctrack.reporters.calendar import to_ics  # needs icalendar: the caller says how to install it

    text = compiled("remind.txt.j2", None, overrides)
    html = compiled("remind.html.j2", DocFormat.HTML, overrides)  # escaped, as HTML documents are
    shared = message.shared_headers(sender, now)
    names: set[str] = set()
    out = []
    for o in owed.owed_by_role(items, as_of, due_within, stale_days):
        to = mailboxes.get(o.role, [])
        composed = None
        if to:
            parts = message.context(o, sender, as_of, due_within, stale_days, labels)
            ahead = o.ahead(as_of)
            calendar = to_ics(ahead, as_of, labels) if ahead else None
            composed = message.compose(o, to, sender, shared, parts, text, html, calendar)
        out.append(Prepared(o, to, composed, _filename(o.role, names), message.counts(o, due_within)))
    return out


def _filename(role: str, taken: set[str]) -> str:
    """A file name for ``role`` no other role in this run has, whatever the role's text."""
    stem = re.sub(r"[^a-z0-9]+", "-", role.casefold()).strip("-")[:80] or "role"
    name, n = stem, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name)
    return f"{name}.eml"


def write(prepared: list[Prepared], out: Path) -> list[Path]:
    """Write each role's message to ``out`` as an .eml file any mail client opens; a file of
    the same name from an earlier run is replaced whole. They are previews, made again by
    running again, so nothing waits for the disk to flush each of hundreds of them."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for p in prepared:
        if p.message is None:
            continue
        path = out / p.filename
        write_atomically(path, p.message.as_bytes(), create=not path.exists(), durable=False)
        written.append(path)
    return written


def send(prepared: list[Prepared], server: smtp.Server, log: SentLog, day: date, clock: Callable[[], datetime]) -> list[Outcome]:
    """Send each role's reminder to the mailboxes the log says it has not reached on ``day``,
    logging each delivery as it happens. Roles with nothing left to send are not contacted."""
    pending = {}
    for p in prepared:
        if p.message is None:
            continue
        done = log.delivered(day, p.owed.role)
        missing = [m for m in p.mailboxes if m not in done]
        if missing:
            pending[p.owed.role] = (p.message, missing)
    outcomes = []
    for d in smtp.send_each(((role, m, to) for role, (m, to) in pending.items()), server):
        if d.delivered:
            log.record(day, d.key, d.delivered, clock(), str(pending[d.key][0]["Message-ID"]))
        failed = dict(d.refused)
        if d.error is not None:
            failed.update(dict.fromkeys((a for a in pending[d.key][1] if a not in d.delivered and a not in failed), d.error))
        outcomes.append(Outcome(d.key, d.delivered, failed))
    return outcomes

