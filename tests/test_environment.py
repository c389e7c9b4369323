"""An odd environment is a message and exit code 2 (or a quiet success), never an internal error."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, REPO, run

BUNDLED = REPO / "records"


def pcctrack(*args: str, **options: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), **options.pop("env", {})}  # type: ignore[dict-item]
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.run([sys.executable, "-m", "pcctrack", *args], text=True, env=env, **streams)  # type: ignore[call-overload, no-any-return]


def test_a_closed_stdout_loses_the_output_quietly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pcctrack", "overdue", "--records", str(BUNDLED), "--as-of", "2026-11-21"],
        stdout=None, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1),
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_a_full_disk_under_stdout_is_a_message() -> None:
    with open("/dev/full", "w") as full:
        done = pcctrack("overdue", "--records", str(BUNDLED), "--as-of", "2026-11-21", "--format", "json", stdout=full)
    assert done.returncode == 2
    assert done.stderr == "pcctrack: error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}])
def test_a_stdout_that_is_not_utf8_gets_escapes(env: dict[str, str]) -> None:
    done = pcctrack("overdue", "--records", str(BUNDLED), "--as-of", "2026-11-21", "--format", "markdown", env=env)
    assert done.returncode == 0, done.stderr
    assert "\\u2026" in done.stdout


def test_a_folder_that_cannot_be_written_is_a_message() -> None:
    done = pcctrack("schema", "-o", "/proc/nope")
    assert done.returncode == 2
    assert done.stderr == "pcctrack: error: cannot use /proc/nope: No such file or directory\n"


def test_ctrl_c_while_starting_up_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from pcctrack.__main__ import main

    real_import = builtins.__import__

    def interrupted(name: str, *args: object, **kwargs: object) -> object:
        if name == "pcctrack.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", interrupted)
    assert main() == 130
    assert capsys.readouterr().err == "pcctrack: interrupted\n"


def test_control_characters_never_reach_a_spreadsheet(records: Path, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    action = records / "audits" / "test-audit" / "action-1.yaml"
    action.write_text(action.read_text().replace("The force will review the safeguarding dashboard.", '"Review\\0 the\\e[2J dashboard"'))
    result = run("export", "--format", "xlsx", "-o", str(tmp_path / "items.xlsx"), "--as-of", AS_OF)
    assert result.exit_code == 1, result.stderr  # an export without a record is not the whole export
    assert "left out (records/audits/test-audit/action-1.yaml)" in result.stderr
