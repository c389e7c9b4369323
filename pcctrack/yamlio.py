"""The one place pcctrack reads and writes YAML.

Records are read with ruamel.yaml's round-trip loader in YAML 1.2 so that every value keeps
its line and column. Three things are deliberately stricter than plain YAML:

* dates stay text until the models parse them, so an impossible date such as 2025-02-30 is a
  validation error with a position rather than a bare ``ValueError`` from the loader;
* aliases, explicit non-standard tags (``!!python/object/...``) and very deep nesting are
  refused: records never need them and each is a way to make a reader misbehave;
* duplicate keys are errors (ruamel's default, kept on purpose).

Edits go through a second, round-trip path (`load_editable` / `dump_editable`): it keeps
comments, key order, quoting, indentation, null spelling, line endings and a byte-order
mark, so `git diff` after an edit shows only the lines the edit meant to change. Files are
replaced atomically (`write_atomically`) under an exclusive lock (`locked`).
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.reader import ReaderError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

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

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node.tag not in _ALLOWED_TAGS:
            return self.construct_undefined(node)
        return super().construct_object(node, deep=deep)


class _RecordConstructor(_StrictConstructor):
    """The validating reader's constructor: dates stay text for the models to parse."""

    def construct_date_as_text(self, node: Any) -> str:
        return str(self.construct_scalar(node))


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


def _reader(constructor: type[RoundTripConstructor] = _RecordConstructor) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = constructor
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
    return Document(_load(_reader(), text))


def _load(yaml: YAML, text: str) -> Any:
    try:
        return yaml.load(text)
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
    except ValueError as exc:  # only the editing path builds dates, and 2025-02-30 fails there
        raise YamlProblem(1, 1, f"not a valid record: {exc}") from None


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


def read(path: Path) -> Document:
    """Read and parse a record file, refusing oversized files before parsing them."""
    size = path.stat().st_size
    _check_size(size)
    return parse(decode(path.read_bytes()))


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise YamlProblem(
            1, 1, f"file is {size / 1048576:.1f} MiB: records are limited to {MAX_BYTES // 1048576} MiB"
        )


# --- Editing: round-trip load and dump, atomic replacement, locking ---------------------

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
    list goes after) moves to the new end, so it stays attached to what comes next.
    """
    if key in mapping and isinstance(mapping[key], CommentedSeq) and mapping[key]:
        sequence = mapping[key]
        moved = _take_trailing_comment(sequence)
        sequence.append(entry)
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
        _give_trailing_comment(mapping, moved)


def _last_slot(node: Any, only: Any = None) -> tuple[Any, Any] | None:
    """The (collection, key) whose comment slot holds what follows the end of ``node``."""
    if isinstance(node, CommentedMap) and node:
        key = only if only is not None else list(node)[-1]
        value = node[key]
        if only is None and isinstance(value, (CommentedMap, CommentedSeq)) and value:
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


def _take_trailing_comment(node: Any, only: Any = None) -> str | None:
    """Detach the full-line comments and blank lines after the end of ``node``.

    A comment on the same line as the value stays where it is.
    """
    slot = _last_slot(node, only)
    if slot is None:
        return None
    collection, key = slot
    comments = collection.ca.items.get(key)
    index = _slot_index(collection)
    token = comments[index] if comments and len(comments) > index else None
    if token is None or "\n" not in token.value:
        return None
    keep, rest = token.value.split("\n", 1)
    if not rest:
        return None
    if keep.strip():
        token.value = keep + "\n"
    else:
        comments[index] = None
    return rest


def _give_trailing_comment(node: Any, text: str) -> None:
    slot = _last_slot(node)
    if slot is None:
        return
    collection, key = slot
    index = _slot_index(collection)
    comments = collection.ca.items.setdefault(key, [None, None, None, None] if index == 2 else [None, None])
    comments[index] = CommentToken("\n" + text, CommentMark(0), None)


class WriteConflict(Exception):
    """The file changed on disk between reading and writing; nothing was written."""


def _checkpoint(step: str) -> None:
    """A named point between the steps of a write.

    It does nothing; the write-safety tests replace it to raise at each step in turn and
    prove that an interrupted write leaves the old file or the new one, never a mixture.
    """


def write_atomically(path: Path, data: bytes, *, expected: bytes | None = None, create: bool = False) -> None:
    """Replace ``path`` with ``data`` so a reader sees the old file or the new one, never part.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    temporary file is renamed over the record. With ``expected``, the write is refused
    (WriteConflict) if the file no longer holds those bytes; with ``create``, if it exists.
    """
    folder = path.parent
    mode = 0o666 & ~_umask() if create else stat.S_IMODE(path.stat().st_mode)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        _checkpoint("created")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            _checkpoint("written")
            out.flush()
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
            yield raw
            return
        finally:
            os.close(handle)


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
