"""The YAML layer: YAML 1.2 values, positions, and the refusals that keep readers safe."""

from __future__ import annotations

import pytest

from pcctrack.boundary.yamlio import YamlProblem, decode, parse


def test_yaml_1_2_values_and_dates_kept_as_text() -> None:
    data = parse("a: yes\nb: 010\nc: 2025-08-31\nd: ~\n").data
    assert data == {"a": "yes", "b": 10, "c": "2025-08-31", "d": None}


def test_positions_point_at_values_and_keys() -> None:
    doc = parse("id: x\nfindings:\n  - id: y\n    due: 2025-02-30\n")
    assert doc.position(("findings", 0, "due")) == (4, 10)
    assert doc.position(("findings", 0, "due"), key=True) == (4, 5)
    assert doc.position(("findings", 0, "missing")) == (3, 5)


@pytest.mark.parametrize(
    ("text", "line", "col", "start"),
    [
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first at line 1)"),
        ("a: &x 1\nb: *x\n", 2, 4, "aliases such as *x are not allowed"),
        ("a: !!python/name:os.system\n", 1, 4, "the tag !!python/name:os.system is not allowed"),
        ("a:\n\t- 1\n", 2, 1, "a tab character: YAML indents and separates with spaces only"),
        ("a: 1\n---\nb: 2\n", 2, 1, "a record file holds one YAML document"),
    ],
)
def test_refusals_have_positions(text: str, line: int, col: int, start: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert (caught.value.line, caught.value.col) == (line, col)
    assert caught.value.message.startswith(start)


def test_byte_order_mark_and_crlf_are_accepted() -> None:
    text = decode("\ufeffid: x\r\ntitle: y\r\n".encode())
    assert parse(text).data == {"id": "x", "title": "y"}


def test_invalid_utf8_is_located() -> None:
    with pytest.raises(YamlProblem) as caught:
        decode(b"a: 1\nb: caf\xe9\n")
    assert (caught.value.line, caught.value.col) == (2, 7)
