"""Every mistake on the command line gets one `pcctrack: error:` line saying how to put it
right, and exit 2: Click's own usage block never shows."""

from __future__ import annotations

import pytest

from tests.conftest import run


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["update", "x", "--status", "Complete"],
         "--status 'Complete' is not one of open, incomplete, in-progress, partly-implemented, not-implemented, "
         "completed, implemented, closed, superseded, not-adopted: did you mean 'completed'? "
         "(`pcctrack update --help` shows what it takes)"),
        (["update", "x", "--verdict", "colsed"], "--verdict 'colsed' is not one of open, "),
        (["overdue", "--format", "jsno"], "--format 'jsno' is not one of table, json, csv, markdown: did you mean 'json'?"),
        (["status", "--by", "owners"], "--by 'owners' is not one of status, priority, owner, source, record, tag: did you mean 'owner'?"),
        (["overdue", "--source", "audits"], "--source 'audits' is not one of inspection, audit, response: did you mean 'audit'?"),
        (["new", "actoin"], "KIND 'actoin' is not one of inspection, audit, action, finding: did you mean 'action'?"),
        (["overdue", "--due-within", "soon"], "--due-within takes a whole number, e.g. 30"),
        (["overdue", "--due-within", "-3"], "--due-within takes a whole number of at least 0, e.g. 30"),
        (["overdue", "--owne", "PVP"], "`pcctrack overdue` has no option --owne: did you mean --owner? (`pcctrack overdue --help` shows what it takes)"),
        (["overdu"], "there is no command 'overdu': did you mean 'overdue'? (`pcctrack --help` lists them)"),
        (["show"], "`pcctrack show` needs ID (`pcctrack show --help` shows what it takes)"),
    ],
)
def test_command_line_mistakes_are_one_error_line_with_the_fix(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("pcctrack: error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr


def test_choices_are_not_case_sensitive(records) -> None:  # type: ignore[no-untyped-def]
    result = run("overdue", "--as-of", "2026-01-01", "--format", "JSON", "--source", "Audit")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("[")


def test_no_arguments_still_shows_the_help() -> None:
    result = run()
    assert result.exit_code == 2
    assert "Commands:" in result.stdout + result.stderr


def test_a_status_in_capitals_is_stored_as_the_vocabulary_spells_it(records) -> None:  # type: ignore[no-untyped-def]
    result = run("update", "test-audit-1", "--status", "Completed", "--note", "Done.", "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.stderr
    assert "    status: completed\n" in (records / "audits" / "test-audit" / "action-1.yaml").read_text()


def test_an_unquoted_value_with_spaces_is_told_to_use_quotes() -> None:
    result = run("status", "--owner", "PVP", "Hub")
    assert result.exit_code == 2
    assert "`pcctrack status` was given more than it takes (Hub): put a value with spaces in quotes" in result.stderr
