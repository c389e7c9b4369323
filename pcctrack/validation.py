"""Turn a parsed document into a model, and pydantic's errors into sentences a user can act on."""

from __future__ import annotations

import difflib
import re
import types
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from pcctrack import models
from pcctrack.choices import did_you_mean
from pcctrack.boundary.files import RecordKind

_MODEL_NAMES = {
    RecordKind.CONFIG: "Config",
    RecordKind.INSPECTION: "Inspection",
    RecordKind.AUDIT: "Audit",
    RecordKind.ACTION: "Action",
}


def model_for(kind: RecordKind) -> type[BaseModel]:
    """The model a record of ``kind`` must satisfy; only the kinds a run reads are imported."""
    return getattr(models, _MODEL_NAMES[kind])  # type: ignore[no-any-return]


def prepare(kinds: set[RecordKind]) -> None:
    """Build the validators for ``kinds`` now, before a fork, so both processes share them."""
    for kind in kinds:
        model_for(kind).model_rebuild()


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """A problem at a place inside one record, before it has a line and column.

    ``at_key`` points the position at the key rather than its value (unknown keys, ids).
    """

    path: str
    loc: Loc
    message: str
    at_key: bool = False
    severity: str = "error"
    """"warning" for what `validate` reports without failing (an item long without a date)."""


def validate(kind: RecordKind, data: Any, path: str, text: str | None = None) -> tuple[BaseModel | None, list[Problem]]:
    """Validate ``data`` as a record of ``kind``; on failure return every problem found.

    ``text``, the YAML ``data`` was parsed from, spares a search of every value for control
    characters when it holds none and no escape that could write one (`could_hold_controls`).
    """
    model_cls = model_for(kind)
    if data is None:
        required = ", ".join(n for n, f in model_cls.model_fields.items() if f.is_required())
        return None, [Problem(path, (), f"the file is empty: {_article(kind)} {kind} record needs at least {required}")]
    if not isinstance(data, dict):
        return None, [
            Problem(path, (), f"{_article(kind)} {kind} record is a mapping of 'key: value' lines, not {_describe(data)}")
        ]
    controls = []
    if text is None or could_hold_controls(text):
        controls = [Problem(path, loc, message, at_key) for loc, message, at_key in control_characters(data)]
    try:
        model = model_cls.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if controls:  # a half pair is also "not a valid string": say it once
            errors = [err for err in errors if err["type"] != "string_unicode"]
        return None, controls + [_problem(path, model_cls, err) for err in errors]
    return (None, controls) if controls else (model, [])


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 and C1 control characters but tab and newline: written in a record only as an escape
such as "\\e" inside double quotes, and able to drive a terminal that shows the text; and
halves of UTF-16 pairs ("\\ud83d"), which are not characters and cannot be written out."""


def could_hold_controls(text: str) -> bool:
    """Whether YAML parsed from ``text`` could hold a control character: only one written in
    the text itself or an escape (always a backslash) can put one in a value."""
    return "\\" in text or _CONTROL.search(text) is not None


def control_characters(data: Any) -> list[tuple[Loc, str, bool]]:
    """Every key or text value holding a control character: (place, message, at the key)."""
    found: list[tuple[Loc, str, bool]] = []
    pending: list[tuple[Loc, Any]] = [((), data)]
    while pending:
        loc, node = pending.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and (bad := _CONTROL.search(key)):
                    found.append(((*loc, key), _control_message(bad.group()), True))
                pending.append(((*loc, key), value))
        elif isinstance(node, list):
            pending.extend(((*loc, i), value) for i, value in enumerate(node))
        elif isinstance(node, str) and (bad := _CONTROL.search(node)):
            found.append((loc, _control_message(bad.group()), False))
    return sorted(found, key=lambda f: [str(part) for part in f[0]])


def _control_message(character: str) -> str:
    if "\ud800" <= character <= "\udfff":
        return (
            f"\\u{ord(character):04x} is half of a UTF-16 pair, not a character: write the character"
            " itself, or escape it whole (\\U0001F600 for 😀)"
        )
    return (
        f"control character U+{ord(character):04X} in the text: remove it (records hold plain text, and"
        " an escape sequence would drive the terminal of whoever reads it)"
    )


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def dotted(loc: Loc) -> str:
    """`findings[2].due`: how a user would point at a value in the file."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problem(path: str, model_cls: type[BaseModel], err: Any) -> Problem:
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    where = dotted(loc)
    if kind == "extra_forbidden":
        allowed = _fields_at(model_cls, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return Problem(
            path, loc, f"unknown key '{loc[-1]}': {hint}valid keys here are {', '.join(allowed)}", True
        )
    if kind == "invalid_key":
        return Problem(path, loc, f"{_describe(loc[-1])} cannot be a key: keys are names such as 'title'", True)
    if kind == "missing":
        parent = dotted(loc[:-1]) or "the record"
        return Problem(path, loc, f"{parent} is missing the required key '{loc[-1]}'")
    return Problem(path, loc, f"{where}: {_explain(kind, err)}")


def _explain(kind: str, err: Any) -> str:
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
    if kind == "enum":
        expected = str(ctx.get("expected", ""))
        hint = did_you_mean(str(value), re.findall(r"'([^']*)'", expected))
        return f"{value!r} is not allowed{hint} (the choices: {expected})" if hint else f"{value!r} is not allowed: use one of {expected}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if "a-z0-9.-" in pattern:
            return f"{value!r} is not a valid id: use lower-case letters, digits, '.' and '-'"
        if ":" in pattern:
            return f"{value!r} is not a valid tag: use lower-case words joined by '-', e.g. strand:missing-persons"
        return f"{value!r} does not have the expected form ({pattern})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "needs at least one entry"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of 'key: value' lines, got {_describe(value)}"
    if kind == "list_type":
        return f"expected a list ('- item' lines), got {_describe(value)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"expected true or false, got {_describe(value)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number, got {_describe(value)}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{value!r} is too small: {err['msg'].lower()}"
    return str(err["msg"])


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _fields_at(model_cls: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the model accepts at ``loc``, for 'did you mean' hints."""
    current: Any = model_cls
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()] if _is_model(current) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if _is_model(annotation):
        return annotation
    if get_origin(annotation) in (list, dict, Union, types.UnionType):
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
