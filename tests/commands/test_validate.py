"""`pcctrack validate`: exit codes, formats and scope."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import AS_OF, REPO, run


def test_bundled_records_are_clean() -> None:
    result = run("validate", "--records", str(REPO / "records"), "--as-of", "2026-11-21")
    assert result.exit_code == 0
    # Warnings do not fail: the PEEL and NCPI areas for improvement carry no date in the sources.
    assert result.stderr.endswith("record files checked: no problems, 12 warnings\n")


def test_problems_exit_1_and_json_is_for_scripts(records) -> None:  # type: ignore[no-untyped-def]
    (records / "inspections" / "bad.yaml").write_text("id: bad\ntitle: T\npublished: 2025-13-01\ntypes: [national]\n")
    result = run("validate", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "ok": False,
        "problems": [
            {
                "path": "records/inspections/bad.yaml",
                "line": 3,
                "col": 12,
                "message": "published: 2025-13-01 is not a real date (month must be in 1..12); write a real YYYY-MM-DD date",
                "severity": "error",
            }
        ],
    }


def test_github_annotations_carry_the_position(records) -> None:  # type: ignore[no-untyped-def]
    (records / "inspections" / "bad.yaml").write_text("id: bad\ntitle: T\npublished: 2025-01-01\ntypes: [nationall]\n")
    result = run("validate", "--as-of", AS_OF, "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=records/inspections/bad.yaml,line=4,col=9::types[0]: 'nationall' is not allowed")


def test_named_files_only_report_their_own_problems_but_resolve_references(records) -> None:  # type: ignore[no-untyped-def]
    (records / "inspections" / "bad.yaml").write_text("id: bad\n")
    action = records / "audits" / "test-audit" / "action-1.yaml"
    result = run("validate", str(action), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr  # its audit lives in another file, and resolves
    assert run("validate", str(records / "inspections"), "--as-of", AS_OF).exit_code == 1


def test_a_checked_folder_says_what_it_covered_and_what_it_did_not(records) -> None:  # type: ignore[no-untyped-def]
    done = records / "audits" / "test-audit" / "action-1.yaml"
    done.write_text(done.read_text(encoding="utf-8").replace("status: in-progress\nlog:", "status: Done\nlog:"), encoding="utf-8")
    result = run("validate", "records/inspections", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "1 record file in records/inspections (other records were read only to resolve references) checked: no problems",
        "1 other record file outside it has problems (records/audits/test-audit/action-1.yaml): run `pcctrack validate` for the whole tree",
    ]


def test_a_mistyped_date_never_silently_shrinks_an_answer(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: one mistyped date dropped the NCPI inspection (and its response) from the
    listings with exit 0, and validate sent two good files a "did you mean" that would corrupt them."""
    shutil.copytree(REPO / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PCCTRACK_CACHE_DIR", str(tmp_path / "cache"))
    ncpi = tmp_path / "records" / "inspections" / "ncpi-2025.yaml"
    ncpi.write_text(ncpi.read_text(encoding="utf-8").replace("published: 2025-01-15", "published: 2025-01-32"), encoding="utf-8")
    listing = run("overdue", "--as-of", "2026-11-21", "--format", "json")
    assert listing.exit_code == 1 and "ncpi-2025.yaml" in listing.stderr and "incomplete" in listing.stderr
    pack = run("report", "--as-of", "2026-11-21")
    assert pack.exit_code == 1 and "--draft" in pack.stderr and not pack.stdout
    draft = run("report", "--as-of", "2026-11-21", "--draft")
    assert "could not be read and are left out: records/inspections/ncpi-2025.yaml" in draft.stdout
    result = run("validate", "--as-of", "2026-11-21")
    assert "did you mean" not in result.stderr
    assert "related id 'ncpi-2025-coc-1' is defined in records/inspections/ncpi-2025.yaml, which has errors" in result.stderr


def test_missing_path_is_a_usage_error(records) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "records/nope.yaml")
    assert result.exit_code == 2
    assert "no such file or folder: records/nope.yaml" in result.stderr


def test_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"pcctrack {version('pcctrack')}\n"


def test_an_accent_typed_as_a_combining_mark_matches_the_declared_role(records: Path) -> None:
    import unicodedata

    config = records / "pcctrack.yaml"
    config.write_text(config.read_text().replace("Office of the PCC: []", "Office of the PCC: []\n  Détective Inspector: []"), encoding="utf-8")
    action = records / "audits" / "test-audit" / "action-1.yaml"
    decomposed = unicodedata.normalize("NFD", "Détective Inspector")
    action.write_text(action.read_text().replace("owner: Safeguarding Lead", f"owner: {decomposed}"), encoding="utf-8")
    result = run("validate", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    listing = json.loads(run("overdue", "--as-of", AS_OF, "--format", "json").stdout)
    assert [row["owner"] for row in listing if row["id"] == "test-audit-1"] == ["Détective Inspector"]
