"""A cache of what each record file yields, so unchanged files are not parsed again.

Lives in PCCTRACK_CACHE_DIR (default: the user's cache folder for pcctrack), never inside
records/, and is always safe to delete. Each file is a JSON header line, then its body (JSON
entries, or a replayable answer's output as text), never pickle, written only by its owner
(folder 0700, file 0600, replaced atomically). The header carries the body's length and
SHA-256, so a truncated or altered body is noticed; a file someone else could have written,
one that is not a regular file (a pipe would block the reader), or one that does not read
back exactly as written is ignored and rebuilt, so the cache can never be a way in.
Entries are keyed on the file's size, modification and change times and inode, and the whole
cache on a fingerprint of pcctrack's own code, so it never serves data that is out of date.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import orjson

from pcctrack.boundary.files import is_within

FORMAT = 4
ENV = "PCCTRACK_CACHE_DIR"


def folder() -> Path:
    """PCCTRACK_CACHE_DIR, else the platform's user cache folder for pcctrack."""
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("pcctrack", appauthor=False))


def stamp(st: os.stat_result) -> list[int]:
    """What changes whenever a file's content may have: size, mtime, ctime and inode."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


@functools.cache
def _code_fingerprint() -> str:
    """A digest of pcctrack's own source and shipped templates, so an upgrade or a local edit
    starts afresh (a replayed pack was rendered with the templates)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for source in sorted([*package.rglob("*.py"), *(package / "templates").iterdir()]):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


class Cache:
    """The entries for one records folder, keyed by each file's path relative to it."""

    def __init__(self, root: Path, name: str | None = None) -> None:
        """``name`` tells apart caches of different things about the same folder."""
        self.root = root.resolve()
        self.dir = folder()
        digest = hashlib.sha256(str(self.root).encode()).hexdigest()[:32]
        self.file = self.dir / (digest + (f"-{name}" if name else "") + ".json")
        self.usable = not is_within(self.dir.resolve(), self.root)
        self.code = _code_fingerprint()

    def read(self) -> dict[str, Any]:
        """The stored entries, or none when the cache is missing, foreign or unreadable."""
        content = self._load(self.file)
        if content is None:
            return {}
        try:
            files = orjson.loads(content["body"])
        except orjson.JSONDecodeError:
            return {}
        return files if isinstance(files, dict) else {}

    def write(self, entries: dict[str, Any]) -> None:
        """Replace the stored entries; a cache that cannot be written is simply not kept."""
        self._store(self.file, {}, orjson.dumps(entries))

    def recall(self, key: str) -> dict[str, Any] | None:
        """The result remembered under ``key`` (see `remember`), if it is the one stored.

        The answer's header line is read first and the output only when the key matches: a
        national listing's answer is megabytes that a changed tree never needs.
        """
        content = self._load(self._answers, key=key)
        if content is None:
            return None
        try:
            return {**content, "stdout": content["body"].decode("utf-8")}
        except UnicodeDecodeError:
            return None

    def remember(self, key: str, result: dict[str, Any]) -> None:
        """Keep one command's finished result for a tree as it is now, replacing the last one.

        ``key`` must name everything the result depends on: every file's stamp and the question.
        """
        header = {k: v for k, v in result.items() if k != "stdout"}
        self._store(self._answers, {**header, "key": key}, result["stdout"].encode("utf-8"))

    @property
    def _answers(self) -> Path:
        return self.file.with_suffix(".answer")

    def _stamped(self, content: dict[str, Any]) -> dict[str, Any]:
        return {"format": FORMAT, "code": self.code, "root": str(self.root), **content}

    def _load(self, path: Path, key: str | None = None) -> dict[str, Any] | None:
        """The header of one of our files with its ``body`` bytes, if only we could have
        written it, it is ours (and names ``key``, if given) and its body is whole.

        The body is read only when the header passes: a national listing's answer is
        megabytes that a changed tree never needs.
        """
        if not self.usable:
            return None
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not (stat.S_ISREG(info.st_mode) and _owned_privately(info) and _owned_privately(self.dir.stat())):
                    return None
                content = orjson.loads(handle.readline())
                if not self._is_ours(content) or (key is not None and content.get("key") != key):
                    return None
                body = handle.read(content["length"] + 1)
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            return None
        if len(body) != content["length"] or hashlib.sha256(body).hexdigest() != content.get("sha256"):
            return None
        return {**content, "body": body}

    def _is_ours(self, content: Any) -> bool:
        return (
            isinstance(content, dict)
            and content.get("format") == FORMAT
            and content.get("code") == self.code
            and content.get("root") == str(self.root)
            and type(content.get("length")) is int
        )

    def _store(self, path: Path, header: dict[str, Any], body: bytes) -> None:
        if not self.usable:
            return
        stamped = self._stamped({**header, "length": len(body), "sha256": hashlib.sha256(body).hexdigest()})
        content = orjson.dumps(stamped) + b"\n" + body
        try:
            self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _owned_privately(self.dir.stat()):
                return
            fd, temp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-", suffix=".json")  # mode 0600
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(content)
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError:
            return


def _owned_privately(st: os.stat_result) -> bool:
    """Only this user could have written it: owned by us, not writable by group or others."""
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
