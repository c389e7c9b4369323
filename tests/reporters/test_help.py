"""`--help` reads like the README: plain value names, whole summaries, an example each."""

from __future__ import annotations

import re

import pytest

from pcctrack.cli import app
from pcctrack.reporters.help import EXAMPLES, NEW_KINDS
from tests.conftest import run

COMMANDS = sorted(EXAMPLES) + ["new"]
NOTATION = re.compile(r"<[a-z][^>]*>|\{[A-Za-z_]+\}|list\[|\[x[<>]=")


def test_every_command_has_an_example_and_none_is_forgotten() -> None:
    import typer.main

    assert sorted(typer.main.get_command(app).commands) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_uses_no_developer_notation_and_shows_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert not NOTATION.findall(result.stdout), result.stdout
    assert "Example" in result.stdout and f"pcctrack {command} " in result.stdout.split("Example", 1)[1]


def test_the_command_list_gives_each_summary_whole() -> None:
    result = run("--help")
    listing = result.stdout.split("Commands:", 1)[1]
    assert "..." not in listing
    assert "List open items past their due date or target date, most overdue\n            first." in listing
    assert set(COMMANDS) <= {line.split()[0] for line in listing.splitlines() if line.startswith("  ") and not line.startswith("   ")}


def test_new_help_is_for_the_kind_asked_about() -> None:
    action = run("new", "action", "--help").stdout
    audit = run("new", "audit", "--help").stdout
    assert action != audit
    assert action.startswith("Usage: pcctrack new action [OPTIONS]")
    assert "--due YYYY-MM-DD      The agreed date (an action)" in action and "--auditor" not in action
    assert "--priorities TEXT" in audit and "--due " not in audit and "--owner" not in audit
    assert NEW_KINDS["audit"][0].split()[0] in audit
    general = run("new", "--help").stdout
    assert all(f"pcctrack new {kind} " in general for kind in NEW_KINDS)  # every kind's example
