"""Fixtures for the writing commands: the bundled records in a fresh Git repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, git


@pytest.fixture
def bundled_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled records/, committed in a fresh Git repository."""
    shutil.copytree(REPO / "records", tmp_path / "records")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "records")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    monkeypatch.delenv("PCCTRACK_AS_OF", raising=False)
    return tmp_path


def changed_lines(repo: Path) -> list[str]:
    diff = git(repo, "diff", "-U0")
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
