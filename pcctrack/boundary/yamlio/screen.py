"""The quick screen and the fast path: a Rust YAML 1.2 parser that keeps no positions.

Round-trip parsing is slow (tens of seconds for a national tree), so `parse_fast` first tries
a fast parser. It answers only when it is sure to agree with the round-trip loader: anything
it might read differently (anchors, tags, directives, merge keys, unusual number forms,
control characters, tabs, nesting that might reach MAX_DEPTH) or cannot parse makes it answer
`UNSURE`, and the caller falls back to the exact parse, which also gives exact positions.
"""

from __future__ import annotations

import re
from typing import Any, Final

import yaml_rs

from pcctrack.boundary.yamlio.depth import INLINE_LEVELS, THREAD_LEVELS, nesting_bound, on_deep_stack
from pcctrack.boundary.yamlio.limits import MAX_DEPTH, MAX_LINES, MAX_VALUES

UNSURE: Final = object()
"""What `parse_fast` answers when only the round-trip loader can say what a document means."""

_NON_TEXT = r"[^\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]"
"""Tabs, control characters, byte-order marks and the line breaks only YAML 1.1 has."""
_UNSURE_TEXT = re.compile(
    r"""
      (?<![^\s\[\]{},])(?:&\S|!)         # an anchor or a tag (or prose that looks like one);
                                         # an alias with no anchor is an error either way
    | [|>](?![-+0-9]*\ *(?:\#.*)?$)       # '|' or '>' that does not start a block scalar
    | [|>][-+0-9]*\ *(?:\#.*)?\r?\n\s*\Z  # an empty block scalar at the very end
    | ^(?:%|---|\.\.\.)                   # a directive or a document marker
    | (?<![^\s\[{,])[?=](?=\s|$)          # a complex key, or '=' (the value tag)
    | <<                                 # a merge key
    | [0-9._+-]_ | _[0-9.]               # numbers with underscores
    | 0[xXoObB]                          # hex, octal and binary numbers
    | [0-9.][eE][-+_0-9]                 # exponents
    | [0-9]{100}                         # very long numbers (Python refuses > 4300 digits)
    | :\ +\#[^\n]*\n\ +[^\ \n\#?-]          # a comment after 'key:', the value below it (ruamel
                                         # gives up on some of these, so it must decide)
    | \\(?:u|U0000)[dD][89a-fA-F]           # an escaped UTF-16 surrogate (the fast parser pairs
                                         # them into one character, the exact one does not)
    | [|>][-+0-9]*\ *(?:\#.*)?\r?\n\ +\r?\n  # a block scalar whose first line holds only spaces
      # tabs, control characters, byte-order marks and the line breaks only YAML 1.1 has:
    | """
    + _NON_TEXT,
    re.MULTILINE | re.VERBOSE,
)
_NOT_TEXT = re.compile(_NON_TEXT)
"""Everything the fast parser might read differently from the round-trip loader."""

_PLAIN_BYTES = bytes(range(0x20, 0x7F)).translate(None, b"!&?=<%") + b"\n" + bytes(range(0x80, 0x100))
"""Bytes that start none of `_UNSURE_TEXT`'s constructs on their own."""
_QUICK = tuple(
    re.compile(pattern, re.MULTILINE)
    for pattern in (
        r"_(?:(?=[0-9.])|(?<=[0-9._+-]_))",
        r"0[xXoObB]",
        r"e(?=[-+_0-9])(?<=[0-9.]e)",
        r"E(?=[-+_0-9])(?<=[0-9.]E)",
        r"\|(?![-+0-9]* *(?:#.*)?$)",
        r">(?![-+0-9]* *(?:#.*)?$)",
        r"\n(?:---|\.\.\.)",
    )
)
_QUICK_IF = tuple(
    (literal, re.compile(pattern, re.MULTILINE))
    for literal, pattern in (
        ("#", r": +#[^\n]*\n +[^ \n#?-]"),
        ("\\", r"\\(?:u|U0000)[dD][89a-fA-F]"),
        ("|", r"\|[-+0-9]* *(?:#.*)?\r?\n +\r?\n"),
        (">", r">[-+0-9]* *(?:#.*)?\r?\n +\r?\n"),
    )
)
"""More of `_UNSURE_TEXT`, each searched for only in texts holding its first character."""
"""The rest of `_UNSURE_TEXT` but its very long numbers, each part written to start with a
literal so that it is quick to search for."""
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 100
"""`[0-9]{100}` as a substring search once every digit reads 0: a regex tries it at every
digit, and took a third of the screen's time."""
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]* *(?:#.*)?$")


_DEEP_INDENT = b"\n" + b" " * 18
_FLOWS_ALLOWED = 20
"""With fewer flow brackets and no line indented this far, a document cannot nest anywhere
near MAX_DEPTH (which the fast parser does not enforce); otherwise its depth is measured."""
_COMMENT_LINE = re.compile(r"\n *#[^\n\"']*(?=\n)")
"""A whole-line comment (or block-scalar text) with no quote that could end a quoted scalar."""
_TEXT_BYTES = bytes(range(0x20, 0x7F)) + b"\n\r" + bytes(range(0x80, 0x100))


def _unsure(text: str) -> bool:
    """True when the fast parser might not read ``text`` as the round-trip loader does.

    `_UNSURE_TEXT` decides, but it is slow to search; most files are cleared by quicker
    searches for a superset of what it matches, and only files they flag pay for it.
    Whole-line comments are left out of that (as is literal text in a block scalar that
    looks like one): nothing in them is resolved, and only control characters matter there.
    """
    if not text:
        return False
    if not text.endswith("\n"):
        return True  # a block scalar's last line break is read differently without it
    raw = text.encode()
    if b"- - " in raw:
        return True  # compact nested sequences: two bytes a level, deep enough to hurt
    if (raw.translate(None, _TEXT_BYTES) or not raw.isascii()) and _NOT_TEXT.search(text):
        return True
    if not _may_be_unsure(text, raw):
        return False
    if b"#" in raw:
        text = _without_comment_lines(text)
        if not _may_be_unsure(text, text.encode()):
            return False
    return _UNSURE_TEXT.search(text) is not None


def _without_comment_lines(text: str) -> str:
    """``text`` less its leading comments and the later comment lines that hold no quote."""
    lines = text.split("\n", 50)
    start = 0
    while start < len(lines) - 1 and lines[start].lstrip(" ").startswith("#"):
        start += 1  # nothing comes before these: they cannot be inside a quoted scalar
    rest = "\n".join(lines[start:]) if start else text
    return _COMMENT_LINE.sub("", "\n" + rest)


def _may_be_unsure(text: str, raw: bytes) -> bool:
    """Whether ``text`` might hold something `_UNSURE_TEXT` matches, by quick searches."""
    return bool(
        raw.translate(None, _PLAIN_BYTES)  # one of !&?=<% or a control character
        or raw.startswith((b"---", b"...", b"%"))
        or any(p.search(text) for p in _QUICK)
        or any(literal in text and p.search(text) for literal, p in _QUICK_IF)
        or _LONG_NUMBER in raw.translate(_DIGITS_AS_ZERO)
        or _BLOCK_HEADER.search(text.rstrip().rpartition("\n")[2])
    )


def _may_nest_deep(raw: bytes) -> bool:
    return raw.count(b"[") + raw.count(b"{") >= _FLOWS_ALLOWED or _DEEP_INDENT in raw


def _too_deep(data: Any, limit: int = MAX_DEPTH - 10) -> bool:
    """True when ``data`` nests ``limit`` levels or more (with room for how ruamel counts)."""
    level = [data]
    for _ in range(limit):
        level = [v for node in level if isinstance(node, (dict, list)) for v in (node.values() if isinstance(node, dict) else node)]
        if not level:
            return False
    return True


def _too_many_values(data: Any) -> bool:
    """True when ``data`` has more nodes than MAX_VALUES, counted as the composer counts them
    (every key, value and collection), so both paths refuse the same documents."""
    count, pending = 0, [data]
    while pending:
        node = pending.pop()
        count += 1
        if isinstance(node, dict):
            count += len(node)
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
        if count > MAX_VALUES:
            return True
    return False


def _collection_key(data: Any) -> bool:
    """True when a mapping in ``data`` has a list or mapping as a key (`{[a]: b}`), which the
    fast parser reads as a tuple or frozenset and the round-trip loader refuses."""
    pending = [data]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if any(isinstance(key, (tuple, frozenset)) for key in node):
                return True
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return False


_VALUES_POSSIBLE = MAX_VALUES // 2
"""A document no longer than this (in characters) cannot hold MAX_VALUES nodes, so its nodes
need not be counted: there are at most two nodes per character (a lone `-` is a sequence
and its empty item)."""


def parse_fast(text: str) -> Any:
    """The document's data without positions, or `UNSURE` when `parse` must decide.

    A `UNSURE` answer is never wrong, only slower; any other answer equals what `parse`
    returns for the same text (tests/test_yamlio_differential.py holds it to that).
    """
    if _unsure(text) or text.count("\n") >= MAX_LINES:
        return UNSURE
    raw = text.encode()
    levels = nesting_bound(text, raw)
    if levels >= THREAD_LEVELS:
        return UNSURE
    try:
        if levels < INLINE_LEVELS:
            data = yaml_rs.loads(text, parse_datetime=False)
        else:
            data = on_deep_stack(lambda: yaml_rs.loads(text, parse_datetime=False))
    except Exception:  # noqa: BLE001 - any complaint is the exact parser's to word
        return UNSURE
    if _may_nest_deep(raw) and _too_deep(data):
        return UNSURE
    if len(text) > _VALUES_POSSIBLE and _too_many_values(data):
        return UNSURE
    if ("[" in text or "{" in text) and _collection_key(data):
        return UNSURE  # the exact parser refuses it, and says why
    return data
