"""One YAML meaning: whenever the fast parser answers, it agrees with the round-trip loader.

`yamlio.parse_fast` may say UNSURE (the exact loader then decides); any other answer must be
exactly what `yamlio.parse` reads, value for value and type for type. Checked over the bundled
records, every fixture (good and bad), generated trees, known traps and random documents.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcctrack.boundary import yamlio
from tests.conftest import FIXTURES, REPO
from tests.benchmarks.tree import generated_tree


def plain(value: Any) -> Any:
    """A value with its exact type spelled out, so 1, 1.0, True and '1' never compare equal."""
    if isinstance(value, dict):
        return ("map", [(plain(k), plain(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [plain(v) for v in value])
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else float(value))
    if isinstance(value, str):
        return ("str", str(value))
    return ("other", type(value).__name__, repr(value))


def exact(text: str) -> Any:
    try:
        return ("ok", plain(yamlio.parse(text).data))
    except yamlio.YamlProblem as problem:
        return ("refused", problem.message)


def agrees(text: str) -> bool:
    """True when the fast parser is unsure, or reads ``text`` exactly as the loader does."""
    fast = yamlio.parse_fast(text)
    return fast is yamlio.UNSURE or exact(text) == ("ok", plain(fast))


def corpus_files() -> list[Path]:
    return sorted((REPO / "records").rglob("*.yaml")) + sorted(FIXTURES.rglob("*.yaml"))


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_bundled_records_and_fixtures_read_the_same(path: Path) -> None:
    try:
        text = yamlio.decode(path.read_bytes())
    except yamlio.YamlProblem:
        return  # not text: neither parser ever sees it
    assert agrees(text)


def test_the_bundled_records_take_the_fast_path() -> None:
    """Prose with **bold**, comments quoting sources, '&' and '?' must not force the slow path."""
    for path in sorted((REPO / "records").rglob("*.yaml")):
        assert yamlio.parse_fast(yamlio.decode(path.read_bytes())) is not yamlio.UNSURE, path


def test_generated_trees_read_the_same_and_take_the_fast_path(tmp_path: Path) -> None:
    root = generated_tree(tmp_path, actions=40, bad=10)
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml"))]
    assert all(agrees(t) for t in texts)
    fast = sum(yamlio.parse_fast(t) is not yamlio.UNSURE for t in texts)
    assert fast >= len(texts) - 3  # only the spoiled files that the fast parser rejects


TRAPS = [
    "a: yes\nb: on\nc: no\nd: off\ne: y\n",  # YAML 1.1 booleans are text in 1.2
    "a: 010\nb: 0o10\nc: 0x1F\nd: 0X1F\ne: 0b101\nf: 0B1\n",
    "a: 1_000\nb: _1\nc: 7e_5\nd: .8E72\ne: 1e3\nf: +1\ng: -.5\nh: .inf\ni: .NaN\n",
    "published: 2024-13-45\ndue: 2025-02-30\nat: 2025-01-01T10:00:00\n",
    "title: a\ntitle: b\n",
    "1: a\n1.0: b\n",
    "a: &x 1\nb: *x\n",
    "a: !!python/object/apply:os.system [ls]\n",
    "a: !\nb: ! x\nc: !!str 1\nd: !!binary aGk=\n",
    "a: =\n",
    "<<: {a: 1}\nb: 2\n",
    "? [a]\n: b\n",
    "%YAML 1.1\n---\na: yes\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\n",
    "k: |\n",
    "k: >+\n",
    "k: |\n  text",
    "a:\n\t- b\n",
    "a: x\u0085y\n",
    "a: x\u2028y\n",
    "a: x\ufeffy\n",
    "a: \x01\n",
    "a: [|-]\n",
    "a: 'it''s'\nb: \"\\x41\\u00e9\\N\\_\\L\"\n",
    "a: \"unclosed\n",
    "a: b: c\n",
    "[" * 300 + "]" * 300 + "\n",
    "a: " + "[" * 45 + "]" * 45 + "\n",
    "".join(" " * i + "k:\n" for i in range(45)) + " " * 45 + "k: 1\n",
    "- " * 45 + "x\n",
    "a:\n" + "".join(" " * (i + 1) + "k: [\n" for i in range(25)) + "]" * 25 + "\n",
    "a: x\r\nb: y\r\n",
    "",
    "# only a comment\n",
    "- a\n- b\n",
    # the size limits both paths must keep alike: values, lines, and numbers Python refuses
    "a: [" + ", ".join(["x"] * 5001) + "]\n",
    "a: [" + ", ".join(["x"] * 4990) + "]\n",
    "".join(f"k{i}: v\n" for i in range(2600)),
    "# c\n" * 10_001 + "a: 1\n",
    "a: " + "9" * 4400 + "\n",
    # escapes, surrogates, block-scalar indentation and flow-context keys (issue 16, item 9)
    'a: "Fix \\ud83d\\ude00"\n',
    'a: "x \\ud83d"\n',
    'a: "\\U0000D83D"\n',
    'a: "\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\t\\0"\n',
    "a: >\n  \n   x\n",
    "a: |\n   \n  text\n",
    "a: |\n  \n    x\n  y\n",
    "a: |2\n   x\n",
    "a: >-\n\n  x\n\n",
    "a: [b: c]\n",
    "a: {b, c: d}\n",
    "a: [? b : c]\n",
    'a: {"b":c}\n',
    "a: [b:c]\n",
    "a: {b: [c: d]}\n",
    "a: #c\n  x\n\n",
]


@pytest.mark.parametrize("text", TRAPS)
def test_known_traps(text: str) -> None:
    assert agrees(text)


def test_duplicate_keys_impossible_dates_and_aliases_never_pass_the_fast_path() -> None:
    for text in ("title: a\ntitle: b\n", "a: &x 1\nb: *x\n", "a: *x\n", "a: !!python/name:os.system\n"):
        assert yamlio.parse_fast(text) is yamlio.UNSURE
    assert yamlio.parse_fast("published: 2024-13-45\n") == {"published": "2024-13-45"}  # text, as the loader keeps it


PIECES = [
    "a", "b c", ":", ": ", "- ", "\n", "\n  ", "\n- ", "  ", '"', "'", "\\", "\\n", "#", " #", "|", ">",
    "|-", ">+", "[", "]", "{", "}", ",", "1", "0", ".5", "-", "true", "null", "~", "é", "\r\n", "2025-02-30",
    "?", "*", "&", "!", "%", "key: ", "\n  key: ", "---", "...", "e3", "_", "0x", "Yes", "1.", "+", "=", "\t",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.sampled_from(["", "\n"]))
def test_random_documents_read_the_same(pieces: list[str], end: str) -> None:
    assert agrees("k: " + "".join(pieces) + end)


SCALAR = st.text(alphabet="0123456789+-._eExXoObB:~ tTrRuUfFaAlLsSnNyY", min_size=1, max_size=6)


ESCAPES = ["\\ud83d", "\\ude00", "\\uD800", "\\x41", "\\u00e9", "\\U0001F600", "\\U0000DC00", "\\N", "\\_", "\\t", "x", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ESCAPES), min_size=1, max_size=6))
def test_random_escapes_read_the_same(escapes: list[str]) -> None:
    assert agrees(f'a: "{"".join(escapes)}"\n')


BLOCK_LINES = ["", " ", "  ", "   ", "    x", "  x", "   x", "  # c", "x"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["|", ">", "|-", ">+", "|2", ">1"]), st.lists(st.sampled_from(BLOCK_LINES), min_size=1, max_size=5))
def test_random_block_scalars_read_the_same(header: str, lines: list[str]) -> None:
    assert agrees(f"a: {header}\n" + "".join(line + "\n" for line in lines) + "b: 1\n")


FLOW = ["[", "]", "{", "}", ", ", "a", "b: c", "? ", ": ", '"k": v', "k:v", "x: [y]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FLOW), min_size=1, max_size=8))
def test_random_flow_keys_read_the_same(pieces: list[str]) -> None:
    assert agrees("a: " + "".join(pieces) + "\n")


@pytest.mark.parametrize("text", ["a: {{}}\n", "a: {[1]: 2}\n", "{{}: 1}\n", "[a]: b\n", "a:\n  - {[x, y]: z}\n"])
def test_a_list_or_mapping_as_a_key_is_left_to_the_exact_parser(text: str) -> None:
    assert yamlio.parse_fast(text) is yamlio.UNSURE
    assert exact(text)[0] == "refused"


@settings(max_examples=400, deadline=None)
@given(SCALAR)
def test_random_scalars_resolve_the_same(token: str) -> None:
    assert agrees(f"a: {token}\nb: [{token}]\n")
