"""The README's tour shows real output: if a command's output changes, the README must too."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, run

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("overdue", "--as-of", "2026-11-21", "--format", "markdown"),
        ("status", "--as-of", "2026-11-21", "--format", "markdown"),
        ("show", "ncpi-2025.response", "--as-of", "2026-11-21"),
    ],
    ids=lambda args: " ".join(args),
)
def test_readme_examples_are_what_the_bundled_records_give(args: tuple[str, ...]) -> None:
    result = run(*args, "--records", str(REPO / "records"))
    assert result.exit_code == 0
    assert result.stdout in README, f"update the README's `pcctrack {' '.join(args)}` example"


def test_readme_shows_a_whole_audit_as_the_bundled_records_give_it() -> None:
    shown = run("show", "rsm-vulnerability-2526", "--as-of", "2026-11-21", "--records", str(REPO / "records")).stdout
    assert shown.split("\nInternal")[0] in README, "update the README's `pcctrack show rsm-vulnerability-2526` example"


def test_quick_start_runs_the_main_job_and_the_tests() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "python3 -m pip install . && pcctrack overdue" in quick_start
    assert "python3 -m pip install '.[test]' && python3 -m pytest" in quick_start
