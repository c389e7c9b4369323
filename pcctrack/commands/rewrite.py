"""Writing a record as every writing command does: checked first, then replaced atomically.

An existing file is edited in round-trip mode (comments, key order, quoting and layout stay as
they were) on the bytes read under its lock; the result is checked exactly as `validate` would
check it, and for personal data it would newly publish; only then is the file replaced. A
refusal leaves the file byte for byte as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary import atomic, yamlio
from pcctrack.boundary.files import RecordKind
from pcctrack.checker import check_replacement
from pcctrack.errors import NotWritten, UsageProblem
from pcctrack.loader import Loaded
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import text
from pcctrack.validation import dotted, validate

Edit = Callable[[bytes, Any], list[str]]
"""Makes a change in a record's editable tree, given the file's bytes as read under its lock
(so it plans against what is there now), and returns one line per change for the person who
asked."""


def rewrite(loaded: Loaded, shown: str, kind: RecordKind, as_of: date, edit: Edit, what: str, output: Output) -> list[str]:
    """Apply ``edit`` to the record at ``shown`` and write it back, or refuse and write nothing.
    ``what`` names the change in messages ("the update", "the new finding")."""
    path = loaded.sources.get(shown, Path(shown))
    try:
        with atomic.locked(path) as raw:
            doc = yamlio.load_editable(raw)
            faithful = yamlio.dump_editable(doc) == raw
            summary = edit(raw, doc.data)
            edited = yamlio.dump_editable(doc)
            check(loaded, shown, kind, edited, as_of, what, before=raw)
            atomic.write_atomically(path, edited, expected=raw)
    except atomic.ReadOnly as exc:
        raise NotWritten(f"{exc}: nothing was written") from None
    except atomic.WriteConflict as exc:
        raise NotWritten(f"{exc}: nothing was written; run the command again") from None
    except yamlio.YamlProblem as exc:
        raise NotWritten(f"{shown}:{exc.line}:{exc.col}: {exc.message}") from None
    except OSError as exc:
        raise NotWritten(f"cannot update {shown}: {exc.strerror or exc}") from None
    if not faithful:
        output.warn(
            f"{shown} has a layout pcctrack cannot write back exactly (such as mixed line "
            "endings or uneven indentation), so `git diff` will show more lines than this change"
        )
    return summary


def current(raw: bytes, kind: RecordKind, shown: str) -> Any:
    """The record as it is now (read under the lock), to plan an edit against; refused if it
    does not validate, since an edit is checked against the rest of the file too."""
    model, problems = validate(kind, yamlio.parse(yamlio.decode(raw)).data, shown)
    if model is None:
        detail = f": {problems[0].message}" if problems else ""
        raise NotWritten(f"{shown} does not validate{detail}; fix it (see `pcctrack validate`) before changing it")
    return model


def check(loaded: Loaded, shown: str, kind: RecordKind, raw: bytes, as_of: date, what: str, before: bytes | None = None) -> None:
    """Refuse ``raw`` as the content of ``shown`` if `validate` would fail it, or if it puts an
    email address or phone number in a published field that ``before`` did not have."""
    problems = check_replacement(loaded, shown, kind, raw, as_of)
    if problems:
        raise NotWritten(f"{what} would leave {shown} invalid, so nothing was written:\n" + text(problems).rstrip("\n"))
    refuse_personal_data(shown, kind, raw, what, before)


def refuse_personal_data(shown: str, kind: RecordKind, raw: bytes, what: str, before: bytes | None = None) -> None:
    """Refuse a valid ``raw`` that puts an email address or phone number in a published field
    that ``before`` (None for a new file) did not have: the analyst is told where, and how to
    keep it for the office only."""
    from pcctrack.rules.publishable import introduced

    old = validate(kind, yamlio.parse(yamlio.decode(before)).data, shown)[0] if before is not None else None
    new = validate(kind, yamlio.parse(yamlio.decode(raw)).data, shown)[0]
    assert new is not None  # it has just passed every check
    found = introduced(old, new)
    if found:
        loc, which = found[0]
        raise UsageProblem(
            f"{what} would put {which} in {dotted(loc)} of {shown}, a field that is published, so "
            "nothing was written: leave it out, or keep it in an office-only note with --internal-note"
        )
