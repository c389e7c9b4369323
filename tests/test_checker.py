"""`validate` from the cache: only changed files are read, and the answer is the one a full
read gives, diagnostic for diagnostic."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.checking import afresh, edit, problems
from tests.conftest import run
from tests.test_bad_records import CASES, place

ACTION = "audits/test-audit/action-1.yaml"
AUDIT = "audits/test-audit/audit.yaml"
INSPECTION = "inspections/test-inspection.yaml"


def test_every_bad_file_at_once_gives_the_same_diagnostics_with_and_without_the_cache(records: Path, private_cache: Path) -> None:
    placed = [place(records, case) for case in CASES]
    code, cold = afresh(private_cache)
    assert code == 1 and len(cold) >= len(placed)  # every file has at least one (a duplicate id is the later file's)
    assert problems() == (1, cold)
    (records / ACTION).write_text((records / ACTION).read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert problems() == (1, cold)
    for target in placed[::7]:
        shown = f"records/{target.relative_to(records)}"
        assert problems(shown)[1] == [p for p in cold if p["path"] == shown]
    assert afresh(private_cache) == (1, cold)


def changed_elsewhere(records: Path, cache: Path, change: Callable[[], None], shown: str, message: str) -> None:
    """After ``change``, a file that did not change (and so comes from the cache) has the
    problem the change gave it, exactly as a read with no cache finds it."""
    assert problems() == (0, [])
    change()
    code, warm = problems()
    assert code == 1 and [(p["path"], p["message"]) for p in warm if p["path"] == shown] == [(shown, message)]
    assert problems(shown) == (1, [p for p in warm if p["path"] == shown])
    assert afresh(cache) == (code, warm)


def test_a_deleted_audit_leaves_its_unchanged_actions_pointing_nowhere(records: Path, private_cache: Path) -> None:
    changed_elsewhere(records, private_cache, (records / AUDIT).unlink, f"records/{ACTION}", "unknown audit 'test-audit'")


def test_a_changed_priority_scale_puts_an_unchanged_action_off_it(records: Path, private_cache: Path) -> None:
    changed_elsewhere(
        records,
        private_cache,
        lambda: edit(records / AUDIT, "  - name: High\n", "  - name: Critical\n"),
        f"records/{ACTION}",
        "priority: 'High' is not on test-audit's scale: use one of Critical, Medium, Low",
    )


def test_a_changed_role_list_makes_an_unchanged_owner_undeclared(records: Path, private_cache: Path) -> None:
    changed_elsewhere(
        records,
        private_cache,
        lambda: edit(records / "pcctrack.yaml", "[Safeguarding Lead]", "[]"),
        f"records/{ACTION}",
        "unknown owner role 'Safeguarding Lead': did you mean 'Head of Safeguarding'? (owners must be roles declared in pcctrack.yaml)",
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("id: test-inspection-rec-1", "id: test-inspection-rec-9", "unknown related id 'test-inspection-rec-1': did you mean 'test-inspection-rec-9'?"),
        (
            "id: test-inspection\n",
            "id: test-inspection\nunknown_key: 1\n",
            "related id 'test-inspection-rec-1' is defined in records/inspections/test-inspection.yaml, which has errors: "
            "fix that file and this reference resolves",
        ),
    ],
    ids=["a changed id", "a file that broke"],
)
def test_an_unchanged_reference_to_a_changed_id_no_longer_resolves(records: Path, private_cache: Path, old: str, new: str, message: str) -> None:
    edit(records / ACTION, "due: 2025-08-31\n", "due: 2025-08-31\nrelated: [test-inspection-rec-1]\n")
    changed_elsewhere(records, private_cache, lambda: edit(records / INSPECTION, old, new), f"records/{ACTION}", message)


def test_a_future_date_is_judged_against_the_day_checked_not_the_day_cached(records: Path) -> None:
    edit(records / ACTION, "  - date: 2025-09-15\n", "  - date: 2026-12-01\n")
    assert run("validate", "--as-of", "2026-12-15").exit_code == 0
    result = run("validate", "--as-of", "2026-11-30", "--format", "json")
    messages = [p["message"] for p in json.loads(result.stdout)["problems"]]
    assert messages == ["log entry dated 2026-12-01 is after 2026-11-30: updates cannot be in the future"]
