"""`pcctrack show ID`: one item in full."""

from __future__ import annotations

import json
from pathlib import Path

from inline_snapshot import snapshot

from tests.conftest import AS_OF, run


def test_show_an_action_with_its_revision_and_whole_log(records: Path) -> None:
    assert run(
        "update", "test-audit-1", "--revise-due", "2025-12-31", "--reason", "Supplier delay",
        "--agreed-by", "Audit Committee", "--date", "2025-10-02", "--as-of", AS_OF,
    ).exit_code == 0
    result = run("show", "test-audit-1", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stdout == snapshot("""\
test-audit-1: management action (High priority)
Record:      test-audit: Safeguarding
File:        records/audits/test-audit/action-1.yaml:1
Owner:       Safeguarding Lead
Status:      open (in-progress)
Due:         31 August 2025 (original); now 31 December 2025; 1 day overdue as of 1 January 2026
Revised:     to 31 December 2025: Supplier delay (agreed by Audit Committee on 2 October 2025)

The force will review the safeguarding dashboard.

Log:
  15 September 2025 [in-progress]: Dashboard review started.
  2 October 2025: Due date revised from 2025-08-31 to 2025-12-31: Supplier delay (agreed by Audit
    Committee).
""")


def test_show_a_finding_names_its_file_and_line(records: Path) -> None:
    result = run("show", "test-inspection-afi-1", "--as-of", AS_OF)
    assert result.stdout == snapshot("""\
test-inspection-afi-1: area for improvement
Record:      test-inspection: Test Constabulary PEEL inspection
File:        records/inspections/test-inspection.yaml:12
Owner:       (none)
Status:      open (none stated)
Due:         no date set
Target:      30 June 2026: Set at the force's improvement board. (set by Head of Safeguarding on 1
             February 2025)

The force should record more.

Log: no updates recorded

Tags:        strand:missing-persons
""")


def test_show_json_carries_the_log_and_where_it_lives(records: Path) -> None:
    data = json.loads(run("show", "test-audit-1", "--format", "json", "--as-of", AS_OF).stdout)
    assert data["log"] == [{"date": "2025-09-15", "note": "Dashboard review started.", "status": "in-progress", "verdict": None, "by": None, "evidence": []}]
    assert (data["file"], data["line"], data["current_due"]) == ("records/audits/test-audit/action-1.yaml", 1, "2025-08-31")


def test_show_an_unknown_id(records: Path) -> None:
    result = run("show", "test-inspection-rec-9")
    assert result.exit_code == 2
    assert "did you mean 'test-inspection-rec-1'?" in result.stderr
