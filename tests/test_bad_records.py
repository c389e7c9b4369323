"""Every kind of bad record gives exactly the diagnostics a user needs, never a traceback.

Each `tests/fixtures/bad/<kind>--<case>.yaml` is dropped into a valid records tree and
must produce the lines in `<kind>--<case>.expected`, and nothing else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, FIXTURES, run

BAD = FIXTURES / "bad"
PLACES = {"inspection": "inspections", "action": "audits/test-audit"}
CASES = sorted(p for p in BAD.glob("*.yaml"))


def place(records: Path, case: Path) -> Path:
    kind, name = case.stem.split("--")
    target = records / PLACES[kind] / f"{name}.yaml"
    shutil.copyfile(case, target)
    return target


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_record_gives_exact_diagnostics(records: Path, case: Path) -> None:
    place(records, case)
    result = run("validate", "--as-of", AS_OF)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    assert result.stderr.splitlines()[:-1] == expected.splitlines()
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_record_never_hides_the_good_ones(records: Path, case: Path) -> None:
    """One broken file must not stop the rest being listed."""
    place(records, case)
    result = run("overdue", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0
    assert '"test-audit-1"' in result.stdout
