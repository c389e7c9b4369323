"""The one place pcctrack reads (and, later, writes) YAML.

Records are read with ruamel.yaml's round-trip loader in YAML 1.2 so that every value keeps
its line and column. Three things are deliberately stricter than plain YAML:

* dates stay text until the models parse them, so an impossible date such as 2025-02-30 is a
  validation error with a position rather than a bare ``ValueError`` from the loader;
* aliases, explicit non-standard tags (``!!python/object/...``) and very deep nesting are
  refused: records never need them and each is a way to make a reader misbehave;
* duplicate keys are errors (ruamel's default, kept on purpose).

Round-trip parsing is slow (tens of seconds for a national tree), so `parse_fast` first tries
a Rust YAML 1.2 parser that keeps no positions. It answers only when it is sure to agree with
the round-trip loader: anything it might read differently (anchors, tags, directives,
merge keys, unusual number forms, control characters, tabs, nesting that might reach
MAX_DEPTH) or cannot parse makes it answer
`UNSURE`, and the caller falls back to `parse`, which also gives exact positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml_rs

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.reader import ReaderError

MAX_BYTES = 5 * 1024 * 1024
"""Records are small; anything larger is refused before parsing so memory stays bounded."""
MAX_DEPTH = 40
"""No record nests anywhere near this deep."""

_STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _STANDARD_TAG_PREFIX + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


class YamlProblem(Exception):
    """A file that is not a usable YAML document, with a 1-based position."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.col = col
        self.message = message


class _Refused(ConstructorError):
    """Something pcctrack refuses on purpose; its message is already the whole story."""


class _RefusedAlias(ComposerError):
    """An alias, refused on purpose."""


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STANDARD_TAG_PREFIX) if tag.startswith(_STANDARD_TAG_PREFIX) else tag


class _RecordConstructor(RoundTripConstructor):
    """Round-trip constructor that refuses unknown tags and keeps dates as text."""

    def construct_undefined(self, node: Any) -> Any:
        raise _Refused(
            None,
            None,
            f"the tag {_short_tag(node.tag)} is not allowed in records: remove it and write a"
            " plain value (pcctrack never constructs objects from tags)",
            node.start_mark,
        )

    def construct_date_as_text(self, node: Any) -> str:
        return str(self.construct_scalar(node))

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node.tag not in _ALLOWED_TAGS:
            return self.construct_undefined(node)
        return super().construct_object(node, deep=deep)


_RecordConstructor.add_constructor(
    _STANDARD_TAG_PREFIX + "timestamp", _RecordConstructor.construct_date_as_text
)


class _RecordComposer(Composer):
    """Composer that refuses aliases: expanding them is how 'billion laughs' files work."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.get_event()
            raise _RefusedAlias(
                None,
                None,
                f"aliases such as *{event.anchor} are not allowed in records: write the value out",
                event.start_mark,
            )
        return super().compose_node(parent, index)


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _RecordConstructor
    yaml.Composer = _RecordComposer
    yaml.max_depth = MAX_DEPTH
    yaml.allow_duplicate_keys = False
    return yaml


def decode(raw: bytes) -> str:
    """Turn a file's bytes into text, or say exactly where it stops being UTF-8 text."""
    if b"\x00" in raw:
        line, col = _position_of(raw, raw.index(b"\x00"))
        raise YamlProblem(line, col, "this is a binary file, not YAML text: records are UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position_of(raw, exc.start)
        raise YamlProblem(
            line,
            col,
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8: save the file as UTF-8",
        ) from None


def _position_of(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


@dataclass(frozen=True)
class Document:
    """A parsed record: plain data plus the ruamel tree that remembers positions."""

    data: Any

    def position(self, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the value at ``loc``, or of its key when ``key`` is set.

        Falls back to the nearest enclosing node that exists, so a missing key points at
        the mapping that should contain it.
        """
        node = self.data
        line, col = 0, 0
        if isinstance(node, (CommentedMap, CommentedSeq)):
            line, col = node.lc.line, node.lc.col
        for depth, part in enumerate(loc):
            last = depth == len(loc) - 1
            if isinstance(node, CommentedMap) and part in node:
                line, col = node.lc.key(part) if (last and key) else node.lc.value(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, col = node.lc.item(part)
                node = node[part]
            else:
                break
        return line + 1, col + 1


def parse(text: str) -> Document:
    """Parse one YAML document, mapping every loader failure to a positioned problem."""
    try:
        data = _reader().load(text)
    except DuplicateKeyError as exc:
        raise _duplicate_key(exc) from None
    except MarkedYAMLError as exc:
        raise _marked(exc) from None
    except ReaderError as exc:
        line, col = _text_position(text, exc.position)
        raise YamlProblem(
            line, col, f"control character U+{_codepoint(exc.character):04X} is not allowed in YAML text: remove it"
        ) from None
    except RecursionError:
        raise YamlProblem(1, 1, f"nesting is too deep (records never nest {MAX_DEPTH} levels)") from None
    except YAMLError as exc:  # any other loader complaint still gets a position, not a traceback
        raise YamlProblem(1, 1, f"not a valid YAML document: {exc}") from None
    return Document(data)


def _codepoint(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


_HINTS = {
    "found character '\\t' that cannot start any token": (
        "a tab character is used for indentation: YAML indents with spaces only"
    ),
    "mapping values are not allowed here": (
        "unexpected ':' here: check the indentation, or quote text that contains ': '"
    ),
    "could not find expected ':'": "expected 'key: value' here: check the indentation above",
}


def _marked(exc: MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (exc.problem or "").strip()
    if isinstance(exc, (_Refused, _RefusedAlias)):
        return YamlProblem(line, col, problem)
    message = _HINTS.get(problem)
    if message is None and "expected a single document" in (exc.context or ""):
        message = "a record file holds one YAML document: remove the second '---' and what follows"
    if message is None and "maximum depth" in problem:
        message = f"nesting is too deep (records never nest {MAX_DEPTH} levels)"
    if message is None and exc.context and "quoted scalar" in exc.context:
        start = exc.context_mark
        where = f" opened at line {start.line + 1}" if start is not None else ""
        message = f"a quoted string{where} is never closed: add the closing quote"
    if message is None:
        context = f" ({exc.context.strip()})" if exc.context else ""
        message = f"invalid YAML: {problem}{context}"
    return YamlProblem(line, col, message)


def _duplicate_key(exc: DuplicateKeyError) -> YamlProblem:
    second, first = exc.problem_mark, exc.context_mark
    key = (exc.problem or "").split('"')[1] if '"' in (exc.problem or "") else "key"
    where = f" (first at line {first.line + 1})" if first is not None else ""
    return YamlProblem(
        second.line + 1,
        second.column + 1,
        f"duplicate key '{key}'{where}: keep one of them",
    )


def read_bytes(path: Path) -> bytes:
    """A record file's bytes, refusing oversized files before anything parses them."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlProblem(
            1, 1, f"file is {size / 1048576:.1f} MiB: records are limited to {MAX_BYTES // 1048576} MiB"
        )
    return path.read_bytes()


def read(path: Path) -> Document:
    """Read and parse a record file exactly, with positions."""
    return parse(decode(read_bytes(path)))


UNSURE: Final = object()
"""What `parse_fast` answers when only the round-trip loader can say what a document means."""

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
      # tabs, control characters, byte-order marks and the line breaks only YAML 1.1 has:
    | [^\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]
    """,
    re.MULTILINE | re.VERBOSE,
)
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
"""The rest of `_UNSURE_TEXT`, each part written to start with a literal so that it is quick
to search for."""
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]* *(?:#.*)?$")


_DEEP_INDENT = b"\n" + b" " * 18
_FLOWS_ALLOWED = 20
"""With fewer flow brackets and no line indented this far, a document cannot nest anywhere
near MAX_DEPTH (which the fast parser does not enforce); otherwise its depth is measured."""
_COMMENT_LINE = re.compile(r"\n *#[^\n\"']*(?=\n)")
"""A whole-line comment (or block-scalar text) with no quote that could end a quoted scalar."""
_NOT_TEXT = re.compile(
    r"[^\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]"
)
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


def parse_fast(text: str) -> Any:
    """The document's data without positions, or `UNSURE` when `parse` must decide.

    A `UNSURE` answer is never wrong, only slower; any other answer equals what `parse`
    returns for the same text (tests/test_yamlio_differential.py holds it to that).
    """
    if _unsure(text):
        return UNSURE
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - any complaint is the exact parser's to word
        return UNSURE
    if _may_nest_deep(text.encode()) and _too_deep(data):
        return UNSURE
    return data
