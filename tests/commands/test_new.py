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
        "due: 2026-06-30\n"  # no status: nothing has been said of its progress yet
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


def answering(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[command.Question]:
    """Answer the prompts in turn, through the prompter seam; the questions asked are kept."""
    queue = iter(answers)
    asked: list[command.Question] = []

    def ask(question: command.Question) -> str:
        asked.append(question)
        return next(queue)

    monkeypatch.setattr(command, "prompter", lambda: ask)
    return asked


def test_on_a_terminal_it_asks_for_what_is_missing(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answering(monkeypatch, "test-audit", "", "Review the dashboard.", "Medium", "Head of Safeguarding", "2026-03-31")
    result = run("new", "action", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert [q.label for q in asked[:3]] == ["Audit id", "The agreed action", "The agreed action"]  # an empty answer is asked again
    assert "priority: Medium\n" in Path("records/audits/test-audit/action-2.yaml").read_text()


def test_each_answer_is_checked_as_it_is_given_and_a_mistake_is_asked_again(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answering(
        monkeypatch,
        "test-audt", "test-audit",  # a slip in the audit's id
        "Review the dashboard.",
        "Urgent", "medium",  # off the scale, then the right level in lower case
        "head of safeguarding",
        "30/09/2026", "2026-09-30",  # a British date, then the date it means
    )
    result = run("new", "action", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert [q.label for q in asked] == [
        "Audit id", "Audit id", "The agreed action", "Priority", "Priority", "Owner (a role, never a name)",
        "Agreed date (YYYY-MM-DD)", "Agreed date (YYYY-MM-DD)",
    ]
    # The choices are offered: the audits, the audit's own scale, the declared roles.
    assert asked[0].choices == ("test-audit",)
    assert asked[3].choices == ("High", "Medium", "Low")
    assert "Head of Safeguarding" in asked[5].choices
    # A mistyped answer is explained, and its likely meaning offered as the default.
    assert (asked[1].default, asked[4].default, asked[7].default) == ("test-audit", None, "2026-09-30")
    assert result.stderr.splitlines()[:3] == [
        "'test-audt' is not an audit's id: did you mean 'test-audit'? (choose from test-audit; or create the audit "
        "first, with `pcctrack new audit`): try again",
        "'Urgent' is not on test-audit's priority scale (choose from High, Medium, Low): try again",
        "'30/09/2026' is not a date written YYYY-MM-DD: did you mean 2026-09-30?: try again",
    ]
    assert "--" not in "".join(result.stderr.splitlines()[:3]).replace("--help", "")  # no option the user never typed
    written = Path("records/audits/test-audit/action-2.yaml").read_text()
    assert "priority: Medium\n" in written and "owner: Head of Safeguarding\n" in written and "due: 2026-09-30\n" in written


def test_options_are_read_in_any_case_and_stored_as_the_records_spell_them(records: Path) -> None:
    result = run("new", "action", "--audit", "test-audit", "--action", "Act.", "--priority", "medium",
                 "--owner", "head of safeguarding", "--due", "2026-06-30", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    written = Path("records/audits/test-audit/action-2.yaml").read_text()
    assert "priority: Medium\n" in written and "owner: Head of Safeguarding\n" in written


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--priority", "Urgent"], "--priority 'Urgent' is not on test-audit's priority scale (choose from High, Medium, Low)"),
        (["--owner", "A Person"], "--owner 'A Person' is not a role declared in pcctrack.yaml"),
        (["--due", "30/06/2026"], "--due '30/06/2026' is not a date written YYYY-MM-DD: did you mean 2026-06-30?"),
    ],
)
def test_a_mistyped_option_is_refused_and_nothing_is_written(records: Path, args: list[str], message: str) -> None:
    base = dict(zip(ACTION_ARGS[::2], ACTION_ARGS[1::2]))
    base.update(dict(zip(args[::2], args[1::2])))
    result = run("new", "action", "--audit", "test-audit", *[x for kv in base.items() for x in kv], "--as-of", AS_OF)
    assert result.exit_code == 2
    assert f"pcctrack: error: {message}" in result.stderr
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
    assert "--audit 'nope' is not an audit's id (choose from test-audit; or create the audit first, with `pcctrack new audit`)" in result.stderr


def test_a_new_record_points_editors_at_its_schema(records: Path) -> None:
    assert run("schema", "-o", "schema").exit_code == 0  # beside records/, as in a records repository
    result = run("new", "action", "--audit", "test-audit", *ACTION_ARGS, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    created = Path(result.stdout.strip())
    first = created.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../schema/action.schema.json"
    assert (created.parent / "../../../schema/action.schema.json").resolve().is_file()
    assert run("validate", "--as-of", AS_OF).exit_code == 0


def test_at_a_real_terminal_a_mistake_is_asked_again_with_its_correction_offered(records: Path) -> None:
    """Through a pseudo-terminal, as an analyst types: the prompts, the choices, the retries."""
    import os
    import pty
    import subprocess
    import sys

    main, terminal = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    child = subprocess.Popen([sys.executable, "-m", "pcctrack", "new", "action", "--as-of", AS_OF],
                             stdin=terminal, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    os.write(main, b"test-audt\n\nReview the dashboard.\nmed\n\nhead of safeguarding\n30/09/2026\n\n")
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closes when pcctrack exits
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert child.wait(timeout=30) == 0, seen.decode()
    shown = seen.decode().replace("\r\n", "\n")
    assert "'test-audt' is not an audit's id: did you mean 'test-audit'?" in shown
    assert "Audit id (test-audit) [test-audit]:" in shown  # the correction, taken with Enter
    assert "Priority (High, Medium, Low) [Medium]:" in shown
    assert "Agreed date (YYYY-MM-DD) [2026-09-30]:" in shown
    written = Path("records/audits/test-audit/action-2.yaml").read_text()
    assert "priority: Medium\n" in written and "owner: Head of Safeguarding\n" in written and "due: 2026-09-30\n" in written
