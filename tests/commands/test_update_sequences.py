"""Any sequence of updates leaves a valid record whose history is complete and untouched.

Hypothesis draws sequences of notes, status changes and revised due dates, applies them with
`pcctrack update` one after another, and after each step checks that the record validates,
that every earlier log entry and revision is still there exactly as it was, and that the new
ones were appended at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcctrack.boundary import yamlio
from pcctrack.choices import Status
from tests.conftest import FIXTURES, run

ACTION = Path("records/audits/test-audit/action-1.yaml")
FIRST_DAY = date(2025, 9, 16)  # the fixture's last log entry is dated 2025-09-15
AS_OF = "2026-06-30"

step = st.fixed_dictionaries(
    {
        "gap": st.integers(min_value=0, max_value=40),
        "status": st.none() | st.sampled_from(list(Status)),
        "note": st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(str.strip),
        "revise": st.none() | st.integers(min_value=1, max_value=400),
    }
)


def read(path: Path) -> dict[str, Any]:
    return yamlio.parse(yamlio.decode(path.read_bytes())).data


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=4))
def test_random_update_sequences_keep_valid_records_and_full_history(steps: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(FIXTURES / "minimal" / "records", Path(scratch) / "records")
        before = os.getcwd()
        os.chdir(scratch)
        try:
            day = FIRST_DAY
            due = date(2025, 8, 31)
            for s in steps:
                day += timedelta(days=s["gap"])
                previous = read(ACTION)
                args = ["update", "test-audit-1", "--note", s["note"], "--date", day.isoformat(), "--as-of", AS_OF]
                if s["status"] is not None:
                    args += ["--status", s["status"].value]
                new_due = None if s["revise"] is None else date(2025, 8, 31) + timedelta(days=s["revise"])
                if new_due is not None:
                    args += ["--revise-due", new_due.isoformat(), "--reason", "Agreed slip", "--agreed-by", "Audit Committee"]
                raw = ACTION.read_bytes()
                result = run(*args)
                assert "Traceback" not in result.stderr
                if new_due == due:
                    # Moving a date to the date it already has is refused, and nothing is written.
                    assert result.exit_code == 2
                    assert "already due on" in result.stderr
                    assert ACTION.read_bytes() == raw
                    continue
                assert result.exit_code == 0, result.stderr
                due = new_due or due

                after = read(ACTION)
                old_log, new_log = previous.get("log", []), after["log"]
                assert new_log[: len(old_log)] == old_log, "an earlier log entry changed"
                assert len(new_log) == len(old_log) + 1
                assert new_log[-1]["note"] == s["note"].strip() or new_log[-1]["note"] == s["note"]
                old_revisions = previous.get("revised_due", [])
                added = 1 if s["revise"] is not None else 0
                assert after.get("revised_due", [])[: len(old_revisions)] == old_revisions
                assert len(after.get("revised_due", [])) == len(old_revisions) + added
                if s["status"] is not None:
                    assert after["status"] == s["status"].value
                else:
                    assert after["status"] == previous["status"]
                checked = run("validate", "--as-of", AS_OF)
                assert checked.exit_code == 0, checked.stderr
        finally:
            os.chdir(before)
