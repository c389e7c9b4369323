"""Replacing a record file so nothing is ever lost: atomic writes under an exclusive lock.

A reader (or a crash) sees the old file or the new one, never a mixture, and two updates to
one file run one after the other. Nothing here knows about YAML.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class WriteConflict(Exception):
    """The file changed on disk between reading and writing; nothing was written."""


class ReadOnly(Exception):
    """The record is marked read-only (no write permission for its owner); nothing was written."""


def _checkpoint(step: str) -> None:
    """A named point between the steps of a write.

    It does nothing; the write-safety tests replace it to raise at each step in turn and
    prove that an interrupted write leaves the old file or the new one, never a mixture.
    """


def write_atomically(
    path: Path, data: bytes, *, expected: bytes | None = None, create: bool = False, durable: bool = True
) -> None:
    """Replace ``path`` with ``data`` so a reader sees the old file or the new one, never part.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    temporary file is renamed over the record. With ``expected``, the write is refused
    (WriteConflict) if the file no longer holds those bytes; with ``create``, if it exists.
    Without ``durable``, nothing waits for the disk: an interrupted run still leaves the old
    file or the new one, but a power cut may lose either. That is for files made again on
    demand, hundreds at a time, where each wait would cost more than making the file.

    A record reached through a link (one inside the records folder) is written where the
    link points, so the link stays a link.
    """
    if not create and path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent
    mode = 0o666 & ~_umask() if create else stat.S_IMODE(path.stat().st_mode)
    if not create and not mode & stat.S_IWUSR:
        raise ReadOnly(f"{path} is read-only: make it writable (chmod u+w) if it should change")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        _checkpoint("created")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            _checkpoint("written")
            out.flush()
            if durable:
                os.fsync(out.fileno())
        _checkpoint("synced")
        os.chmod(temporary, mode)
        if expected is not None and path.read_bytes() != expected:
            raise WriteConflict(f"{path} changed while it was being updated")
        _checkpoint("checked")
        if create:
            os.link(temporary, path)  # fails if the file exists: never overwrite a record
            os.unlink(temporary)
        else:
            os.replace(temporary, path)
    except FileExistsError:
        raise WriteConflict(f"{path} already exists") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    _checkpoint("replaced")
    if durable:
        _sync_folder(folder)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no folder handles)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


LOCK_TIMEOUT_SECONDS = 30.0


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[bytes]:
    """Hold an exclusive lock on a record while it is read, edited and replaced.

    Yields the file's bytes as read under the lock. Because a write replaces the file (a new
    inode), a writer that waited on the old one starts again on the new one, so two updates
    to one file run one after the other and neither loses the other's change.
    """
    deadline = time.monotonic() + timeout
    while True:
        handle = os.open(path, os.O_RDONLY)
        try:
            _lock(handle, deadline, path)
            if os.fstat(handle).st_ino != os.stat(path).st_ino:
                continue  # replaced while we waited: lock the new file instead
            with os.fdopen(os.dup(handle), "rb") as current:
                raw = current.read()
            if fcntl is not None:
                _remove_stale_temporaries(Path(os.path.realpath(path)))
            yield raw
            return
        finally:
            os.close(handle)


def _remove_stale_temporaries(path: Path) -> None:
    """Remove what an update of ``path`` killed mid-write (kill -9, a power cut) left behind.

    Called under the lock: no other update of this record can be writing one now.
    """
    for stale in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        try:
            if stat.S_ISREG(stale.lstat().st_mode):
                stale.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: the write itself is unaffected


def _lock(handle: int, deadline: float, path: Path) -> None:
    if fcntl is None:
        # No advisory locks (Windows): write_atomically's changed-file check still refuses
        # nearly every race, but only the lock closes the gap between its check and rename.
        return
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise WriteConflict(f"{path} is locked by another update that has not finished") from None
            time.sleep(0.01)


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Hold the lock file ``path`` (made if missing) for a whole run, or refuse at once
    (WriteConflict) when another process holds it: for work that must not run twice at the
    same time, such as sending what a log says is still unsent. (Windows has no such lock:
    there, nothing is refused.)"""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise WriteConflict(f"{path} is held by another run that has not finished") from None
        yield
    finally:
        os.close(handle)
