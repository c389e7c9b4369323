"""The one place pcctrack talks to Git: the versions of one record file through its history.

Records are versioned in Git, so the audit trail committees ask for ("who changed what,
when, from what") is already there; this module only reads it, through the `git` command.

Anything under ``records/`` arrives by pull request, so Git is never left to find a
repository for itself from a record's folder (a committed ``HEAD``, ``objects/``, ``refs/``
and ``config`` there would be a bare repository whose config runs programs). The repository
is found once from the records folder with bare repositories refused, then pinned with
``--git-dir`` and ``--work-tree``; every command runs with no pager, no signature
verification, no textconv or external diff, literal pathspecs and NUL-separated output.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

WORKING_COPY = "working copy"

_SAFE = (
    "--no-pager",
    "--literal-pathspecs",
    "-c", "safe.bareRepository=explicit",
    "-c", "core.quotePath=false",
    "-c", "core.fsmonitor=false",
    "-c", "log.showSignature=false",
    "-c", "log.mailmap=false",
    "-c", "diff.external=",
)
"""Options on every git command: none of these lets a file in the tree run a program."""
_STATUS = re.compile(r"[ACDMRTUXB][0-9]*")


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


@dataclass(frozen=True)
class _Repository:
    git_dir: str
    top: Path

    def run(self, *args: str) -> bytes:
        return _git(self.top, f"--git-dir={self.git_dir}", f"--work-tree={self.top}", *args)


def _git(folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *_SAFE, *args], cwd=folder, capture_output=True, check=False, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError:
        raise GitUnavailable("the git command is not installed, so there is no history to read") from None
    if done.returncode != 0:
        raise GitUnavailable(done.stderr.decode("utf-8", "replace").strip() or "git failed")
    return done.stdout


def _repository(root: Path) -> _Repository:
    """The repository the records folder belongs to (never a bare one found inside it)."""
    folder = root.resolve()
    try:
        git_dir = _git(folder, "rev-parse", "--absolute-git-dir").decode("utf-8", "surrogateescape")
        top = _git(folder, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape")
    except GitUnavailable as exc:
        if "not a git repository" in str(exc).lower() or "bare repository" in str(exc).lower():
            raise GitUnavailable(f"{root} is not inside a Git repository") from None
        raise
    return _Repository(git_dir.removesuffix("\n"), Path(top.removesuffix("\n")))


def versions(path: Path, root: Path) -> list[Version]:
    """Every committed version of ``path`` (a record under the records folder ``root``),
    oldest first, following renames; then the working copy if it differs from the last commit."""
    repository = _repository(root)
    try:
        relative = path.resolve().relative_to(repository.top.resolve()).as_posix()
    except ValueError:
        raise GitUnavailable(f"{path} is outside the Git repository at {repository.top}") from None
    try:
        repository.run("rev-parse", "--verify", "--quiet", "HEAD")
    except GitUnavailable:
        return []  # a repository with no commits yet has no history
    log = repository.run(
        "log", "--follow", "--name-status", "-z", "--no-show-signature", "--no-textconv", "--no-ext-diff",
        "--no-mailmap", "--format=%H%x00%aI%x00%an%x00%s", "--", relative,
    ).decode("utf-8", "replace")
    found = [
        Version(commit, date, author, subject,
                None if status.startswith("D") else repository.run("cat-file", "blob", f"{commit}:{where}"))
        for commit, date, author, subject, status, where in _commits(log)
    ]
    found.reverse()
    current = path.read_bytes() if path.exists() else None
    if found and current != found[-1].raw:
        found.append(Version(WORKING_COPY, "", "", "uncommitted changes", current))
    return found


def _commits(log: str) -> list[tuple[str, str, str, str, str, str]]:
    """Each commit of ``git log -z --name-status`` output: its four header fields, then the
    status letter and the file's path (from the repository's top) in that commit.

    Fields are NUL-separated, so no author, subject or file name can forge another field.
    """
    fields = log.split("\0")
    commits = []
    at = 0
    while at + 4 <= len(fields) and fields[at].strip("\n"):
        header = [fields[at].lstrip("\n"), *fields[at + 1 : at + 4]]
        at += 4
        status, where = "M", ""
        if at < len(fields) and _STATUS.fullmatch(fields[at].lstrip("\n")):
            status = fields[at].lstrip("\n")
            paths = 2 if status[0] in "RC" else 1
            where = fields[at + paths]
            at += 1 + paths
        commits.append((*header, status, where))
    return commits
