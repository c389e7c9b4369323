"""The exact parse: ruamel.yaml's round-trip loader, made strict, with every position kept.

Records are read in YAML 1.2 so that every value keeps its line and column. Several things
are deliberately stricter than plain YAML:

* dates stay text until the models parse them, so an impossible date such as 2025-02-30 is a
  validation error with a position rather than a bare ``ValueError`` from the loader;
* aliases, explicit non-standard tags (``!!python/object/...``) and very deep nesting are
  refused: records never need them and each is a way to make a reader misbehave;
* duplicate keys are errors, pointing at both uses;
* size is bounded before and during parsing (bytes, lines, values, depth), so a hostile file
  is refused in well under a second with bounded memory instead of tying the reader up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import RoundTripScanner

from pcctrack.boundary.yamlio.limits import MAX_DEPTH, MAX_LINES, MAX_VALUES, TOO_DEEP, YamlProblem
from pcctrack.boundary.yamlio.raw import decode, read_bytes, text_position

STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    STANDARD_TAG_PREFIX + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)



class _Refused(MarkedYAMLError):
    """Something pcctrack refuses on purpose; its message is already the whole story."""




def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(STANDARD_TAG_PREFIX) if tag.startswith(STANDARD_TAG_PREFIX) else tag


class StrictConstructor(RoundTripConstructor):
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


class _RecordConstructor(StrictConstructor):
    """The validating reader's constructor: dates stay text for the models to parse, and a
    value tagged `!!str` is the text it spells, as `!<tag:yaml.org,2002:str>` already is (the
    round-trip reader keeps the shorthand as a tagged object, for writing it back)."""

    def construct_date_as_text(self, node: Any) -> str:
        return str(self.construct_scalar(node))

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        value = super().construct_object(node, deep=deep)
        return str(value.value) if isinstance(value, TaggedScalar) and node.tag == STANDARD_TAG_PREFIX + "str" else value


_AS_WORDS = {
    STANDARD_TAG_PREFIX + "int": "a whole number",
    STANDARD_TAG_PREFIX + "float": "a number",
    STANDARD_TAG_PREFIX + "bool": "true or false",
}


def _reason(exc: Exception) -> str:
    return f"no such value {exc}" if isinstance(exc, KeyError) else str(exc).split(":")[0]


_RecordConstructor.add_constructor(
    STANDARD_TAG_PREFIX + "timestamp", _RecordConstructor.construct_date_as_text
)


class _RecordScanner(RoundTripScanner):
    """Scanner that stops at deep ``[``/``{`` nesting before its look-ahead turns quadratic.

    The composer's depth limit comes too late for flow collections: to decide whether ``[``
    starts a key the scanner reads ahead through every nested bracket first, so a few
    thousand of them take seconds even though the file is refused in the end.
    """

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
        if len(self.flow_context) >= MAX_DEPTH:
            raise _Refused(None, None, TOO_DEEP, self.reader.get_mark())
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


def reader(constructor: type[RoundTripConstructor] = _RecordConstructor) -> YAML:
    """A strict round-trip loader: no aliases or unknown tags, values and depth bounded."""
    yaml = YAML(typ="rt")
    yaml.Constructor = constructor
    yaml.Composer = _RecordComposer
    yaml.Scanner = _RecordScanner
    yaml.max_depth = MAX_DEPTH
    return yaml


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
    return Document(load_text(reader(), text))


def load_text(yaml: YAML, text: str) -> Any:
    """Load ``text`` with ``yaml``, turning every loader failure into a positioned problem."""
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
        line, col = text_position(text, exc.position)
        raise YamlProblem(
            line, col, f"control character U+{_codepoint(exc.character):04X} is not allowed in YAML text: remove it"
        ) from None
    except RecursionError:
        raise YamlProblem(1, 1, TOO_DEEP) from None
    except (YAMLError, ValueError) as exc:  # any other loader complaint: a message, not a traceback
        raise YamlProblem(1, 1, f"not a valid YAML document: {exc}") from None
    except NotImplementedError as exc:
        raise _unsupported(exc) from None
    except Exception as exc:  # noqa: BLE001 - no file may stop the others being read
        raise YamlProblem(
            1, 1, f"pcctrack's YAML reader cannot read this file ({type(exc).__name__}): simplify its layout"
        ) from None


_OVERLAP = re.compile(r"overlap in comment \[CommentToken\('[^\n]*?\\n', line: (\d+), col: (\d+)\)")


def _unsupported(exc: NotImplementedError) -> YamlProblem:
    """ruamel's round-trip reader gives up on a few comment placements it cannot keep."""
    found = _OVERLAP.search(str(exc))
    if found is None:
        return YamlProblem(1, 1, f"pcctrack's YAML reader cannot read this file ({exc}): simplify its layout")
    return YamlProblem(
        int(found[1]) + 1,
        int(found[2]) + 1,
        "a comment after 'key:' whose value starts on the next line cannot be kept: put the comment on"
        " its own line or after the value",
    )


def _codepoint(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)


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
        return TOO_DEEP
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


def read(path: Path) -> Document:
    """Read and parse a record file exactly, with positions."""
    return parse(decode(read_bytes(path)))
