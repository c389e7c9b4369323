"""Shared fixtures: a small valid records tree, and a way to run the CLI like a user."""

from __future__ import annotations

import shutil
import subprocess
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
    stdout_bytes: bytes = b""


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
    return Result(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` as a named analyst, whatever the machine's git configuration."""
    return subprocess.run(
        ["git", "-c", "user.name=Analyst", "-c", "user.email=analyst@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    ).stdout
