"""The one place pcctrack reads and writes YAML.

Records are read with ruamel.yaml's round-trip loader in YAML 1.2 so that every value keeps
its line and column. Several things are deliberately stricter than plain YAML:

* dates stay text until the models parse them, so an impossible date such as 2025-02-30 is a
  validation error with a position rather than a bare ``ValueError`` from the loader;
* aliases, explicit non-standard tags (``!!python/object/...``) and very deep nesting are
  refused: records never need them and each is a way to make a reader misbehave;
* duplicate keys are errors, pointing at both uses;
* size is bounded before and during parsing (bytes, lines, values, depth), so a hostile file
  is refused in well under a second with bounded memory instead of tying the reader up.

Edits go through a second, round-trip path (`load_editable` / `dump_editable`): it keeps
comments, key order, quoting, indentation, null spelling, line endings and a byte-order
mark, so `git diff` after an edit shows only the lines the edit meant to change. Replacing
the file safely is `pcctrack.boundary.atomic`'s job.

Round-trip parsing is slow (tens of seconds for a national tree), so `parse_fast` first tries
a Rust YAML 1.2 parser that keeps no positions. It answers only when it is sure to agree with
the round-trip loader: anything it might read differently (anchors, tags, directives,
merge keys, unusual number forms, control characters, tabs, nesting that might reach
MAX_DEPTH) or cannot parse makes it answer
`UNSURE`, and the caller falls back to `parse`, which also gives exact positions.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml_rs

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import CommentMark, MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.scanner import RoundTripScanner
from ruamel.yaml.tokens import CommentToken

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


class _Refused(MarkedYAMLError):
    """Something pcctrack refuses on purpose; its message is already the whole story."""


_TOO_DEEP = f"nesting is too deep (records never nest {MAX_DEPTH} levels)"


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STANDARD_TAG_PREFIX) if tag.startswith(_STANDARD_TAG_PREFIX) else tag


class _StrictConstructor(RoundTripConstructor):
    """Round-trip constructor that refuses unknown tags: objects are never built from tags."""

    def construct_undefined(self, node: Any) -> Any:
        raise _Refused(
            None,
            None,
            f"the tag {_short_tag(node.tag)} is not allowed in records: remove it and write a"
            " plain value (pcctrack never constructs objects from tags)",
            node.start_mark,
        )

    def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
        """Refuse list or mapping keys, and a repeated key naming the line of its first use.

        (ruamel names the line of the mapping instead; records never need complex keys.)
        """
        if not isinstance(key_node, ScalarNode):
            raise _Refused(None, None, "a list or mapping cannot be a key: keys are names such as 'title'", key_node.start_mark)
        if key not in mapping:
            return True
        first = next((k for k, _ in node.value if k is not key_node and k.value == key_node.value), None)
        where = f" (first at line {first.start_mark.line + 1})" if first is not None else ""
        raise _Refused(None, None, f"duplicate key '{key}'{where}: keep one of them", key_node.start_mark)

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node.tag not in _ALLOWED_TAGS:
            return self.construct_undefined(node)
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, TypeError) as exc:
            # e.g. `!!bool maybe`, `!!int x`, or an integer of more than 4300 digits
            raise _Refused(
                None,
                None,
                f"this value cannot be read as {_AS_WORDS.get(node.tag, _short_tag(node.tag))}"
                f" ({_reason(exc)}): quote it if it is text",
                node.start_mark,
            ) from None


class _RecordConstructor(_StrictConstructor):
    """The validating reader's constructor: dates stay text for the models to parse."""

    def construct_date_as_text(self, node: Any) -> str:
        return str(self.construct_scalar(node))


_AS_WORDS = {
    _STANDARD_TAG_PREFIX + "int": "a whole number",
    _STANDARD_TAG_PREFIX + "float": "a number",
    _STANDARD_TAG_PREFIX + "bool": "true or false",
}


def _reason(exc: Exception) -> str:
    return f"no such value {exc}" if isinstance(exc, KeyError) else str(exc).split(":")[0]


_RecordConstructor.add_constructor(
    _STANDARD_TAG_PREFIX + "timestamp", _RecordConstructor.construct_date_as_text
)


class _RecordScanner(RoundTripScanner):
    """Scanner that stops at deep ``[``/``{`` nesting before its look-ahead turns quadratic.

    The composer's depth limit comes too late for flow collections: to decide whether ``[``
    starts a key the scanner reads ahead through every nested bracket first, so a few
    thousand of them take seconds even though the file is refused in the end.
    """

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
        if len(self.flow_context) >= MAX_DEPTH:
            raise _Refused(None, None, _TOO_DEEP, self.reader.get_mark())
        super().fetch_flow_collection_start(TokenClass, to_push)


class _RecordComposer(Composer):
    """Composer that refuses aliases and counts values.

    Expanding aliases is how 'billion laughs' files work; counting values bounds the work on
    files that are small in bytes but huge in structure.
    """

    values = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.get_event()
            raise _Refused(
                None,
                None,
                f"aliases such as *{event.anchor} are not allowed in records: write the value out",
                event.start_mark,
            )
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Refused(
                None,
                None,
                f"more than {MAX_VALUES} values in one record: records are never this large;"
                " split it up or remove pasted material",
                self.parser.peek_event().start_mark,
            )
        return super().compose_node(parent, index)


def _reader(constructor: type[RoundTripConstructor] = _RecordConstructor) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = constructor
    yaml.Composer = _RecordComposer
    yaml.Scanner = _RecordScanner
    yaml.max_depth = MAX_DEPTH
    return yaml


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
    return _text_position(before, len(before))


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
    return Document(_load(_reader(), text))


def _load(yaml: YAML, text: str) -> Any:
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise YamlProblem(
            MAX_LINES + 1, 1, f"the file has {lines} lines: records are never longer than {MAX_LINES}; split it up"
        )
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        raise _marked(exc, text) from None
    except ReaderError as exc:
        line, col = _text_position(text, exc.position)
        raise YamlProblem(
            line, col, f"control character U+{_codepoint(exc.character):04X} is not allowed in YAML text: remove it"
        ) from None
    except RecursionError:
        raise YamlProblem(1, 1, _TOO_DEEP) from None
    except (YAMLError, ValueError) as exc:  # any other loader complaint: a message, not a traceback
        raise YamlProblem(1, 1, f"not a valid YAML document: {exc}") from None


def _codepoint(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


_HINTS = {
    "mapping values are not allowed here": (
        "unexpected ':' here: check the indentation, or quote text that contains ': '"
    ),
    "could not find expected ':'": "expected 'key: value' here: check the indentation above",
}


def _marked(exc: MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (exc.problem or "").strip()
    if isinstance(exc, _Refused):
        return YamlProblem(line, col, problem)
    if "unknown escape character" in problem:
        col -= 1  # point at the backslash that starts the escape
    if problem.startswith("expected '<document start>'"):
        # ruamel points past the end of the file; the stray directive is the last '%' line
        directives = [i for i, text_line in enumerate(text.splitlines()[:line], 1) if text_line.startswith("%")]
        line, col = (directives[-1], 1) if directives else (line, col)
    return YamlProblem(line, col, _HINTS.get(problem) or _explain(exc, problem))


def _explain(exc: MarkedYAMLError, problem: str) -> str:
    """Say what a YAML syntax error means for someone editing a record by hand."""
    context = exc.context or ""
    opened = f" at line {exc.context_mark.line + 1}" if exc.context_mark is not None else ""
    quoted = re.findall(r"'([^']*)'", problem)
    found = quoted[-1] if quoted else ""
    if "expected a single document" in context:
        return "a record file holds one YAML document: remove the second '---' and what follows"
    if "maximum depth" in problem:
        return _TOO_DEEP
    if "unknown escape character" in problem:
        return (
            f"\\{found} is not an escape YAML knows inside double quotes: write \\\\ for a"
            " backslash, or use single quotes"
        )
    if problem.startswith("expected '<document start>'"):
        return "a line starting with '%' is a YAML directive, which records never need: remove it"
    if "found '<stream end>'" in problem and "quoted scalar" not in context:
        return "the file ends in the middle of a value: close the '[' or '{' that is open, or finish the line"
    if "quoted scalar" in context:
        return f"a quoted string opened{opened} is never closed: add the closing quote"
    if "cannot start any token" in problem:
        if found == "\\t":
            return "a tab character: YAML indents and separates with spaces only; replace it with spaces"
        return f"a value cannot start with '{found}': put the value in quotes"
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "]" if "sequence" in context else "}"
        return (
            f"the '{_OPENER[bracket]}' opened{opened} is not closed before this point: add"
            f" '{bracket}', or quote text that contains ',' or ':'"
        )
    if problem.startswith("expected <block end>"):
        if found == "-":
            return "a list item ('- ...') where a 'key: value' line is expected: indent it under its key"
        if found in ("]", "}"):
            return f"'{found}' has no opening bracket: remove it, or quote the value"
        return "this line is indented differently from the lines it belongs with: line it up (YAML nests by indentation)"
    suffix = f" ({context.strip()})" if context else ""
    return f"invalid YAML: {problem}{suffix}"


_OPENER = {"]": "[", "}": "{"}


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
    _check_size(max(info.st_size, len(raw)))
    return raw


def read(path: Path) -> Document:
    """Read and parse a record file exactly, with positions."""
    return parse(decode(read_bytes(path)))


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise YamlProblem(
            1, 1, f"the file is {_size(size)}: records are never larger than {_size(MAX_BYTES)}; split it up"
        )


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MiB" if n >= 1048576 else f"{n // 1024} KiB"


# --- Editing: round-trip load and dump -------------------------------------------------

_BOM = b"\xef\xbb\xbf"
_WIDE = 1_000_000
"""Line width for dumping: long lines are written as they were, never re-wrapped."""
_SEQUENCE_UNDER_KEY = re.compile(r"^( *)[^ #\n-][^\n]*:[ \t]*(?:#[^\n]*)?\n( *)- ", re.MULTILINE)
_MAPPING_UNDER_KEY = re.compile(r"^( *)[^ #\n-][^\n]*:[ \t]*(?:#[^\n]*)?\n( *)[^ #\n-][^\n]*:", re.MULTILINE)
_NULL_WORD = re.compile(r"^[^#\n]*(?::|-)[ \t]+null[ \t]*(?:#[^\n]*)?$", re.MULTILINE)


@dataclass(frozen=True)
class Layout:
    """How a file is written, so an edit writes it the same way."""

    bom: bool = False
    crlf: bool = False
    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    null_word: bool = False
    """Whether empty values are spelled `null` (rather than left blank)."""


@dataclass
class Editable:
    """A record loaded for editing: the ruamel tree (dates as dates) and the file's layout."""

    data: Any
    layout: Layout


def detect_layout(raw: bytes, text: str) -> Layout:
    """Read the indentation, line endings, BOM and null spelling a file already uses."""
    sequence, offset, mapping = 4, 2, 2
    if (found := _SEQUENCE_UNDER_KEY.search(text)) is not None:
        offset = max(len(found.group(2)) - len(found.group(1)), 0)
        sequence = offset + 2
    for found in _MAPPING_UNDER_KEY.finditer(text):
        step = len(found.group(2)) - len(found.group(1))
        if step > 0:
            mapping = step
            break
    return Layout(
        bom=raw.startswith(_BOM),
        crlf="\r\n" in text,
        mapping=mapping,
        sequence=sequence,
        offset=offset,
        null_word=_NULL_WORD.search(text) is not None,
    )


class _EditRepresenter(RoundTripRepresenter):
    """Never writes anchors and aliases (records refuse them), even for a value used twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _NullWordRepresenter(_EditRepresenter):
    """Writes None as `null`, for files that spell empty values that way."""

    def represent_none(self, data: Any) -> Any:
        return self.represent_scalar(_STANDARD_TAG_PREFIX + "null", "null")


_NullWordRepresenter.add_representer(type(None), _NullWordRepresenter.represent_none)


def _editor(layout: Layout) -> YAML:
    yaml = _reader(_StrictConstructor)
    yaml.preserve_quotes = True
    yaml.width = _WIDE
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.Representer = _NullWordRepresenter if layout.null_word else _EditRepresenter
    return yaml


def load_editable(raw: bytes) -> Editable:
    """Load a record's bytes for editing, keeping everything needed to write it back unchanged.

    Unlike `parse`, dates become dates here, because ruamel then writes them back exactly
    as they were; the edited result is re-validated through `parse` before it is written.
    """
    _check_size(len(raw))
    text = decode(raw)
    layout = detect_layout(raw, text)
    return Editable(_load(_editor(layout), text.replace("\r\n", "\n")), layout)


def dump_editable(doc: Editable) -> bytes:
    """The bytes of an edited record, in its original layout."""
    buffer = io.StringIO()
    _editor(doc.layout).dump(doc.data, buffer)
    text = buffer.getvalue()
    if doc.layout.crlf:
        text = text.replace("\n", "\r\n")
    return (_BOM if doc.layout.bom else b"") + text.encode("utf-8")


def new_mapping(pairs: dict[str, Any]) -> CommentedMap:
    """A mapping for a new record or entry, written in block style with keys in this order."""
    mapping = CommentedMap()
    for key, value in pairs.items():
        if isinstance(value, str) and "\n" in value:
            value = LiteralScalarString(value)
        elif isinstance(value, list):
            value = CommentedSeq(value)
        mapping[key] = value
    return mapping


def append_item(mapping: CommentedMap, key: str, entry: Any, after: list[str]) -> None:
    """Append ``entry`` to the list at ``key``, creating the list after the last of ``after``.

    A comment or blank line that followed the old end of the list (or of the key the new
    list goes after) moves to the new end, so it stays attached to what comes next; where the
    list's entries are set apart by blank lines (as the bundled findings are), so is the new one.
    """
    if key in mapping and isinstance(mapping[key], CommentedSeq) and mapping[key]:
        sequence = mapping[key]
        spaced = len(sequence) > 1 and _blank_line_after(sequence[-2])
        moved = _take_trailing_comment(sequence)
        sequence.append(entry)
        if spaced:
            _give_trailing_comment(sequence[-2], "\n")
    else:
        anchor = next((k for k in reversed(after) if k in mapping), None)
        position = list(mapping).index(anchor) + 1 if anchor is not None else len(mapping)
        moved = _take_trailing_comment(mapping, only=anchor) if anchor is not None else None
        if key in mapping:
            del mapping[key]
        mapping.insert(position, key, CommentedSeq([entry]))
    if moved:
        _give_trailing_comment(entry, moved)


def set_value(mapping: CommentedMap, key: str, value: Any, after: list[str]) -> None:
    """Set ``key`` in place (its line keeps its place and comments), or add it after ``after``."""
    if key in mapping:
        mapping[key] = value
        return
    anchor = next((k for k in reversed(after) if k in mapping), None)
    position = list(mapping).index(anchor) + 1 if anchor is not None else len(mapping)
    moved = _take_trailing_comment(mapping, only=anchor) if anchor is not None else None
    mapping.insert(position, key, value)
    if moved:
        _give_trailing_comment(mapping, moved, only=key)


def _last_slot(node: Any, only: Any = None) -> tuple[Any, Any] | None:
    """The (collection, key) whose comment slot holds what follows the end of ``node``."""
    if isinstance(node, CommentedMap) and node:
        key = only if only is not None else list(node)[-1]
        value = node[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and value:
            return _last_slot(value)
        return node, key
    if isinstance(node, CommentedSeq) and node:
        value = node[-1]
        if isinstance(value, (CommentedMap, CommentedSeq)) and value:
            return _last_slot(value)
        return node, len(node) - 1
    return None


def _slot_index(collection: Any) -> int:
    return 2 if isinstance(collection, CommentedMap) else 0


def _trailing(node: Any, only: Any = None) -> tuple[list[Any], int, Any] | None:
    """The comment slots after the end of ``node``, which slot is the trailing one, and the
    comment token there (None if there is none); None when ``node`` is empty."""
    slot = _last_slot(node, only)
    if slot is None:
        return None
    collection, key = slot
    comments = collection.ca.items.get(key)
    index = _slot_index(collection)
    return comments, index, comments[index] if comments and len(comments) > index else None


def _take_trailing_comment(node: Any, only: Any = None) -> str | None:
    """Detach the full-line comments and blank lines after the end of ``node``.

    A comment on the same line as the value stays where it is.
    """
    found = _trailing(node, only)
    if found is None or found[2] is None or "\n" not in found[2].value:
        return None
    comments, index, token = found
    keep, rest = token.value.split("\n", 1)
    if not rest:
        return None
    if keep.strip():
        token.value = keep + "\n"
    else:
        comments[index] = None
    return rest


def _blank_line_after(node: Any) -> bool:
    """Whether a blank line follows the end of ``node``."""
    found = _trailing(node)
    token = found[2] if found is not None else None
    return token is not None and "\n" in token.value and token.value.split("\n", 1)[1].startswith("\n")


def _give_trailing_comment(node: Any, text: str, only: Any = None) -> None:
    slot = _last_slot(node, only)
    if slot is None:
        return
    collection, key = slot
    index = _slot_index(collection)
    comments = collection.ca.items.setdefault(key, [None, None, None, None] if index == 2 else [None, None])
    comments[index] = CommentToken("\n" + text, CommentMark(0), None)


# --- The fast path: no positions, only when it is sure ------------------------------------

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
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - any complaint is the exact parser's to word
        return UNSURE
    if _may_nest_deep(text.encode()) and _too_deep(data):
        return UNSURE
    if len(text) > _VALUES_POSSIBLE and _too_many_values(data):
        return UNSURE
    return data
