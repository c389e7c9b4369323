"""The loader reads good files fast and keeps nothing of them but their records."""

from __future__ import annotations

from pathlib import Path

from pcctrack.loader import load
from tests.conftest import AS_OF, run

ACTION = "audits/test-audit/action-1.yaml"


def test_good_files_keep_no_parse_trees_but_problems_still_get_positions(records: Path) -> None:
    assert load(records).documents == {}
    (records / ACTION).write_text((records / ACTION).read_text(encoding="utf-8").replace("priority: High", "priority: Urgent"), encoding="utf-8")
    result = run("validate", "--as-of", AS_OF)
    assert "records/audits/test-audit/action-1.yaml:5:11: error: priority: 'Urgent' is not on test-audit's scale" in result.stderr
