"""`pcctrack history ID`: an item's changes through the Git history of its file."""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path

from pcctrack.boundary import gitlog, yamlio
from pcctrack.commands.common import find_item, load_for_listing
from pcctrack.errors import EXIT_OK, UsageProblem
from pcctrack.output import Output
from pcctrack.reporters.exports import ViewFormat
from pcctrack.rules.history import Snapshot, changes, snapshot


WIDTH = 100


@dataclass(frozen=True)
class Event:
    commit: str
    date: str
    author: str
    subject: str
    changes: list[str]


def run(root: Path, ident: str, fmt: ViewFormat, output: Output) -> int:
    located = find_item(load_for_listing(root, output), ident)
    try:
        found = gitlog.versions(Path(located.path), root)
    except gitlog.GitUnavailable as exc:
        raise UsageProblem(
            f"history reads the records' Git history, but {exc}: run it in a clone of the records repository"
        ) from None
    events = _events(found, ident)
    if fmt is ViewFormat.JSON:
        output.write(json.dumps([asdict(e) for e in events], indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    lines = [f"History of {ident} ({located.path})"]
    if not found:
        lines.append("The file has not been committed yet: there is no history to show.")
    for e in events:
        heading = f"{e.date[:10]}  {e.author}  {e.commit[:10]}  {e.subject}"
        lines += ["", "Not yet committed (the working copy)" if e.commit == gitlog.WORKING_COPY else heading]
        lines += [line for change in e.changes for line in textwrap.wrap(change, WIDTH, initial_indent="  ", subsequent_indent="    ")]
    output.write_for_people("\n".join(lines) + "\n")
    return EXIT_OK


def _events(found: list[gitlog.Version], ident: str) -> list[Event]:
    """Only the commits that changed this item, each with what changed."""
    events: list[Event] = []
    previous: Snapshot | None = None
    for version in found:
        current = _snapshot(version, ident)
        if isinstance(current, str):
            events.append(Event(version.commit, version.date, version.author, version.subject, [current]))
            continue
        changed = changes(previous, current)
        if changed:
            events.append(Event(version.commit, version.date, version.author, version.subject, changed))
        previous = current
    return events


def _snapshot(version: gitlog.Version, ident: str) -> Snapshot | None | str:
    """The item in this version, None if absent, or a line saying the file did not parse."""
    if version.raw is None:
        return None
    try:
        return snapshot(yamlio.parse(yamlio.decode(version.raw)).data, ident)
    except yamlio.YamlProblem as exc:
        return f"the file was not valid YAML in this version (line {exc.line}: {exc.message})"
