"""`pcctrack validate`: exit codes, formats and scope."""

from __future__ import annotations

import json

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


def test_missing_path_is_a_usage_error(records) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "records/nope.yaml")
    assert result.exit_code == 2
    assert "no such file or folder: records/nope.yaml" in result.stderr


def test_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"pcctrack {version('pcctrack')}\n"
