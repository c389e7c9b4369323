"""Loading a record for editing and writing it back changes nothing that was not edited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pcctrack.boundary import yamlio
from tests.conftest import FIXTURES, REPO

BUNDLED = sorted((REPO / "records").rglob("*.yaml"))
MINIMAL = sorted((FIXTURES / "minimal").rglob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED + MINIMAL, ids=lambda p: str(p.relative_to(REPO)))
def test_unchanged_record_is_written_back_byte_identical(path: Path) -> None:
    raw = path.read_bytes()
    assert yamlio.dump_editable(yamlio.load_editable(raw)) == raw


def test_bundled_records_are_all_covered() -> None:
    assert len(BUNDLED) >= 10


@pytest.mark.parametrize(
    "text",
    [
        "id: a\ntags:\n- x\n- y\nnested:\n    key: value\n",  # dash at the key's column, 4-space maps
        "id: a\nempty: null\nlist: [a, b]\nquoted: 'x'\ndouble: \"y\"\n",
        "# heading\nid: a  # trailing\n\n# before due\ndue: 2025-01-31\n",
    ],
)
def test_other_layouts_are_kept(text: str) -> None:
    raw = text.encode()
    assert yamlio.dump_editable(yamlio.load_editable(raw)) == raw


def test_crlf_and_bom_survive_an_edit() -> None:
    raw = b"\xef\xbb\xbfid: a\r\nlog:\r\n  - date: 2025-01-01\r\n    note: first\r\n"
    doc = yamlio.load_editable(raw)
    yamlio.append_item(doc.data, "log", yamlio.new_mapping({"date": date(2025, 2, 1), "note": "second"}), after=[])
    assert yamlio.dump_editable(doc) == raw + b"  - date: 2025-02-01\r\n    note: second\r\n"


def test_comment_after_a_list_stays_before_what_follows_it() -> None:
    raw = (
        b"findings:\n"
        b"  - id: a\n"
        b"    log:\n"
        b"      - date: 2025-01-01\n"
        b"        note: first\n"
        b"\n"
        b"  # the second finding\n"
        b"  - id: b\n"
    )
    doc = yamlio.load_editable(raw)
    entry = yamlio.new_mapping({"date": date(2025, 2, 1), "note": "second"})
    yamlio.append_item(doc.data["findings"][0], "log", entry, after=[])
    assert yamlio.dump_editable(doc).decode() == (
        "findings:\n"
        "  - id: a\n"
        "    log:\n"
        "      - date: 2025-01-01\n"
        "        note: first\n"
        "      - date: 2025-02-01\n"
        "        note: second\n"
        "\n"
        "  # the second finding\n"
        "  - id: b\n"
    )


def test_new_key_goes_after_its_anchor_and_keeps_comments_in_place() -> None:
    raw = b"id: a\nstatus: open  # as reported\n# about the owner\nowner: Hub Manager\n"
    doc = yamlio.load_editable(raw)
    entry = yamlio.new_mapping({"date": date(2025, 2, 1), "status": "in-progress", "note": "started"})
    yamlio.append_item(doc.data, "log", entry, after=["id", "status"])
    assert yamlio.dump_editable(doc).decode() == (
        "id: a\n"
        "status: open  # as reported\n"
        "log:\n"
        "  - date: 2025-02-01\n"
        "    status: in-progress\n"
        "    note: started\n"
        "# about the owner\n"
        "owner: Hub Manager\n"
    )


def test_entries_set_apart_by_blank_lines_stay_so_and_what_follows_stays_after() -> None:
    raw = b"findings:\n  - id: a\n    tags:\n      - x\n\n  - id: b\n\n# about milestones\nmilestones:\n  published: true\n"
    doc = yamlio.load_editable(raw)
    yamlio.append_item(doc.data, "findings", yamlio.new_mapping({"id": "c"}), after=[])
    assert yamlio.dump_editable(doc).decode() == (
        "findings:\n  - id: a\n    tags:\n      - x\n\n  - id: b\n\n  - id: c\n\n# about milestones\nmilestones:\n  published: true\n"
    )


def test_a_key_added_after_a_list_takes_the_blank_line_that_ended_it() -> None:
    raw = b"scale:\n  - name: High\n  - name: Low\n\nbackground: text\n"
    doc = yamlio.load_editable(raw)
    yamlio.set_value(doc.data, "assurance", "Partial", after=["scale"])
    assert yamlio.dump_editable(doc).decode() == "scale:\n  - name: High\n  - name: Low\nassurance: Partial\n\nbackground: text\n"


def test_a_value_used_twice_is_written_twice_not_as_an_alias() -> None:
    doc = yamlio.load_editable(b"id: a\n")
    day = date(2025, 2, 1)
    yamlio.set_value(doc.data, "a", day, after=[])
    yamlio.set_value(doc.data, "b", day, after=[])
    assert yamlio.dump_editable(doc) == b"id: a\na: 2025-02-01\nb: 2025-02-01\n"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NOTE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029\ufeff") | st.sampled_from("\n:#-'\"@&*!|>%"),
    min_size=1,
    max_size=80,
)


@settings(max_examples=60, deadline=None)
@given(note=NOTE_TEXT)
def test_any_note_reads_back_exactly_as_written(note: str) -> None:
    """Whatever an analyst types (colons, hashes, quotes, dashes, new lines) survives the file."""
    doc = yamlio.load_editable(b"id: a\nlog:\n  - date: 2025-01-01\n    note: first\n")
    yamlio.append_item(doc.data, "log", yamlio.new_mapping({"date": date(2025, 2, 1), "note": note}), after=[])
    back = yamlio.parse(yamlio.decode(yamlio.dump_editable(doc))).data
    assert back["log"][-1]["note"] == note
    assert back["log"][0]["note"] == "first"
