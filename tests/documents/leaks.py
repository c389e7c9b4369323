"""Helpers for leak tests: put a marker in every internal field of a model, at any depth."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from pcctrack.models.common import is_internal

MARKER = "LEAK-MARKER-7f3a"
M = TypeVar("M", bound=BaseModel)


def mark_internal(model: M) -> M:
    """A copy of ``model`` with MARKER in every internal field, recursively."""
    update: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        if is_internal(field):
            update[name] = [f"{MARKER} {name}"]
        else:
            update[name] = _mark(getattr(model, name))
    return model.model_copy(update=update)


def _mark(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return mark_internal(value)
    if isinstance(value, list):
        return [_mark(v) for v in value]
    return value

