"""`pcctrack schema`: the committed schemas are current, and editors get the right one per file.

Records are loaded the way pcctrack loads them (pcctrack.boundary.yamlio), so dates reach the schema
as text, as they reach an editor, and the schema's `format: date` is what checks them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

import jsonschema
import pytest

from pcctrack.boundary import yamlio
from pcctrack.boundary.files import RecordKind, discover, kind_of
from tests.conftest import FIXTURES, REPO, run

RECORDS = REPO / "records"
SCHEMAS = REPO / "schema"
BUNDLED = discover(RECORDS)


def schema_for(kind: RecordKind) -> dict[str, object]:
    return json.loads((SCHEMAS / f"{kind.value}.schema.json").read_text(encoding="utf-8"))


def validator(kind: RecordKind) -> jsonschema.Draft202012Validator:
    schema = schema_for(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def kind(path: Path) -> RecordKind:
    found = kind_of(path.relative_to(RECORDS))
    assert found is not None
    return found


def test_the_committed_schemas_are_current() -> None:
    result = run("schema", "--check", "-o", str(SCHEMAS))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"4 schema files in {SCHEMAS} up to date\n"


def test_check_names_every_stale_file_and_writes_nothing(tmp_path: Path) -> None:
    assert run("schema", "-o", str(tmp_path)).exit_code == 0
    (tmp_path / "action.schema.json").write_text("{}\n")
    (tmp_path / "audit.schema.json").unlink()
    (tmp_path / "scrutiny.schema.json").write_text("{}\n")
    result = run("schema", "--check", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path}/audit.schema.json: missing",
        f"{tmp_path}/action.schema.json: out of date",
        f"{tmp_path}/scrutiny.schema.json: not a pcctrack record type: remove it",
        f"3 schema files in {tmp_path} stale: run `pcctrack schema -o {tmp_path}` and commit the result",
    ]
    assert (tmp_path / "action.schema.json").read_text() == "{}\n"
    assert not (tmp_path / "audit.schema.json").exists()


def test_check_looks_in_schema_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("schema", "--check").exit_code == 1
    assert run("schema", "-o", "schema").exit_code == 0
    assert run("schema", "--check").exit_code == 0


def test_schemas_do_not_depend_on_hash_order() -> None:
    """Regenerating must not churn the committed files: set order must never leak in."""
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "pcctrack", "schema"],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_each_schema_names_itself_by_a_relative_id() -> None:
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        assert json.loads(path.read_text(encoding="utf-8"))["$id"] == path.name


@pytest.mark.parametrize("path", BUNDLED, ids=[str(p.relative_to(RECORDS)) for p in BUNDLED])
def test_every_bundled_record_matches_its_schema(path: Path) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(kind(path)).iter_errors(yamlio.read(path).data)]
    assert errors == []


@pytest.mark.parametrize(
    ("case", "where", "says"),
    [
        ("inspection--unknown-key.yaml", ["findings", 0], "'dew' was unexpected"),
        ("inspection--impossible-date.yaml", ["published"], "'2025-02-30' is not a 'date'"),
    ],
)
def test_the_schemas_reject_what_pcctrack_rejects(case: str, where: list[object], says: str) -> None:
    data = yamlio.read(FIXTURES / "bad" / case).data
    errors = list(validator(RecordKind.INSPECTION).iter_errors(data))
    assert [(list(e.absolute_path), says in e.message) for e in errors] == [(where, True)]


@pytest.mark.parametrize("path", BUNDLED, ids=[str(p.relative_to(RECORDS)) for p in BUNDLED])
def test_every_bundled_record_points_editors_at_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = os.path.relpath(SCHEMAS / f"{kind(path).value}.schema.json", path.parent)
    assert first == f"# yaml-language-server: $schema={target}"
    assert (path.parent / target).is_file()


def _matches(path: str, pattern: str) -> bool:
    """VS Code's glob, for the patterns used here: '*' stays within one folder."""
    parts, wanted = PurePosixPath(path).parts, PurePosixPath(pattern).parts
    return len(parts) == len(wanted) and all(fnmatchcase(p, w) for p, w in zip(parts, wanted))


@pytest.mark.parametrize("path", BUNDLED, ids=[str(p.relative_to(RECORDS)) for p in BUNDLED])
def test_vscode_maps_each_record_folder_to_exactly_its_schema(path: Path) -> None:
    mapping = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    relative = path.relative_to(REPO).as_posix()
    chosen = [
        schema
        for schema, globs in mapping.items()
        if any(_matches(relative, g) for g in globs if not g.startswith("!"))
        and not any(_matches(relative, g[1:]) for g in globs if g.startswith("!"))
    ]
    assert chosen == [f"./schema/{kind(path).value}.schema.json"]
    assert (REPO / chosen[0]).is_file()
