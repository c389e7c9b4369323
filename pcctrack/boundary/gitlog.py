"""The one place pcctrack talks to Git: the versions of one record file through its history.

Records are versioned in Git, so the audit trail committees ask for ("who changed what,
when, from what") is already there; this module only reads it, through the `git` command.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

WORKING_COPY = "working copy"


class GitUnavailable(Exception):
    """Not inside a Git repository, or no `git` command; the message says which."""


@dataclass(frozen=True)
class Version:
    """The file as one commit left it (``raw`` is None where the commit deleted it)."""

    commit: str
    date: str
    """Author date, ISO 8601."""
    author: str
    subject: str
    raw: bytes | None


def _git(folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=folder, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitUnavailable("the git command is not installed, so there is no history to read") from None
    if done.returncode != 0:
        raise GitUnavailable(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def versions(path: Path) -> list[Version]:
    """Every committed version of ``path``, oldest first, following renames; then the working
    copy if it differs from the last commit."""
    folder = path.resolve().parent
    try:
        _git(folder, "rev-parse", "--show-toplevel")
    except GitUnavailable as exc:
        if "not a git repository" in str(exc).lower():
            raise GitUnavailable(f"{path.parent} is not inside a Git repository") from None
        raise
    try:
        _git(folder, "rev-parse", "--verify", "--quiet", "HEAD")
    except GitUnavailable:
        return []  # a repository with no commits yet has no history
    log = _git(
        folder, "log", "--follow", "--name-status", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s", "--", path.name
    ).decode("utf-8", "replace")
    found: list[Version] = []
    for block in log.split("\x1e")[1:]:
        header, _, changes = block.partition("\n")
        commit, date, author, subject = header.split("\x1f", 3)
        status, where = _changed_path(changes)
        raw = None if status.startswith("D") else _git(folder, "show", f"{commit}:{where}")
        found.append(Version(commit, date, author, subject, raw))
    found.reverse()
    current = path.read_bytes() if path.exists() else None
    if found and current != found[-1].raw:
        found.append(Version(WORKING_COPY, "", "", "uncommitted changes", current))
    return found


def _changed_path(changes: str) -> tuple[str, str]:
    """The status letter and the file's path (from the repository's top) in one commit."""
    for line in changes.splitlines():
        if "\t" in line:
            fields = line.split("\t")
            return fields[0], fields[-1]
    return "M", ""
