"""Markdown for a CI job summary (GitHub's GITHUB_STEP_SUMMARY), one section per command run.

The summary is what a reviewer sees on the workflow run's page without opening the log, so
it carries the counts and the problems or items themselves, not just a pass or fail.
"""

from __future__ import annotations

from collections.abc import Sequence

from pcctrack.diagnostics import Diagnostic
from pcctrack.reporters.diagnostics import summary
from pcctrack.reporters.tabular import Column, Row, to_markdown

MAX_PROBLEM_ROWS = 200
"""GitHub refuses a step summary over 1 MiB; past this many problems the log has the rest."""

PROBLEM_COLUMNS = [
    Column("path", "File"),
    Column("line", "Line", justify="right"),
    Column("col", "Column", justify="right"),
    Column("message", "Problem"),
]


def section(command: str, title: str, table: str = "") -> str:
    """A heading naming the command (so several steps' summaries read apart), the result's
    one-line title in bold, then its table if it has one."""
    return f"### pcctrack {command}\n\n**{title}**\n\n" + (f"{table}\n" if table else "")


def validate_summary(diagnostics: Sequence[Diagnostic], checked: int) -> str:
    """The validate result: the count line, then every problem with its place (up to a cap)."""
    title = summary(diagnostics, checked)
    if not diagnostics:
        return section("validate", title)
    shown = diagnostics[:MAX_PROBLEM_ROWS]
    rows: list[Row] = [{"path": d.path, "line": d.line, "col": d.col, "message": d.message} for d in shown]
    table = to_markdown(PROBLEM_COLUMNS, rows)
    hidden = len(diagnostics) - len(shown)
    if hidden:
        table += f"\n{hidden} more problem{'s' if hidden != 1 else ''} not shown here: see the step's log.\n"
    return section("validate", title, table)


def listing_summary(command: str, title: str, columns: Sequence[Column], rows: Sequence[Row], empty: str) -> str:
    """A listing command's table, as it prints with --format markdown."""
    return section(command, title, to_markdown(columns, rows) if rows else f"{empty}\n")
