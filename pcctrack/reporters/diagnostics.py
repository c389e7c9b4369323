"""Render diagnostics as yamllint does: text lines, GitHub annotations, or JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from enum import StrEnum

from pcctrack.diagnostics import Diagnostic


class DiagnosticFormat(StrEnum):
    AUTO = "auto"
    """`github` inside GitHub Actions, `text` elsewhere (settings.diagnostic_format decides)."""
    TEXT = "text"
    GITHUB = "github"
    JSON = "json"


def text(diagnostics: Sequence[Diagnostic]) -> str:
    """`path:line:col: error: message`, the form editors and CI logs link to."""
    return "".join(
        f"{printable(d.path)}:{d.line}:{d.col}: {d.severity}: {printable(d.message)}\n" for d in diagnostics
    )


def github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands, which annotate the pull request's diff.

    GitHub shows only the first ten annotations of a step, so callers print the text lines
    as well: the log then holds every problem.
    """
    return "".join(
        f"::{d.severity} file={_prop(printable(d.path))},line={d.line},col={d.col}::{_data(printable(d.message))}\n"
        for d in diagnostics
    )


_UNSAFE_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}\t\n]")
"""Control characters, line separators and bidirectional overrides."""
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE_CLASS}]")
"""The same, less tab and newline: text of several lines."""


def printable(value: str) -> str:
    """Escape what a record could use to break the one-line format or drive the terminal.

    Messages quote keys and values from the records; an escape sequence or a newline in a
    key must show as `\\x1b` or `\\n`, not clear the screen or forge a second diagnostic.
    """
    return _UNSAFE.sub(_escaped, value)


def for_people(value: str) -> str:
    """`printable` for text of several lines (a record shown in full, a history, a table):
    tabs and line breaks stay, every other control character shows escaped."""
    return _UNSAFE_IN_TEXT.sub(_escaped, value)


def _escaped(found: re.Match[str]) -> str:
    return found.group().encode("unicode_escape").decode("ascii")


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    """`{"ok": bool, "problems": [...]}` for scripts."""
    problems = [
        {"path": d.path, "line": d.line, "col": d.col, "message": d.message, "severity": d.severity}
        for d in diagnostics
    ]
    return json.dumps({"ok": not errors(diagnostics), "problems": problems}, indent=2) + "\n"


def errors(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that fail a check; warnings are reported but pass."""
    return [d for d in diagnostics if d.severity == "error"]


def summary(diagnostics: Sequence[Diagnostic], checked: int, scope: str = "") -> str:
    """One line for a person: how many files (and where), how many problems and warnings."""
    files = f"{checked} record file{'s' if checked != 1 else ''}{scope}"
    failing = errors(diagnostics)
    warned = len(diagnostics) - len(failing)
    warnings = f"{warned} warning{'s' if warned != 1 else ''}"
    if not failing:
        return f"{files} checked: no problems" + (f", {warnings}" if warned else "")
    line = (
        f"{len(failing)} problem{'s' if len(failing) != 1 else ''} in "
        f"{len({d.path for d in failing})} of {files}"
    )
    return line + (f"; {warnings}" if warned else "")


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
