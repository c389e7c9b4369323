"""benchmarks/generate.py writes trees that validate clean, or fail exactly where it says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks.tree import generated_tree
from tests.conftest import AS_OF, run


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    return tmp_path


def test_a_generated_tree_validates_clean(here: Path) -> None:
    root = generated_tree(here, actions=30)
    result = run("validate", "--records", str(root), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "no problems" in result.stderr
    assert len(list((root / "inspections").glob("*.yaml"))) == 3
    assert len(list(root.glob("audits/*/action-*.yaml"))) == 30


def test_a_generated_tree_has_overdue_and_closed_items(here: Path) -> None:
    root = generated_tree(here, actions=30)
    result = run("overdue", "--records", str(root), "--as-of", AS_OF, "--format", "json")
    listed = json.loads(result.stdout)
    assert listed and all(row["days_overdue"] > 0 for row in listed)
    status = json.loads(run("status", "--records", str(root), "--as-of", AS_OF, "--format", "json").stdout)
    keys = {row["key"] for row in status["rows"]}
    assert keys & {"implemented", "completed"} and keys & {"open", "in-progress", "partly-implemented"}


def test_bad_files_fail_at_the_positions_the_generator_records(here: Path) -> None:
    root = generated_tree(here, actions=30, bad=10)
    expected = json.loads((here / "bad.json").read_text(encoding="utf-8"))
    result = run("validate", "--records", "records", "--as-of", AS_OF, "--format", "json")
    found = [f"{p['path']}:{p['line']}:{p['col']}" for p in json.loads(result.stdout)["problems"]]
    assert result.exit_code == 1
    assert len(expected) == 10 and found == sorted(expected)
    assert root.exists()
