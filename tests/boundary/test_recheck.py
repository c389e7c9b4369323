"""`validate` after an everyday edit reads only the edited file, and answers exactly as a
whole check with no cache does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests import checking
from tests.checking import edit

ACTION = "audits/test-audit/action-1.yaml"
INSPECTION = "inspections/test-inspection.yaml"
AS_OF = "2026-11-30"
TARGET = """    targets:
      - date: 2026-06-30
        reason: Set at the force's improvement board.
        agreed_by: Head of Safeguarding
        set_on: 2025-02-01
"""


@contextmanager
def checked_alone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Inside, a run that checks the whole tree fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole tree was checked")

    with monkeypatch.context() as patched:
        patched.setattr("pcctrack.checker.collected", refuse)
        yield


def test_a_new_log_entry_is_checked_alone(records: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert problems() == (0, [])
    edit(records / ACTION, "status: in-progress\nlog:", "status: completed\nlog:")
    edit(records / ACTION, "    status: in-progress\n", "    status: in-progress\n  - date: 2026-11-02\n    note: Dashboard live.\n    status: completed\n")
    with checked_alone(monkeypatch):
        assert problems() == (0, [])
        assert problems(f"records/{ACTION}") == (0, [])
    assert afresh(private_cache) == (0, [])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    status: in-progress\n",
            "    status: in-progress\n  - date: 2026-12-01\n    note: Written ahead.\n",
            "log entry dated 2026-12-01 is after 2026-11-30: updates cannot be in the future",
        ),
        (
            "status: in-progress\nlog:",
            "status: completed\nlog:",
            "status 'completed' disagrees with the latest log entry, which set 'in-progress' on 2025-09-15: "
            "make them agree (the log is the item's history)",
        ),
    ],
    ids=["a date after the day checked", "a status the log does not agree with"],
)
def test_an_everyday_edit_with_a_problem_is_found_without_the_whole_check(
    records: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, message: str
) -> None:
    assert problems() == (0, [])
    edit(records / ACTION, old, new)
    with checked_alone(monkeypatch):
        code, warm = problems()
        assert (code, [p["message"] for p in warm]) == (1, [message])
    assert afresh(private_cache) == (code, warm)


def test_an_undated_warning_goes_when_the_edit_sets_a_target(records: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(records / INSPECTION, TARGET, "")
    code, before = problems()
    assert code == 0 and [p["message"].split(" has been open")[0] for p in before] == ["test-inspection-afi-1"]
    edit(records / ACTION, "Dashboard review started.", "Dashboard review started in September.")
    with checked_alone(monkeypatch):
        assert problems() == (0, before)  # the unchanged inspection's warning, kept
    edit(records / INSPECTION, "    tags: [strand:missing-persons]\n", "    tags: [strand:missing-persons]\n" + TARGET)
    with checked_alone(monkeypatch):
        assert problems() == (0, [])
    assert afresh(private_cache) == (0, [])


def test_an_edit_that_changes_what_others_see_checks_the_whole_tree(records: Path, private_cache: Path) -> None:
    edit(records / ACTION, "due: 2025-08-31\n", "due: 2025-08-31\nrelated: [test-inspection-rec-1]\n")
    assert problems() == (0, [])
    edit(records / INSPECTION, "id: test-inspection-rec-1", "id: test-inspection-rec-9")
    code, warm = problems()
    assert code == 1 and [p["path"] for p in warm] == [f"records/{ACTION}"]
    assert afresh(private_cache) == (code, warm)


def problems(*args: str) -> tuple[int, list[dict[str, object]]]:
    return checking.problems(*args, as_of=AS_OF)


def afresh(cache: Path) -> tuple[int, list[dict[str, object]]]:
    return checking.afresh(cache, as_of=AS_OF)
