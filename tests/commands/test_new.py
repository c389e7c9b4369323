"""`pcctrack new`: a valid record with the next free id, from options or answers at a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcctrack.commands import new as command
from tests.conftest import AS_OF, run

ACTION_ARGS = ["--action", "The force will test the dashboard.", "--priority", "Low", "--owner", "Head of Safeguarding", "--due", "2026-06-30"]


def test_new_action_takes_the_next_number_and_validates(records: Path) -> None:
    result = run("new", "action", "--audit", "test-audit", *ACTION_ARGS, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "records/audits/test-audit/action-2.yaml\n"
    assert Path("records/audits/test-audit/action-2.yaml").read_text() == (
        "id: test-audit-2\n"
        "audit: test-audit\n"
        "number: 2\n"
        "action: The force will test the dashboard.\n"
        "priority: Low\n"
        "owner: Head of Safeguarding\n"
        "due: 2026-06-30\n"
        "status: open\n"
    )
    assert run("validate", "--as-of", AS_OF).exit_code == 0
    assert run("update", "test-audit-2", "--note", "Kick-off held.", "--as-of", AS_OF).exit_code == 0


def test_new_audit_and_inspection(records: Path) -> None:
    audit = run("new", "audit", "--auditor", "RSM UK", "--reference", "4.25/26", "--title", "Missing persons",
                "--financial-year", "2025/26", "--priorities", "High, Medium, Low", "--as-of", AS_OF)
    assert audit.stdout == "records/audits/rsm-missing-persons-2526/audit.yaml\n"
    inspection = run("new", "inspection", "--title", "Test Constabulary PEEL inspection", "--published", "2025-11-03",
                     "--types", "force-specific", "--as-of", AS_OF)
    assert inspection.stdout == "records/inspections/peel-2025.yaml\n"
    assert run("validate", "--as-of", AS_OF).exit_code == 0
    again = run("new", "inspection", "--title", "Test Constabulary PEEL inspection", "--published", "2025-11-03",
                "--types", "force-specific", "--as-of", AS_OF)
    assert again.stdout == "records/inspections/peel-2025-2.yaml\n"


def test_without_a_terminal_missing_fields_are_named(records: Path) -> None:
    result = run("new", "action", "--audit", "test-audit")
    assert result.exit_code == 2
    assert "a new action needs --action, --priority, --owner, --due" in result.stderr


def test_on_a_terminal_it_asks_for_what_is_missing(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["test-audit", "", "Review the dashboard.", "Medium", "Head of Safeguarding", "2026-03-31"])
    asked: list[str] = []

    def ask(label: str) -> str:
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(command, "prompter", lambda: ask)
    result = run("new", "action", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert asked[:2] == ["Audit id", "The agreed action"]
    assert asked[2] == "The agreed action"  # an empty answer is asked again
    assert "priority: Medium\n" in Path("records/audits/test-audit/action-2.yaml").read_text()


def test_an_invalid_new_record_is_not_written(records: Path) -> None:
    result = run("new", "action", "--audit", "test-audit", *ACTION_ARGS[:2], "--priority", "Urgent",
                 "--owner", "A Person", "--due", "2026-06-30", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "priority: 'Urgent' is not on test-audit's scale" in result.stderr
    assert "unknown owner role 'A Person'" in result.stderr
    assert not Path("records/audits/test-audit/action-2.yaml").exists()


def test_an_existing_file_is_never_overwritten(records: Path) -> None:
    taken = Path("records/inspections/mine.yaml")
    taken.write_text("# not yet filled in\n")
    result = run("new", "inspection", "--id", "mine", "--title", "T", "--published", "2025-01-01", "--types", "national", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "records/inspections/mine.yaml already exists: pcctrack never overwrites a record" in result.stderr
    assert taken.read_text() == "# not yet filled in\n"


def test_an_unknown_audit(records: Path) -> None:
    result = run("new", "action", "--audit", "nope", *ACTION_ARGS)
    assert result.exit_code == 2
    assert "no audit has the id 'nope' (audits: test-audit)" in result.stderr


def test_a_new_record_points_editors_at_its_schema(records: Path) -> None:
    assert run("schema", "-o", "schema").exit_code == 0  # beside records/, as in a records repository
    result = run("new", "action", "--audit", "test-audit", *ACTION_ARGS, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    created = Path(result.stdout.strip())
    first = created.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../schema/action.schema.json"
    assert (created.parent / "../../../schema/action.schema.json").resolve().is_file()
    assert run("validate", "--as-of", AS_OF).exit_code == 0
