"""The bounds every record file is held to, and the problem a file that breaks one raises.

Both parsers and the screen share them, so the fast path and the exact parse refuse the same
files; each bound is checked as early as it can be (size before reading, lines before
parsing, values and depth while parsing).
"""

from __future__ import annotations

MAX_BYTES = 512 * 1024
"""The largest record is a few tens of KiB; anything over this is refused before it is read,
because the YAML parser takes about a second per 500 KiB."""
MAX_LINES = 10_000
"""Bundled records have a few hundred lines; counted before parsing (comments and blank lines
cost parsing time too)."""
MAX_VALUES = 5_000
"""Keys, values and list items in one record (bundled records have under 500). Bounds the
parser's work on files of many tiny values, such as one long ``[a, a, a, ...]`` line."""
MAX_DEPTH = 40
"""No record nests anywhere near this deep."""

class YamlProblem(Exception):
    """A file that is not a usable YAML document, with a 1-based position."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.col = col
        self.message = message


TOO_DEEP = f"nesting is too deep (records never nest {MAX_DEPTH} levels)"


def check_size(size: int) -> None:
    """Refuse a file over MAX_BYTES before it is read or parsed."""
    if size > MAX_BYTES:
        raise YamlProblem(
            1, 1, f"the file is {_size(size)}: records are never larger than {_size(MAX_BYTES)}; split it up"
        )


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MiB" if n >= 1048576 else f"{n // 1024} KiB"
