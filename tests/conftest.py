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


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see what a pipe on a developer's machine sees, whatever terminal or CI runs them."""
    for name in (
        "COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR",
        "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY",
    ):
        monkeypatch.delenv(name, raising=False)


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
    return Result(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output (or set PCCTRACK_UPDATE_GOLDEN=1).",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with a golden file under tests/, or rewrite it when asked to."""
    import os

    update = request.config.getoption("--update-golden") or os.environ.get("PCCTRACK_UPDATE_GOLDEN") == "1"

    def check(path: Path, actual: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"no golden file {path}: run pytest --update-golden"
        assert actual == path.read_text(encoding="utf-8"), f"{path} differs: review, then run pytest --update-golden"

    return check


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's own records, run from the repository's top folder."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    monkeypatch.delenv("PCCTRACK_AS_OF", raising=False)
    return REPO / "records"


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` as a named analyst, whatever the machine's git configuration."""
    return subprocess.run(
        ["git", "-c", "user.name=Analyst", "-c", "user.email=analyst@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    ).stdout
