"""A record file's bytes and text, before any parser sees them: bounded, regular, UTF-8.

Kept apart from `exact` so that the fast path (`screen`) reads files without importing
ruamel.yaml, which only an exact parse needs.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from pcctrack.boundary.yamlio.limits import MAX_BYTES, YamlProblem, check_size


def read_bytes(path: Path) -> bytes:
    """A record file's bytes, refusing oversized and special files before anything parses them.

    A named pipe or device that happens to end in .yaml would otherwise block the reader or
    feed it forever, so only regular files are opened, and never more than MAX_BYTES of one.
    """
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise YamlProblem(1, 1, "this is not a regular file (a pipe, device or folder): records are plain files")
    with path.open("rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    check_size(max(info.st_size, len(raw)))
    return raw


def decode(raw: bytes) -> str:
    """Turn a file's bytes into text, or say exactly where it stops being UTF-8 text.

    A UTF-8 byte-order mark (as Windows editors write) is dropped first, so positions are
    the ones an editor shows.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise YamlProblem(1, 1, "this file is saved as UTF-16: save it as UTF-8")
    body = raw.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in body:
        line, col = _position_of(body, body.index(b"\x00"))
        raise YamlProblem(line, col, "this is a binary file, not YAML text: records are UTF-8 text")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of(body, exc.start)
        raise YamlProblem(
            line,
            col,
            f"byte 0x{body[exc.start]:02x} is not valid UTF-8: save the file as UTF-8",
        ) from None


def _position_of(body: bytes, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset as an editor shows them: in characters, not bytes."""
    before = body[:offset].decode("utf-8", errors="replace")
    return text_position(before, len(before))


def text_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of a character offset, as an editor shows them."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
