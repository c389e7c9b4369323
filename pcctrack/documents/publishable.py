"""The publishable view: a record as plain data with every internal field removed.

Templates never see a model. They see what `publishable` returns: dicts, lists, strings,
numbers, booleans and dates, built from the models' own field metadata, so a field marked
internal (json_schema_extra {"internal": True}) is dropped wherever it sits, at any depth,
including in fields added to the models later.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from pcctrack.models.common import is_internal


def publishable(value: Any) -> Any:
    """``value`` with internal fields stripped, as plain data a template may read."""
    if isinstance(value, BaseModel):
        return {
            name: publishable(getattr(value, name))
            for name, field in type(value).model_fields.items()
            if not is_internal(field)
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [publishable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): publishable(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool, date)):
        return value
    raise TypeError(f"{type(value).__name__} has no publishable form")
