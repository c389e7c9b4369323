"""`pcctrack schema`: JSON Schemas generated from the models, for editors and other tools."""

from __future__ import annotations

import json
from pathlib import Path

from pcctrack.errors import EXIT_FINDINGS, EXIT_OK
from pcctrack.output import Output
from pcctrack.boundary.files import RecordKind
from pcctrack.validation import model_for

DEFAULT_DIR = Path("schema")
"""Where a repository keeps its committed schemas; record files point here for editors."""


def schemas() -> dict[str, dict[str, object]]:
    """One schema per record kind, keyed by file name.

    The ``$id`` is the file's own name, a relative reference: wherever the folder is
    committed, it resolves to the file itself, so editors resolve the schemas' internal
    references locally and never go looking for a made-up address.
    """
    out: dict[str, dict[str, object]] = {}
    for kind in RecordKind:
        schema = model_for(kind).model_json_schema(mode="validation")
        name = f"{kind.value}.schema.json"
        out[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema}
    return out


def render(schema: dict[str, object]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def run(out_dir: Path | None, output: Output, check: bool = False) -> int:
    """Print or write the schemas, or with ``check`` say which committed ones are stale."""
    generated = schemas()
    rendered = {name: render(schema) for name, schema in generated.items()}
    if check:
        return _check(out_dir or DEFAULT_DIR, rendered, output)
    if out_dir is None:
        output.write(render(generated))
        return EXIT_OK
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in rendered.items():
        (out_dir / name).write_text(text, encoding="utf-8")
        output.note(f"wrote {out_dir / name}")
    return EXIT_OK


def stale(folder: Path, rendered: dict[str, str]) -> list[tuple[Path, str]]:
    """Each schema file in ``folder`` that differs from what this pcctrack generates, and why.

    Editors read the committed files, so a model change that is not regenerated would
    silently give analysts the old fields and documentation.
    """
    found: list[tuple[Path, str]] = []
    for name, text in rendered.items():
        path = folder / name
        if not path.is_file():
            found.append((path, "missing"))
        elif path.read_text(encoding="utf-8") != text:
            found.append((path, "out of date"))
    extra = sorted(p for p in folder.glob("*.schema.json") if p.name not in rendered) if folder.is_dir() else []
    found.extend((p, "not a pcctrack record type: remove it") for p in extra)
    return found


def _check(folder: Path, rendered: dict[str, str], output: Output) -> int:
    problems = stale(folder, rendered)
    for path, why in problems:
        output.note(f"{path}: {why}")
    if problems:
        count = f"{len(problems)} schema file{'s' if len(problems) != 1 else ''}"
        output.note(f"{count} in {folder} stale: run `pcctrack schema -o {folder}` and commit the result")
        return EXIT_FINDINGS
    output.note(f"{len(rendered)} schema files in {folder} up to date")
    return EXIT_OK
