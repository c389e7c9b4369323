"""`pcctrack history ID`: each change of an item, commit by commit, from Git."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AS_OF, FIXTURES, git, run


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "minimal" / "records", tmp_path / "records")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Record the safeguarding audit")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    return tmp_path


def commit_update(repo: Path, message: str, *args: str) -> None:
    result = run("update", "test-audit-1", *args, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    git(repo, "commit", "-qam", message)


def test_history_shows_each_status_change_across_commits(repo: Path) -> None:
    commit_update(repo, "Dashboard delayed", "--status", "not-implemented", "--note", "Supplier delay.",
                  "--revise-due", "2025-12-31", "--reason", "Supplier delay", "--agreed-by", "Audit Committee",
                  "--date", "2025-10-01")
    commit_update(repo, "Back on track", "--status", "in-progress", "--note", "Work restarted.", "--date", "2025-11-01")
    commit_update(repo, "Dashboard live", "--status", "completed", "--note", "Live.", "--date", "2025-12-20")
    result = run("history", "test-audit-1")
    assert result.exit_code == 0
    blocks = result.stdout.split("\n\n")
    assert [b.splitlines()[0].split("  ", 3)[-1] for b in blocks[1:]] == [
        "Record the safeguarding audit", "Dashboard delayed", "Back on track", "Dashboard live",
    ]
    assert "Analyst" in blocks[1]
    assert [line.strip() for line in blocks[2].splitlines()[1:]] == [
        "status: in-progress -> not-implemented",
        "due date revised to 2025-12-31: Supplier delay (agreed by Audit Committee)",
        "log 2025-10-01 [not-implemented]: Supplier delay.",
    ]
    assert "status: not-implemented -> in-progress" in blocks[3]
    assert "status: in-progress -> completed" in blocks[4]


def test_commits_that_do_not_touch_the_item_are_left_out_and_uncommitted_changes_shown(repo: Path) -> None:
    inspection = repo / "records/inspections/test-inspection.yaml"
    inspection.write_text(inspection.read_text() + "# a comment\n")
    git(repo, "commit", "-qam", "Unrelated")
    action = repo / "records/audits/test-audit/action-1.yaml"
    action.write_text(action.read_text().replace("owner: Safeguarding Lead", "owner: Head of Safeguarding"))
    git(repo, "commit", "-qam", "Owner changed")
    run("update", "test-audit-1", "--note", "Chased.", "--as-of", AS_OF)
    events = json.loads(run("history", "test-audit-1", "--format", "json").stdout)
    assert [e["subject"] for e in events] == ["Record the safeguarding audit", "Owner changed", "uncommitted changes"]
    assert events[1]["changes"] == ["owner: Safeguarding Lead -> Head of Safeguarding"]
    assert events[2]["changes"] == ["log 2026-01-01: Chased."]


def test_history_follows_a_renamed_file_and_flags_a_rewritten_log(repo: Path) -> None:
    commit_update(repo, "First update", "--note", "Started.", "--date", "2025-10-01")
    git(repo, "mv", "records/audits/test-audit/action-1.yaml", "records/audits/test-audit/action-01.yaml")
    git(repo, "commit", "-qm", "Rename")
    moved = repo / "records/audits/test-audit/action-01.yaml"
    moved.write_text(moved.read_text().replace("note: Started.", "note: Begun."))
    git(repo, "commit", "-qam", "Reword")
    events = json.loads(run("history", "test-audit-1", "--format", "json").stdout)
    assert [e["subject"] for e in events] == ["Record the safeguarding audit", "First update", "Reword"]
    assert events[2]["changes"][0] == "log entries rewritten: 1 earlier entry changed or removed"


def test_history_outside_a_git_repository(records: Path) -> None:
    result = run("history", "test-audit-1")
    assert result.exit_code == 2
    assert "is not inside a Git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_history_of_a_file_not_yet_committed(records: Path, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    result = run("history", "test-audit-1")
    assert result.exit_code == 0
    assert "The file has not been committed yet" in result.stdout


def plant_bare_repository(repo: Path, folder: Path, marker: Path) -> None:
    """Commit a bare repository's files into ``folder`` of ``repo``, as a pull request could:
    one forged commit carrying a signature, and a config that verifies signatures with a
    committed script (which would write ``marker``)."""
    evil = repo.parent / "evil.git"
    git(repo.parent, "init", "-q", "--bare", str(evil))
    blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=evil, input=b"forged: true\n",
                          capture_output=True, check=True).stdout.decode().strip()
    tree = subprocess.run(["git", "mktree"], cwd=evil, input=f"100644 blob {blob}\taction-1.yaml\n".encode(),
                          capture_output=True, check=True).stdout.decode().strip()
    commit = (f"tree {tree}\nauthor Forger <f@x> 1700000000 +0000\ncommitter Forger <f@x> 1700000000 +0000\n"
              "gpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----\n\nForged history\n")
    sha = subprocess.run(["git", "hash-object", "-t", "commit", "-w", "--stdin"], cwd=evil, input=commit.encode(),
                         capture_output=True, check=True).stdout.decode().strip()
    git(evil, "update-ref", "HEAD", sha)
    script = folder / "verify.sh"
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    script.chmod(0o755)
    (evil / "config").write_text(
        f"[core]\n\tbare = false\n\tworktree = {folder}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {script}\n"
    )
    for name in ("HEAD", "config", "objects", "refs"):
        source = evil / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Add some files")


def test_history_ignores_a_repository_committed_among_the_records(repo: Path) -> None:
    folder = repo / "records/audits/test-audit"
    marker = repo.parent / "ran"
    plant_bare_repository(repo, folder, marker)
    result = run("history", "test-audit-1", "--format", "json")
    assert not marker.exists(), "a committed script was run"
    assert [e["subject"] for e in json.loads(result.stdout)] == ["Record the safeguarding audit"]


def test_a_version_the_yaml_reader_gives_up_on_is_one_line_of_history(repo: Path) -> None:
    action = repo / "records/audits/test-audit/action-1.yaml"
    good = action.read_text()
    action.write_text(good.replace("owner: Safeguarding Lead", "owner: # the role\n  Safeguarding Lead\n"))
    git(repo, "commit", "-qam", "Comment before a value")
    action.write_text(good)
    git(repo, "commit", "-qam", "Comment removed")
    result = run("history", "test-audit-1")
    assert result.exit_code == 0, result.stderr
    assert (
        "the file was not valid YAML in this version (line 6: a comment after 'key:' whose value starts on the next"
        " line cannot be kept: put the comment on its own line or after the value)"
    ) in " ".join(result.stdout.split())


def test_commit_authors_and_subjects_cannot_drive_the_terminal(repo: Path) -> None:
    action = repo / "records/audits/test-audit/action-1.yaml"
    action.write_text(action.read_text().replace("owner: Safeguarding Lead", "owner: Head of Safeguarding"))
    git(repo, "-c", "user.name=Eve\x1b]0;pwned", "commit", "-qam", "Owner\x1b[2J changed\x9b")
    result = run("history", "test-audit-1")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x9b" not in result.stdout
    assert "Eve\\x1b]0;pwned" in result.stdout and "Owner\\x1b[2J changed\\x9b" in result.stdout


def test_an_unknown_id_is_quoted_escaped(repo: Path) -> None:
    result = run("show", "test\x1b[2J-audit")
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "test\\x1b[2J-audit" in result.stderr
