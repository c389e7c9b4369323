"""The publishable view drops every internal field, wherever a model puts one."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from pcctrack.documents.publishable import publishable
from pcctrack.models.common import is_internal
from pcctrack.models import Inspection
from pcctrack.models.common import internal_field
from tests.documents.leaks import MARKER, mark_internal


class Inner(BaseModel):
    text: str
    notes: list[str] = internal_field("office only")


class Outer(BaseModel):
    when: date
    inner: list[Inner]
    notes: list[str] = internal_field("office only")


def test_internal_fields_are_dropped_at_any_depth() -> None:
    model = Outer(when=date(2025, 1, 15), inner=[Inner(text="public", notes=["secret"])], notes=["secret"])
    assert publishable(model) == {"when": date(2025, 1, 15), "inner": [{"text": "public"}]}


def test_no_internal_field_of_an_inspection_survives() -> None:
    """Findings, scrutiny meetings and the inspection itself each carry internal notes."""
    marked = mark_internal(_inspection())
    assert marked.model_dump_json().count(MARKER) == 3
    assert MARKER not in repr(publishable(marked))


def test_the_marker_fields_are_the_ones_the_models_mark() -> None:
    fields = Inspection.model_fields
    assert is_internal(fields["internal"]) and not is_internal(fields["summary"])


def _inspection() -> Inspection:
    return Inspection.model_validate(
        {
            "id": "x",
            "title": "X",
            "published": "2025-01-15",
            "types": ["national"],
            "findings": [{"id": "x-1", "kind": "recommendation", "text": "Do it."}],
            "pcc_response": {"scrutiny": [{"date": "2025-02-01", "topic": "T"}]},
        }
    )
