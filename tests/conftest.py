"""Shared fixtures: a small valid records tree, and a way to run the CLI like a user."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pcctrack.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
AS_OF = "2026-01-01"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache folder: the suite never touches the user's cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PCCTRACK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal valid records tree, with the working directory beside it."""
    target = tmp_path / "records"
    shutil.copytree(FIXTURES / "minimal" / "records", target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    monkeypatch.delenv("PCCTRACK_AS_OF", raising=False)
    return target


def run(*args: str) -> Result:
    """Invoke pcctrack in-process, with stdout and stderr kept apart as a user sees them."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)
