"""`pcctrack import FILE`: draft records read from a published report, written as `new`
writes records (next free ids, checked first, atomic, never over an existing file), with
the list of what to review."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pcctrack.boundary.files import display_path
from pcctrack.checker import check_files
from pcctrack.commands import creation
from pcctrack.errors import EXIT_OK, NotWritten
from pcctrack.importers.run import Imported, prepare
from pcctrack.loader import load
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import text


def run(root: Path, file: Path, kind: str | None, ident: str | None, dry_run: bool, fmt: str, as_of: date, output: Output) -> int:
    loaded = load(root)
    imported = prepare(root, loaded.records, file, display_path(file), kind, ident)
    files = [f for _, draft in imported.reports for f in draft.files]
    if dry_run:
        raws = [(f.shown, f.kind, creation.content(root, f)) for f in files]
        problems = check_files(loaded, raws, as_of)
        if fmt == "json":
            output.write(json.dumps(_json(imported, written=False, problems=text(problems)), indent=2, ensure_ascii=False) + "\n")
        else:
            for shown, _, raw in raws:
                output.write(f"# --- {shown}\n" + raw.decode("utf-8") + "\n")
            _review(imported, output)
            if problems:
                output.note("would not be valid as drafted:\n" + text(problems).rstrip("\n"))
        return EXIT_OK
    if not files:
        raise NotWritten(_nothing(imported))
    what = " and ".join(f"the imported {draft.kind} {draft.record_id}" for _, draft in imported.reports if draft.files)
    try:
        creation.create(root, loaded, files, as_of, what)
    except NotWritten as exc:
        _review(imported, output)
        if any(draft.review and any(r.startswith("not found:") for r in draft.review) for _, draft in imported.reports):
            raise NotWritten(f"{exc}\n(what the report did not give is listed above: run with --dry-run, save the draft, add it by hand, then `pcctrack validate`)") from None
        raise
    if fmt == "json":
        output.write(json.dumps(_json(imported, written=True, problems=""), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    for found, draft in imported.reports:
        if draft.files:
            items = len(found.items)
            output.note(f"created {draft.kind} {draft.record_id} with {items} item{'s' if items != 1 else ''}")
    output.write("".join(f"{f.shown}\n" for f in files))
    _review(imported, output)
    return EXIT_OK


def _nothing(imported: Imported) -> str:
    known = [f"{draft.kind} {draft.duplicate_of}" for _, draft in imported.reports if draft.duplicate_of]
    return "nothing to write: every report in the file is already recorded (" + ", ".join(known) + ")"


def _review(imported: Imported, output: Output) -> None:
    """What the analyst must look at, per report, on stderr."""
    for _, draft in imported.reports:
        if draft.duplicate_of:
            output.note(f"{draft.kind} already recorded as {draft.duplicate_of}: nothing written for it")
            continue
        output.note(f"review {draft.kind} {draft.record_id}:" + ("" if draft.review else " nothing flagged; still read it against the source"))
        for line in draft.review:
            output.note(f"  - {line}")


def _json(imported: Imported, written: bool, problems: str) -> dict[str, object]:
    return {
        "written": written,
        "problems": problems.splitlines(),
        "reports": [
            {
                "kind": draft.kind,
                "id": draft.record_id,
                "duplicate_of": draft.duplicate_of,
                "files": [f.shown for f in draft.files],
                "review": draft.review,
                "extraction": found.as_json(),
            }
            for found, draft in imported.reports
        ],
    }
