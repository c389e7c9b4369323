"""validate and overdue inside GitHub Actions: annotations, the full log, the job summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_snapshot import snapshot

from tests.conftest import AS_OF, run

BAD_TYPE = "id: bad\ntitle: T\npublished: 2025-01-01\ntypes: [nationall]\n"
"""A record whose only problem sits at line 4, column 9."""


@pytest.fixture
def in_github_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """GitHub's runner environment; returns the job summary file, which already has content."""
    summary = tmp_path / "step_summary.md"
    summary.write_text("## An earlier step\n\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    return summary


def test_a_bad_record_is_annotated_at_its_position_and_printed_in_the_log(records: Path, in_github_actions: Path) -> None:
    (records / "inspections" / "bad.yaml").write_text(BAD_TYPE)
    result = run("validate", "--as-of", AS_OF)
    assert result.exit_code == 1
    annotation = "::error file=records/inspections/bad.yaml,line=4,col=9::types[0]: 'nationall' is not allowed"
    assert result.stdout.startswith(annotation)
    assert len(result.stdout.splitlines()) == 1
    # GitHub shows ten annotations per step at most: the log line carries the same problem.
    message = result.stdout.split("::", 2)[2]
    assert f"records/inspections/bad.yaml:4:9: error: {message}" in result.stderr


def test_outside_github_actions_auto_means_plain_text(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    (records / "inspections" / "bad.yaml").write_text(BAD_TYPE)
    result = run("validate", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("records/inspections/bad.yaml:4:9: error: types[0]: 'nationall' is not allowed")


def test_json_stays_json_inside_github_actions(records: Path, in_github_actions: Path) -> None:
    (records / "inspections" / "bad.yaml").write_text(BAD_TYPE)
    result = run("validate", "--as-of", AS_OF, "--format", "json")
    assert result.stdout.startswith("{") and "::error" not in result.stdout + result.stderr


def test_validate_appends_its_problems_to_the_job_summary(records: Path, in_github_actions: Path) -> None:
    (records / "inspections" / "bad.yaml").write_text(BAD_TYPE)
    run("validate", "--as-of", AS_OF)
    assert in_github_actions.read_text(encoding="utf-8") == snapshot("""\
## An earlier step

### pcctrack validate

**1 problem in 1 of 5 record files**

| File | Line | Column | Problem |
| :-- | --: | --: | :-- |
| records/inspections/bad.yaml | 4 | 9 | types\\[0\\]: 'nationall' is not allowed: did you mean 'national'? (the choices: 'force-specific', 'national', 'follow-up', 'thematic' or 'partner') |

""")


def test_every_run_adds_a_section_and_a_clean_run_says_so(records: Path, in_github_actions: Path) -> None:
    run("validate", "--as-of", AS_OF)
    run("validate", "--as-of", AS_OF)
    text = in_github_actions.read_text(encoding="utf-8")
    assert text.startswith("## An earlier step\n")
    assert text.count("### pcctrack validate\n\n**4 record files checked: no problems**\n") == 2


def test_a_summary_that_cannot_be_written_is_only_a_warning(records: Path, in_github_actions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(in_github_actions.parent / "no-such-folder" / "summary.md"))
    result = run("validate", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "pcctrack: warning: could not add to the job summary" in result.stderr


def test_overdue_puts_its_table_in_the_job_summary_and_keeps_stdout_for_the_format(records: Path, in_github_actions: Path) -> None:
    result = run("overdue", "--as-of", AS_OF, "--format", "json")
    assert result.stdout.startswith("[")
    summary = in_github_actions.read_text(encoding="utf-8")
    assert "### pcctrack overdue\n\n**Overdue as of 1 January 2026: 3 items**\n\n| Days | ID |" in summary
    assert "| test-audit-1 |" in summary


def test_overdue_summary_says_when_nothing_is_overdue(records: Path, in_github_actions: Path) -> None:
    run("overdue", "--as-of", "2024-06-01")
    assert in_github_actions.read_text(encoding="utf-8").endswith(
        "### pcctrack overdue\n\n**Overdue as of 1 June 2024: 0 items**\n\nNothing is overdue.\n\n"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--as-of", AS_OF), 0),
        (("--as-of", AS_OF, "--fail-on-overdue"), 1),
        (("--as-of", "2024-06-01", "--fail-on-overdue"), 0),
        (("--as-of", AS_OF, "--fail-on-overdue", "--priority", "Low"), 0),
        # Listing what falls due soon still fails while anything is already late.
        (("--as-of", AS_OF, "--fail-on-overdue", "--due-within", "7"), 1),
    ],
)
def test_fail_on_overdue_gates_scheduled_checks(records: Path, args: tuple[str, ...], expected: int) -> None:
    result = run("overdue", *args)
    assert result.exit_code == expected
    assert ("3 items overdue" in result.stderr) == bool(expected)


def test_fail_on_overdue_also_fails_on_work_left_too_long_with_no_date(tmp_path: Path) -> None:
    """An open item with no date can never be overdue, so a scheduled check would never see it:
    past the office's limit (undated_warning_days), it fails the check too."""
    records = tmp_path / "records"
    (records / "inspections").mkdir(parents=True)
    (records / "inspections" / "undated.yaml").write_text(
        "id: undated\ntitle: A thematic inspection\npublished: 2025-06-02\ntypes: [force-specific]\n"
        "statutory_response: false\nfindings:\n  - id: undated-afi-1\n    kind: area-for-improvement\n"
        "    text: The force should do better.\n",
        encoding="utf-8",
    )
    early = run("overdue", "--records", str(records), "--as-of", "2025-08-01", "--fail-on-overdue")
    assert early.exit_code == 0  # 60 days: within the default 90
    result = run("overdue", "--records", str(records), "--as-of", "2025-09-15", "--fail-on-overdue", "--format", "json")
    assert result.exit_code == 1
    assert "1 item open more than 90 days with no date (--undated)" in result.stderr
