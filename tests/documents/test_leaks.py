"""Nothing internal reaches a document, through any template or format."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pcctrack.boundary.listing import Declared
from pcctrack.commands.common import Listing
from pcctrack.commands.report import pack
from pcctrack.documents import response
from pcctrack.choices import DocFormat
from pcctrack.documents.publish import produce
from pcctrack.loader import load
from pcctrack.records import RecordSet, Sourced
from pcctrack.rules.items import items, known_as
from pcctrack.rules.selection import Filters
from tests.conftest import REPO
from tests.documents.leaks import MARKER, mark_internal


@pytest.fixture(scope="module")
def marked() -> RecordSet:
    """The bundled records with a marker in every internal field of every record."""
    records = load(REPO / "records").records
    return replace(
        records,
        inspections=[Sourced(s.path, mark_internal(s.model)) for s in records.inspections],
        audits=[Sourced(s.path, mark_internal(s.model)) for s in records.audits],
        actions=[Sourced(s.path, mark_internal(s.model)) for s in records.actions],
    )


def test_the_marker_is_really_in_the_records(marked: RecordSet) -> None:
    every = [s.model for s in marked.inspections + marked.audits + marked.actions]  # type: ignore[operator]
    assert all(MARKER in m.model_dump_json() for m in every)


@pytest.mark.parametrize("fmt", [DocFormat.MARKDOWN, DocFormat.HTML])
def test_no_response_shows_an_internal_field(marked: RecordSet, fmt: DocFormat) -> None:
    for s in marked.inspections:
        document = produce("response", fmt, response.context(s.model, marked.config, draft=True), [])
        assert MARKER.encode() not in document, s.model.id
        assert s.model.title.encode()[:20] in document


@pytest.mark.parametrize("fmt", [DocFormat.MARKDOWN, DocFormat.HTML])
def test_the_pack_shows_no_internal_field(marked: RecordSet, fmt: DocFormat) -> None:
    declared = Declared(marked.config.roles, marked.config.force)
    titles = {s.model.id: known_as(s.model) for s in [*marked.inspections, *marked.audits]}
    listing = Listing(items(marked), declared, [], {}, titles)
    context = pack(listing, date(2026, 11, 21), date(2025, 1, 1), 400, Filters())
    document = produce("report", fmt, context, [])
    assert MARKER.encode() not in document
    assert b"rsm-vulnerability-2526-3" in document
