"""The pre-commit hooks a records repository uses, run for real on this repository.

`pre-commit try-repo` installs the hooks the way a records repository gets them: it clones
a committed repository and pip-installs pcctrack into the hook's own environment, fetching
its dependencies from PyPI (30 to 60 seconds), so that test runs only when asked for, as
.ci/run does. A copy of this checkout is committed into a temporary repository first, so
uncommitted work is what gets tested.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pcctrack.boundary import yamlio
from tests.conftest import REPO

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("git is needed to run pre-commit", allow_module_level=True)

MANIFEST = REPO / ".pre-commit-hooks.yaml"
CONFIG = REPO / ".pre-commit-config.yaml"


def pre_commit(*args: str, cwd: Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "PCCTRACK_RECORDS", "PCCTRACK_AS_OF"):
        env.pop(name, None)
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=540
    )


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=pcctrack tests", "-c", "user.email=tests@pcctrack.invalid", *args],
        cwd=cwd, capture_output=True, text=True, check=True,
    ).stdout


def test_the_manifest_and_this_repository_s_config_are_valid() -> None:
    assert pre_commit("validate-manifest", str(MANIFEST), cwd=REPO).returncode == 0
    assert pre_commit("validate-config", str(CONFIG), cwd=REPO).returncode == 0


def test_this_repository_runs_the_hooks_it_publishes() -> None:
    """The local hooks mirror the published ones, so the two cannot drift apart."""
    published = {hook["id"]: hook for hook in yamlio.parse(MANIFEST.read_text(encoding="utf-8")).data}
    local = {hook["id"]: hook for repo in yamlio.parse(CONFIG.read_text(encoding="utf-8")).data["repos"] for hook in repo["hooks"]}
    assert published["pcctrack-validate-all"]["pass_filenames"] is False
    for hook_id, hook in published.items():
        assert local[hook_id]["entry"].endswith(hook["entry"])
        for key in ("files", "pass_filenames", "always_run"):
            assert local[hook_id].get(key) == hook.get(key), (hook_id, key)


@pytest.mark.skipif(
    os.environ.get("PCCTRACK_TEST_TRY_REPO") != "1",
    reason="installs pcctrack from PyPI (30-60 s): set PCCTRACK_TEST_TRY_REPO=1, as .ci/run does",
)
def test_try_repo_runs_both_hooks_clean_on_this_repository(tmp_path: Path) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    copy = tmp_path / "repo"
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "snapshot", cwd=copy)

    result = pre_commit("try-repo", ".", "--all-files", cwd=copy, home=tmp_path / "pre-commit-home")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "pcctrack validate (changed records)" in output and "pcctrack validate (all records)" in output
    assert output.count("Passed") == 2, output
