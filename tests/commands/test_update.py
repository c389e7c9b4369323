"""`pcctrack update`: the log grows by one entry, only the intended lines change, and a
refused update leaves the file exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.commands.conftest import changed_lines
from tests.conftest import AS_OF, run

ACTION = Path("records/audits/test-audit/action-1.yaml")


def test_a_claim_of_completion_adds_only_the_status_and_one_log_entry_and_awaits_the_auditor(bundled_repo: Path) -> None:
    result = run(
        "update", "rsm-vulnerability-2526-3", "--status", "completed", "--by", "PVP Hub Manager",
        "--note", "Dashboard now shows children linked to the suspect.", "--as-of", "2026-11-21",
    )
    assert result.exit_code == 0, result.stderr
    assert changed_lines(bundled_repo) == [
        "+status: completed",
        "+  - date: 2026-11-21",
        "+    status: completed",
        "+    by: PVP Hub Manager",
        "+    note: Dashboard now shows children linked to the suspect.",
    ]
    assert run("validate", "--as-of", "2026-11-21").exit_code == 0
    overdue = run("overdue", "--as-of", "2026-11-21", "--format", "json").stdout
    assert '"rsm-vulnerability-2526-3"' not in overdue  # claimed: no longer the force's overdue work...
    waiting = json.loads(run("overdue", "--awaiting", "--as-of", "2026-11-25", "--format", "json").stdout)
    assert [(r["id"], r["closed_by"], r["days_waiting"]) for r in waiting] == [("rsm-vulnerability-2526-3", "internal audit", 4)]
    verified = run(
        "update", "rsm-vulnerability-2526-3", "--verdict", "implemented", "--by", "RSM follow-up audit",
        "--date", "2026-11-25", "--as-of", "2026-11-25",
    )
    assert verified.exit_code == 0, verified.stderr
    shown = json.loads(run("export", "-f", "json", "--as-of", "2026-11-25").stdout)
    row = next(r for r in shown if r["id"] == "rsm-vulnerability-2526-3")
    assert (row["state"], row["closed_on"], row["confirmed_status"], row["days_late"]) == ("closed", "2026-11-25", "implemented", 451)


def test_the_force_cannot_move_an_inspectorates_date_but_can_set_its_own_target(bundled_repo: Path) -> None:
    before = (bundled_repo / "records" / "inspections" / "gbcse-progress-2025.yaml").read_bytes()
    refused = run(
        "update", "gbcse-2025-rec-6", "--revise-due", "2027-03-31", "--reason", "Slipped",
        "--agreed-by", "Chief Officer lead (GAIN Board)", "--as-of", "2026-11-21",
    )
    assert refused.exit_code == 2 and "--target" in refused.stderr
    assert (bundled_repo / "records" / "inspections" / "gbcse-progress-2025.yaml").read_bytes() == before
    result = run(
        "update", "gbcse-2025-rec-6", "--target", "2027-03-31", "--reason", "Strategy goes to the GAIN Board in March",
        "--agreed-by", "Chief Officer lead (GAIN Board)", "--date", "2026-04-02", "--as-of", "2026-11-21",
    )
    assert result.exit_code == 0, result.stderr
    added = changed_lines(bundled_repo)
    assert added[:5] == [
        "+    targets:",
        "+      - date: 2027-03-31",
        "+        reason: Strategy goes to the GAIN Board in March",
        "+        agreed_by: Chief Officer lead (GAIN Board)",
        "+        set_on: 2026-04-02",
    ]
    assert all(line.startswith("+") for line in added)
    listed = json.loads(run("overdue", "--as-of", "2026-11-21", "--format", "json").stdout)
    row = next(r for r in listed if r["id"] == "gbcse-2025-rec-6")  # still overdue against HMICFRS's date
    assert (row["due"], row["target"], row["days_overdue"], row["days_behind_target"]) == ("2026-07-31", "2027-03-31", 113, None)
    assert run("validate", "--as-of", "2026-11-21").exit_code == 0


def test_the_date_defaults_to_as_of(records: Path) -> None:
    assert run("update", "test-audit-1", "--note", "Checked.", "--as-of", "2025-10-01").exit_code == 0
    assert "  - date: 2025-10-01\n    note: Checked.\n" in ACTION.read_text()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["test-audit-1", "--status", "finished"], 2, "--status 'finished' is not one of open, "),
        (["test-audit-1", "--note", "x", "--date", "2025-02-30"], 2, "--date '2025-02-30' is not a date"),
        (["test-audit-9", "--note", "x"], 2, "no finding, audit action, response, audit or inspection has the id 'test-audit-9': did you mean 'test-audit-1'?"),
        (["test-audit-1", "--note", "x", "--date", "2025-09-01"], 2, "the latest log entry is dated 2025-09-15"),
        (["test-audit-1", "--note", "x", "--date", "2026-02-01"], 2, "updates cannot be in the future"),
        (["test-audit-1"], 2, "nothing to record"),
        (["test-audit-1", "--revise-due", "2026-03-31"], 2, "add --reason, --agreed-by"),
        (["test-audit-1", "--revise-due", "2025-01-31", "--reason", "r", "--agreed-by", "Audit Committee"], 2,
         "not after the original due date 2025-08-31"),
        (["test-audit-1", "--revise-due", "2026-03-31", "--reason", "r", "--agreed-by", "X"], 1,
         "would leave records/audits/test-audit/action-1.yaml invalid, so nothing was written"),
    ],
)
def test_a_refused_update_leaves_the_file_byte_identical(records: Path, args: list[str], code: int, message: str) -> None:
    before = ACTION.read_bytes()
    result = run("update", *args, "--as-of", AS_OF)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert ACTION.read_bytes() == before


def test_a_windows_edited_record_keeps_its_line_endings_and_bom(records: Path) -> None:
    ACTION.write_bytes(b"\xef\xbb\xbf" + ACTION.read_bytes().replace(b"\n", b"\r\n"))
    assert run("validate", "--as-of", AS_OF).exit_code == 0
    assert run("update", "test-audit-1", "--status", "completed", "--note", "Done.", "--as-of", AS_OF).exit_code == 0
    raw = ACTION.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid: test-audit-1\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert raw.endswith(b"  - date: 2026-01-01\r\n    status: completed\r\n    note: Done.\r\n")
    assert run("validate", "--as-of", AS_OF).exit_code == 0


def test_an_invalid_record_is_not_updated(records: Path) -> None:
    ACTION.write_text(ACTION.read_text().replace("priority: High", "priority: Urgent"))
    before = ACTION.read_bytes()
    result = run("update", "test-audit-1", "--note", "x", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "priority: 'Urgent' is not on test-audit's scale" in result.stderr
    assert ACTION.read_bytes() == before


def test_a_layout_that_cannot_be_kept_exactly_is_warned_about(records: Path) -> None:
    raw = ACTION.read_bytes()
    ACTION.write_bytes(raw.replace(b"\n", b"\r\n", 1))  # one Windows line ending among Unix ones
    result = run("update", "test-audit-1", "--note", "Chased.", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "cannot write back exactly" in result.stderr
    assert run("validate", "--as-of", AS_OF).exit_code == 0


def test_a_faithful_layout_gives_no_warning(records: Path) -> None:
    result = run("update", "test-audit-1", "--note", "Chased.", "--as-of", AS_OF)
    assert "warning" not in result.stderr


def test_findings_reordered_before_the_lock_still_get_the_entry_on_the_right_one(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a `git pull` between reading the tree and taking the lock would."""
    from contextlib import contextmanager

    from pcctrack.boundary import atomic, yamlio

    path = records / "inspections" / "test-inspection.yaml"
    text = path.read_text()
    head, _, findings = text.partition("findings:\n")
    first, _, second = findings.partition("  - id: test-inspection-afi-1\n")
    real_locked = atomic.locked

    @contextmanager
    def pulled_then_locked(target: Path):  # type: ignore[no-untyped-def]
        path.write_text(head + "findings:\n  - id: test-inspection-afi-1\n" + second + first)
        with real_locked(target) as raw:
            yield raw

    monkeypatch.setattr(atomic, "locked", pulled_then_locked)
    result = run("update", "test-inspection-rec-1", "--note", "Chased.", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    data = yamlio.parse(path.read_text()).data
    by_id = {f["id"]: f for f in data["findings"]}
    assert [e["note"] for e in by_id["test-inspection-rec-1"]["log"]] == ["Chased."]
    assert "log" not in by_id["test-inspection-afi-1"]


def test_a_read_only_record_is_not_rewritten(records: Path) -> None:
    path = records / "audits" / "test-audit" / "action-1.yaml"
    before = path.read_bytes()
    path.chmod(0o444)
    result = run("update", "test-audit-1", "--note", "Chased.", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "action-1.yaml is read-only: make it writable (chmod u+w) if it should change: nothing was written" in result.stderr
    assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444
