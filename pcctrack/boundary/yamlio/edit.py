"""The round-trip edit: load a record for editing and write it back as it was laid out.

It keeps comments, key order, quoting, indentation, null spelling, line endings and a
byte-order mark, so `git diff` after an edit shows only the lines the edit meant to change.
Replacing the file safely is `pcctrack.boundary.atomic`'s job.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from pcctrack.boundary.yamlio.exact import STANDARD_TAG_PREFIX, StrictConstructor, load_text, reader
from pcctrack.boundary.yamlio.raw import decode
from pcctrack.boundary.yamlio.limits import check_size

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
        return self.represent_scalar(STANDARD_TAG_PREFIX + "null", "null")


_NullWordRepresenter.add_representer(type(None), _NullWordRepresenter.represent_none)


def _editor(layout: Layout) -> YAML:
    yaml = reader(StrictConstructor)
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
    check_size(len(raw))
    text = decode(raw)
    layout = detect_layout(raw, text)
    return Editable(load_text(_editor(layout), text.replace("\r\n", "\n")), layout)


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


def is_mapping(value: Any) -> bool:
    """Whether ``value`` is a mapping made for writing (which may carry comments)."""
    return isinstance(value, CommentedMap)


def start_comment(mapping: CommentedMap, text: str) -> None:
    """A comment at the top of a new record, under the schema pointer."""
    mapping.yaml_set_start_comment(text)


def comment_above(mapping: CommentedMap, key: str, lines: list[str], indent: int) -> None:
    """Comment lines just above ``key`` (indented as the mapping's keys are)."""
    mapping.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=indent)


def end_comment(mapping: CommentedMap, lines: list[str]) -> None:
    """Comment lines after the last key of a new record."""
    mapping.yaml_set_comment_before_after_key(list(mapping)[-1], after="\n".join(lines))


def comment_after(mapping: CommentedMap, key: str, text: str) -> None:
    """A comment at the end of ``key``'s line."""
    mapping.yaml_add_eol_comment(text, key)


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
