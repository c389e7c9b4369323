"""`pcctrack update ID`: append a progress entry, set the status, record a revised due date.

The record is edited in round-trip mode (comments, key order, quoting and layout stay as
they were), the result is validated exactly as `validate` would, and only then is the file
replaced, atomically and under a lock. A refused update leaves the file byte for byte as
it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary import atomic, yamlio
from pcctrack.checker import check_replacement
from pcctrack.commands.common import Located, find_item
from pcctrack.errors import EXIT_OK, NotWritten, UsageProblem
from pcctrack.loader import load
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import text
from pcctrack.rules.editing import PLACE_AFTER, Change, EditRefused, UpdateRequest, plan_update
from pcctrack.rules.items import tracked_in
from pcctrack.validation import validate


def run(root: Path, ident: str, request: UpdateRequest, as_of: date, output: Output) -> int:
    loaded = load(root)
    located = find_item(loaded, ident)
    path = Path(located.path)
    try:
        with atomic.locked(path) as raw:
            change, loc = _plan(raw, located, request, as_of)
            doc = yamlio.load_editable(raw)
            faithful = yamlio.dump_editable(doc) == raw
            apply(_node(doc.data, loc), change)
            edited = yamlio.dump_editable(doc)
            problems = check_replacement(loaded, located.path, located.kind, edited, as_of)
            if problems:
                raise NotWritten(
                    f"the update would leave {located.path} invalid, so nothing was written:\n"
                    + text(problems).rstrip("\n")
                )
            atomic.write_atomically(path, edited, expected=raw)
    except atomic.WriteConflict as exc:
        raise NotWritten(f"{exc}: nothing was written; run the update again") from None
    except atomic.ReadOnly as exc:
        raise NotWritten(f"{exc}: nothing was written") from None
    except yamlio.YamlProblem as exc:
        raise NotWritten(f"{located.path}:{exc.line}:{exc.col}: {exc.message}") from None
    except OSError as exc:
        raise NotWritten(f"cannot update {located.path}: {exc.strerror or exc}") from None
    if not faithful:
        output.warn(
            f"{located.path} has a layout pcctrack cannot write back exactly (such as mixed line "
            "endings or uneven indentation), so `git diff` will show more lines than this update"
        )
    output.note(f"updated {ident} in {located.path}")
    for line in change.summary:
        output.note(f"  {line}")
    return EXIT_OK


def _plan(raw: bytes, located: Located, request: UpdateRequest, as_of: date) -> tuple[Change, tuple[str | int, ...]]:
    """Plan against the file as read under the lock, not as first loaded: another update may
    have landed in between, and its log entry counts; a `git pull` may have moved the item,
    so its place is found again, by id, in what was read under the lock."""
    model, problems = validate(located.kind, yamlio.parse(yamlio.decode(raw)).data, located.path)
    loc, current = next(((loc, item) for loc, item in tracked_in(model) if item.id == located.item.id), ((), None))
    if current is None:
        detail = f": {problems[0].message}" if problems else ""
        raise NotWritten(f"{located.path} does not validate{detail}; fix it (see `pcctrack validate`) before updating")
    try:
        return plan_update(current, request, as_of), loc
    except EditRefused as exc:
        raise UsageProblem(f"{located.item.id}: {exc}") from None


def _node(data: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def apply(node: Any, change: Change) -> None:
    """Make ``change`` in the item's mapping: only the lines it names change."""
    if change.status is not None:
        yamlio.set_value(node, "status", change.status.value, after=PLACE_AFTER["status"])
    if change.revised_due is not None:
        yamlio.append_item(node, "revised_due", yamlio.new_mapping(change.revised_due), after=PLACE_AFTER["revised_due"])
    yamlio.append_item(node, "log", yamlio.new_mapping(change.log_entry), after=PLACE_AFTER["log"])
