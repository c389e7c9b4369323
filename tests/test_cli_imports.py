"""`pcctrack --version` and `--help` start fast: they load no models, tables or templates."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

HEAVY = ("pcctrack.models", "pydantic", "rich", "jinja2", "ruamel", "yaml_rs")


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_quick_flags_import_nothing_heavy(flag: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "pcctrack", flag], env=env, capture_output=True, text=True)
    assert done.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert not {name for name in imported if name.split(".")[0] in HEAVY or name in HEAVY}
    assert "pcctrack" in done.stdout


def test_the_version_is_answered_before_the_command_line_is_built() -> None:
    from importlib.metadata import version

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "pcctrack", "--version"], env=env, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == f"pcctrack {version('pcctrack')}\n"
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "typer" not in imported and "pcctrack.cli" not in imported
