"""Deep nesting is refused with a diagnostic whatever the stack size: no parser recurses past
the bound, and the fast parser never sees a text that might nest deep enough to hurt."""

from __future__ import annotations

import resource
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from pcctrack.boundary import yamlio
from pcctrack.boundary.yamlio.depth import nesting_bound
from pcctrack.loader import load
from tests.conftest import FIXTURES

N = 11_000
DEEP = {
    "compact-dashes-two-spaces": "-  " * N + "x\n",
    "compact-dashes": "- " * N + "x\n",
    "compact-dashes-wide": "-     " * 5_000 + "x\n",
    "complex-keys": "? " * N + "x\n",
    "mixed-indicators": "- ? " * 5_000 + "x\n",
    "indented-mappings": "".join(" " * i + "a:\n" for i in range(700)) + " " * 700 + "b\n",
    "indented-sequences": "".join(" " * i + "-\n" for i in range(700)) + " " * 700 + "b\n",
    "sequences-under-keys": "a:\n" + "".join(" " * (2 * i) + "- a:\n" for i in range(350)) + " " * 700 + "- x\n",
    "flow-sequences": "[" * N + "]" * N + "\n",
    "flow-mappings": "{a: " * N + "}" * N + "\n",
    "flow-in-block": "a:\n" + "".join(" " * (2 * i + 2) + "b:\n" for i in range(30)) + " " * 64 + "c: " + "[" * 250 + "]" * 250 + "\n",
    "crlf-dashes": "-  " * N + "x\r\n",
}


def small_stack() -> None:
    resource.setrlimit(resource.RLIMIT_STACK, (1024 * 1024, resource.getrlimit(resource.RLIMIT_STACK)[1]))


@pytest.mark.parametrize("form", sorted(DEEP))
def test_deep_nesting_is_a_diagnostic_under_a_1_mib_stack(tmp_path: Path, form: str) -> None:
    """As Windows gives its main thread: `validate` and `overdue` in a fresh process."""
    records = tmp_path / "records"
    (records / "inspections").mkdir(parents=True)
    (records / "pcctrack.yaml").write_text((FIXTURES / "minimal/records/pcctrack.yaml").read_text())
    (records / "inspections" / "deep.yaml").write_text(DEEP[form], newline="")
    outcome = {}
    for command in ("validate", "overdue"):
        outcome[command] = subprocess.run(
            [sys.executable, "-m", "pcctrack", command, "--records", str(records), "--as-of", "2026-01-01"],
            capture_output=True, text=True, preexec_fn=small_stack, cwd=tmp_path,
        )
    assert outcome["validate"].returncode == 1, outcome["validate"].stderr[-300:]
    assert "deep.yaml:" in outcome["validate"].stderr and "nesting is too deep" in outcome["validate"].stderr
    assert outcome["overdue"].returncode == 1, outcome["overdue"].stderr[-300:]
    assert "was left out (records/inspections/deep.yaml)" in outcome["overdue"].stderr


@pytest.mark.parametrize("form", sorted(DEEP))
def test_deep_nesting_is_refused_on_a_thread_with_a_small_stack(tmp_path: Path, form: str) -> None:
    """As many containers and thread pools run code: a 256 KiB thread stack."""
    target = tmp_path / "records" / "inspections" / "deep.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(DEEP[form], newline="")
    found: list[Any] = []
    previous = threading.stack_size(256 * 1024)
    try:
        worker = threading.Thread(target=lambda: found.append(load(tmp_path / "records")))
        worker.start()
    finally:
        threading.stack_size(previous)
    worker.join()
    [diagnostic] = found[0].diagnostics
    assert diagnostic.message == "nesting is too deep (records never nest 40 levels)"


def depth(value: Any) -> int:
    level, n = [value], 0
    while level:
        level = [v for x in level if isinstance(x, (dict, list)) for v in (x.values() if isinstance(x, dict) else x)]
        n += 1
    return n - 1


nested = st.recursive(
    st.sampled_from(["x", "y z", 1, None]),
    lambda inner: st.lists(inner, min_size=1, max_size=3) | st.dictionaries(st.sampled_from("abc"), inner, min_size=1, max_size=3),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(nested, st.integers(1, 4), st.integers(0, 3), st.sampled_from([False, None, True]))
def test_the_bound_is_never_below_the_real_depth(value: Any, indent: int, offset: int, flow: bool | None) -> None:
    yaml = YAML()
    yaml.default_flow_style = flow
    yaml.indent(mapping=indent + 1, sequence=indent + 1 + offset, offset=offset)
    from io import StringIO

    buffer = StringIO()
    yaml.dump(value, buffer)
    text = buffer.getvalue()
    assert nesting_bound(text, text.encode()) >= depth(yamlio.parse(text).data) if depth(value) < 40 else True
