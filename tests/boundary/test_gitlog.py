"""Git is asked about exactly one file, by its literal name, in the records' own repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcctrack.boundary import gitlog
from tests.conftest import git


@pytest.mark.parametrize(
    "name", ["action[1].yaml", ":(glob)action*.yaml", "line\nbreak.yaml", "tab\there.yaml", "it's \"quoted\".yaml", "*.yaml"]
)
def test_an_odd_file_name_gets_its_own_history_only(tmp_path: Path, name: str) -> None:
    records = tmp_path / "records"
    records.mkdir()
    git(tmp_path, "init", "-q")
    odd, plain = records / name, records / "action1.yaml"
    odd.write_text("first\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Odd file")
    plain.write_text("other\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "A file its name might match")
    odd.write_text("second\n")
    git(tmp_path, "commit", "-qam", "Odd file changed")
    found = gitlog.versions(odd, records)
    assert [(v.subject, v.raw) for v in found] == [("Odd file", b"first\n"), ("Odd file changed", b"second\n")]


def test_a_subject_cannot_forge_another_commit(tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    git(tmp_path, "init", "-q")
    (records / "a.yaml").write_text("x\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Real\x1e0000\x1f2020-01-01\x1fForger\x1fForged")
    found = gitlog.versions(records / "a.yaml", records)
    assert len(found) == 1 and found[0].author == "Analyst"
