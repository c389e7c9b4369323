"""Property: however a valid record is mangled, `validate` answers with real positions.

Random edits of the bundled records and the minimal fixtures (keys deleted, duplicated or
given values of the wrong type, random bytes and characters inserted, files truncated,
indentation changed) must never crash pcctrack: the exit code is 0 or 1, never 3, nothing
prints a traceback, and every diagnostic points at a line that exists (at most one past the
last, for "the file ended too soon") and a column from 1.
"""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, FIXTURES, REPO, run

MINIMAL = FIXTURES / "minimal" / "records"
SOURCES = [
    (tree, path.relative_to(tree))
    for tree in (REPO / "records", MINIMAL)
    for path in sorted(tree.rglob("*.yaml"))
]
"""Each source is checked in the minimal tree, at its own place there, so that an example
costs one bundled record's parsing rather than the whole bundled tree's."""

VALUES = [
    b"[]", b"{}", b"42", b"-1.5", b"true", b"null", b"~", b"''", b"2025-02-30", b"[a, [b]]",
    b"{a: 1}", b"&x y", b"*x", b"!!python/object/apply:os.system [ls]", b"!!bool maybe", b"|",
    b">-", b"'unterminated", b'"\\q"', b"- item", b"x: y", b"9" * 5000, b"[" * 60,
    # the classes of issue 16: escapes, half pairs, far dates, standard tags, compact nesting,
    # a comment before a value, full-width and invisible characters
    b'"x\\e[2J\\e]0;t\\a"', b'"\\x9b31m"', b'"Fix \\ud83d\\ude00"', b"9999-12-31", b"0001-01-01",
    b"!!str open", b"-  " * 3000 + b"x", b"#c\n  x\n", b"\xef\xbc\x9dSUM(A1)", b"a\xe2\x80\x8bb@x.org",
]
INDENTS = [b"", b" ", b"  ", b"   ", b"    ", b"\t", b"      ", b" \t "]
EDITS = ["delete", "duplicate", "swap", "retype", "indent", "bytes", "characters", "truncate"]

MUTATION_SETTINGS = settings(
    max_examples=200,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _edit(draw: st.DrawFn, raw: bytes) -> bytes:
    """One random edit of the kind a hurried person (or a broken tool) makes."""
    lines = raw.split(b"\n")
    edit = draw(st.sampled_from(EDITS))
    i = draw(st.integers(0, len(lines) - 1))
    if edit == "delete":
        del lines[i]
    elif edit == "duplicate":
        lines.insert(i, lines[i])
    elif edit == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif edit == "retype":
        key, _, _ = lines[i].partition(b": ")
        lines[i] = key.rstrip(b":") + b": " + draw(st.sampled_from(VALUES))
    elif edit == "indent":
        lines[i] = draw(st.sampled_from(INDENTS)) + lines[i].lstrip(b" ")
    else:
        at = draw(st.integers(0, len(raw)))
        if edit == "truncate":
            return raw[:at]
        extra = (
            draw(st.binary(min_size=1, max_size=8))
            if edit == "bytes"
            else draw(st.text(min_size=1, max_size=8)).encode("utf-8")
        )
        return raw[:at] + extra + raw[at:]
    return b"\n".join(lines)


@st.composite
def mangled(draw: st.DrawFn) -> tuple[Path, Path, bytes]:
    source, relative = draw(st.sampled_from(SOURCES))
    raw = (source / relative).read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        raw = _edit(draw, raw)
    return source, relative, raw


def _line_count(raw: bytes) -> int:
    """Lines as an editor counts them (YAML also breaks lines at a lone CR, U+2028 ...)."""
    try:
        return max(len(raw.decode("utf-8-sig").splitlines()), 1)
    except UnicodeDecodeError:
        return raw.count(b"\n") + 1


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One minimal tree for all examples: each example swaps one file in and restores it."""
    records = tmp_path_factory.mktemp("mutations") / "records"
    shutil.copytree(MINIMAL, records)
    return records


def _validate_in(records: Path, relative: Path, raw: bytes) -> None:
    target = records / relative
    original = target.read_bytes() if target.exists() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    try:
        result = run("validate", "--records", str(records), "--as-of", AS_OF, "--format", "json")
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] == (result.exit_code == 0)
    for problem in report["problems"]:
        path = Path(problem["path"]).absolute()
        assert path.is_relative_to(records), problem
        lines = _line_count(raw if path == target.absolute() else path.read_bytes())
        assert 1 <= problem["line"] <= lines + 1, problem
        assert problem["col"] >= 1, problem
        assert problem["message"], problem


@MUTATION_SETTINGS
@given(mangled())
def test_mangled_record_gives_positioned_diagnostics(tree: Path, case: tuple[Path, Path, bytes]) -> None:
    _validate_in(tree, *case[1:])


@MUTATION_SETTINGS
@given(st.sampled_from(SOURCES), st.binary(max_size=2000))
def test_arbitrary_bytes_give_positioned_diagnostics(
    tree: Path, source: tuple[Path, Path], raw: bytes
) -> None:
    """Not even YAML: whatever bytes a record file holds, the answer is a diagnostic."""
    _validate_in(tree, source[1], raw)
