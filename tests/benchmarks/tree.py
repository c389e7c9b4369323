"""Generated records trees for tests, from benchmarks/generate.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("pcctrack_benchmark_generate", REPO / "benchmarks" / "generate.py")
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = generate  # dataclasses look their module up while it loads
_spec.loader.exec_module(generate)


def generated_tree(out: Path, actions: int, bad: int = 0) -> Path:
    """Write a synthetic tree under ``out`` and return its records folder."""
    generate.generate(out, actions, bad=bad)
    return out / "records"
