"""What the tests of `validate` and its caches share: its answer as data, with and without a
cache, and editing a record in place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import AS_OF, run


def problems(*args: str, as_of: str = AS_OF) -> tuple[int, list[dict[str, object]]]:
    """`validate`'s exit code and problems, as its JSON output gives them."""
    result = run("validate", "--as-of", as_of, "--format", "json", *args)
    assert "Traceback" not in result.stderr
    return result.exit_code, json.loads(result.stdout)["problems"]


def afresh(cache: Path, *args: str, as_of: str = AS_OF) -> tuple[int, list[dict[str, object]]]:
    """What `validate` says with no cache at all."""
    shutil.rmtree(cache)
    cache.mkdir()
    return problems(*args, as_of=as_of)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
