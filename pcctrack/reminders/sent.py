"""The delivery log: which role's reminder reached which mailbox on which day.

It lives beside records/ (`reminders/sent.yaml`), not inside it, where every file is read as
a record. A re-run on the same day sends only what the log lacks, so nothing goes twice and
a failure is made good by running again. Each delivery is written as soon as the server takes
the message, atomically, so an interrupted run still knows what it sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pcctrack.boundary import yamlio
from pcctrack.boundary.atomic import WriteConflict, held, write_atomically
from pcctrack.boundary.files import display_path
from pcctrack.errors import UsageProblem

FOLDER = "reminders"
FILE = "sent.yaml"
LOCK = ".sent.lock"


def folder(records_root: Path) -> Path:
    """Where reminders are kept: `reminders/` beside the records folder."""
    return records_root.absolute().parent / FOLDER


@contextmanager
def sending(folder: Path) -> Iterator[SentLog]:
    """The delivery log in ``folder``, held for the whole send: a second `remind --send`
    started meanwhile is refused, since it would read the log before this one's deliveries
    and send them again."""
    try:
        with held(folder / LOCK):
            yield SentLog.read(folder / FILE)
    except WriteConflict:
        raise UsageProblem(
            f"another `pcctrack remind --send` is sending from {display_path(folder)} now: let it finish, then run again to send what it could not"
        ) from None


@dataclass
class SentLog:
    """By day (ISO), by role: each delivery's address, time and Message-ID."""

    path: Path
    days: dict[str, dict[str, list[dict[str, str]]]]

    @classmethod
    def read(cls, path: Path) -> SentLog:
        """The log at ``path`` (empty when there is none yet). A log that cannot be read stops
        the run: sending without it could send everything twice."""
        if not path.exists():
            return cls(path, {})
        shown = display_path(path)
        try:
            data = yamlio.load_editable(yamlio.read_bytes(path)).data
        except yamlio.YamlProblem as exc:
            raise UsageProblem(f"{shown}:{exc.line}:{exc.col}: {exc.message}") from None
        except OSError as exc:
            raise UsageProblem(f"cannot read the delivery log {shown}: {exc.strerror or exc}") from None
        return cls(path, _checked(data, shown))

    def delivered(self, day: date, role: str) -> set[str]:
        """The addresses ``role``'s reminder for ``day`` has already reached."""
        return {entry["to"] for entry in self.days.get(day.isoformat(), {}).get(role, [])}

    def record(self, day: date, role: str, addresses: list[str], at: datetime, message_id: str) -> None:
        """Add the deliveries and write the log at once, before the next message is sent."""
        entries = self.days.setdefault(day.isoformat(), {}).setdefault(role, [])
        entries += [{"to": a, "at": at.isoformat(timespec="seconds"), "message_id": message_id} for a in addresses]
        data = yamlio.dump_editable(yamlio.Editable(self.days, yamlio.Layout()))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, data, create=not self.path.exists())


def _checked(data: Any, shown: str) -> dict[str, dict[str, list[dict[str, str]]]]:
    """The log's data as pcctrack wrote it, or a usage error naming the file."""
    problem = f"{shown} is not a delivery log as pcctrack writes it (day: role: list of to/at/message_id); move it aside to start a new one"
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageProblem(problem)
    days: dict[str, dict[str, list[dict[str, str]]]] = {}
    for day, roles in data.items():
        if not isinstance(roles, dict):
            raise UsageProblem(problem)
        for role, entries in roles.items():
            if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("to"), str) for e in entries):
                raise UsageProblem(problem)
            days.setdefault(str(day), {})[str(role)] = [{str(k): str(v) for k, v in e.items()} for e in entries]
    return days
