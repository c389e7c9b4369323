"""`pcctrack remind`: each owner role's reminder of what it owes, for review or sent."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pcctrack.boundary.files import CONFIG_NAME, Placed, RecordKind, display_path
from pcctrack.commands.common import KIND_LABELS, listing_items
from pcctrack.commands.export import INSTALL_HINT
from pcctrack.dates import long_date
from pcctrack.documents.environment import counted, template_dirs
from pcctrack.errors import EXIT_FINDINGS, UsageProblem
from pcctrack.output import Output
from pcctrack.reporters import diagnostics
from pcctrack.reporters.tabular import Column
from pcctrack.reminders import chase, sent

if TYPE_CHECKING:
    from pcctrack.models.config import Config

SUMMARY_COLUMNS = [
    Column("role", "Role", max_width=36, wrap=True),
    Column("owes", "Owes", max_width=40, wrap=True),
    Column("outcome", "Message", max_width=36, wrap=True),
]


def run(
    root: Path,
    as_of: date,
    due_within: int,
    stale_days: int,
    out: Path | None,
    send: bool,
    templates: Path | None,
    output: Output,
    environ: Mapping[str, str] = os.environ,
    clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
) -> int:
    """Prepare a reminder per owner role; write each as an .eml file, or with ``send`` deliver
    them. Exit 1 when a record could not be read or a message was not delivered."""
    config = _config(root, output)
    if config is None:
        return EXIT_FINDINGS
    if config.reminders is None:
        raise UsageProblem(
            f"{display_path(root / CONFIG_NAME)} has no reminders: section: add one with `from:` and each role's "
            "`mailboxes:` (see the README's `pcctrack remind`)"
        )
    server = chase.Server.from_environ(environ) if send else None  # a missing variable stops the run before any work
    listing = listing_items(root, output)
    settings = config.reminders
    mailboxes = chase.mailboxes_by_role(settings.mailboxes, config.roles)
    if config.roles is not None:
        undeclared = sorted(set(mailboxes) - set(config.roles))
        if undeclared:
            output.warn(f"pcctrack.yaml gives mailboxes for roles it does not declare, which no item can name: {diagnostics.printable('; '.join(undeclared))}")
    sender = chase.Sender(config.force, settings.sender, settings.reply_to)
    try:
        prepared = chase.prepare(
            listing.as_of(as_of), as_of, sender, mailboxes, clock(), KIND_LABELS,
            template_dirs(root, templates), due_within, stale_days,
        )
    except ImportError as exc:
        raise UsageProblem(f"the calendar of due dates needs the {exc.name} package: {INSTALL_HINT}") from None
    if server is None:
        outcomes = _written(prepared, out or sent.folder(root) / as_of.isoformat(), output)
        failed: list[str] = []
    else:
        with sent.sending(sent.folder(root)) as log:
            outcomes, failed = _sent(prepared, server, log, as_of, clock, output)
    _summary(output, as_of, prepared, outcomes)
    if failed:
        output.note(
            f"pcctrack: not delivered to {counted(len(failed), 'role')}: {diagnostics.printable('; '.join(failed))}. "
            "Run the same command again to send only what is missing."
        )
        return EXIT_FINDINGS
    return listing.exit_code()


def _summary(output: Output, as_of: date, prepared: list[chase.Prepared], outcomes: dict[str, str]) -> None:
    """The table of roles, what each owes and what became of its message; the roles left
    without one, named."""
    from pcctrack.reporters.tabular import to_rich

    output.write(f"Reminders as of {long_date(as_of)}: {counted(len(prepared), 'role')} owe{'s' if len(prepared) == 1 else ''} something\n")
    rows = [
        {"role": diagnostics.printable(p.owed.role), "owes": p.summary, "outcome": outcomes.get(p.owed.role, "no mailbox")}
        for p in prepared
    ]
    if rows:
        output.show(to_rich(SUMMARY_COLUMNS, rows))
    unreachable = [p.owed.role for p in prepared if not p.mailboxes]
    if unreachable:
        output.warn(f"no mailbox in pcctrack.yaml for {counted(len(unreachable), 'role')}, so not reminded: {diagnostics.printable('; '.join(unreachable))}")


def _written(prepared: list[chase.Prepared], folder: Path, output: Output) -> dict[str, str]:
    paths = chase.write(prepared, folder)
    if paths:
        output.note(f"wrote {counted(len(paths), 'message')} to {display_path(folder)}: review them, then send with --send")
    return {p.owed.role: p.filename for p in prepared if p.message is not None}


def _sent(
    prepared: list[chase.Prepared], server: chase.Server, log: sent.SentLog, day: date, clock: Callable[[], datetime], output: Output
) -> tuple[dict[str, str], list[str]]:
    """Each role's outcome in words, and the roles not wholly delivered."""
    words = {p.owed.role: "already sent" for p in prepared if p.message is not None}
    failed = []
    for o in chase.send(prepared, server, log, day, clock):
        for address, why in o.failed.items():
            output.warn(f"reminder to {diagnostics.printable(o.role)} not delivered to {address}: {diagnostics.printable(why)}")
        if o.failed:
            failed.append(o.role)
            words[o.role] = f"failed ({counted(len(o.failed), 'mailbox', 'mailboxes')})" + (f", sent to {len(o.sent)}" if o.sent else "")
        else:
            words[o.role] = f"sent to {counted(len(o.sent), 'mailbox', 'mailboxes')}"
    return words, failed


def _config(root: Path, output: Output) -> Config | None:
    """pcctrack.yaml alone (the items come from the cache): its reminders section has the
    mailboxes. A broken file is reported as `validate` reports it, and None returned."""
    from pcctrack.loader import load_placed
    from pcctrack.models.config import Config

    path = root / CONFIG_NAME
    if not path.is_file():
        return Config()
    loaded = load_placed([Placed(str(path), CONFIG_NAME, display_path(path), RecordKind.CONFIG)])
    if loaded.diagnostics:
        output.write_err(diagnostics.text(loaded.diagnostics))
        output.note(f"pcctrack: {CONFIG_NAME} must be mended before any reminder can be addressed")
        return None
    return loaded.records.config
