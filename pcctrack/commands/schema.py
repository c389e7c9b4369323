"""`pcctrack schema`: JSON Schemas generated from the models, for editors and other tools."""

from __future__ import annotations

import json
from pathlib import Path

from pcctrack.errors import EXIT_OK
from pcctrack.output import Output
from pcctrack.validation import MODELS

SCHEMA_BASE_URI = "https://pcctrack.invalid/schema/"


def schemas() -> dict[str, dict[str, object]]:
    """One schema per record kind, keyed by file name."""
    out: dict[str, dict[str, object]] = {}
    for kind, model in MODELS.items():
        schema = model.model_json_schema(mode="validation")
        name = f"{kind.value}.schema.json"
        out[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_BASE_URI + name, **schema}
    return out


def render(schema: dict[str, object]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def run(out_dir: Path | None, output: Output) -> int:
    generated = schemas()
    if out_dir is None:
        output.write(render(generated))
        return EXIT_OK
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, schema in generated.items():
        (out_dir / name).write_text(render(schema), encoding="utf-8")
        output.note(f"wrote {out_dir / name}")
    return EXIT_OK
