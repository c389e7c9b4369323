"""`pcctrack render RECORD`: the PCC's published response to one inspection."""

from __future__ import annotations

import difflib
from pathlib import Path

from pcctrack.boundary import assets
from pcctrack.commands.common import load_for_listing, write_document
from pcctrack.documents import response
from pcctrack.choices import DocFormat
from pcctrack.documents.environment import template_dirs
from pcctrack.documents.publish import produce
from pcctrack.errors import EXIT_FINDINGS, EXIT_OK, UsageProblem, say_error
from pcctrack.loader import Loaded
from pcctrack.models import Inspection
from pcctrack.output import Output
from pcctrack.rules import response as s55


def run(
    root: Path,
    record: str,
    fmt: DocFormat,
    out: Path | None,
    draft: bool,
    templates: Path | None,
    output: Output,
) -> int:
    overrides = template_dirs(root, templates)
    loaded = load_for_listing(root, output)
    inspection = find_inspection(loaded, record)
    config = loaded.records.config
    gaps = s55.gaps(inspection, inspection.force or config.force)
    if gaps and not draft:
        say_error(
            f"the response to {inspection.id} cannot be published as it stands: {len(gaps)} "
            f"gap{'s' if len(gaps) != 1 else ''} to fill in the record (or pass --draft to render "
            "a draft with each one marked):"
        )
        for gap in gaps:
            output.note(f"  - {gap.message}")
        return EXIT_FINDINGS
    logo = assets.data_uri(root, config.logo) if config.logo and fmt is not DocFormat.MARKDOWN else None
    context = response.context(inspection, config, draft, logo)
    write_document(produce("response", fmt, context, overrides), out, output)
    return EXIT_OK


def find_inspection(loaded: Loaded, record: str) -> Inspection:
    """The inspection named by id or by its file's path; anything else is a usage error."""
    inspections = loaded.records.inspections
    as_path = Path(record)
    if as_path.is_file():
        for s in inspections:
            if Path(s.path).resolve() == as_path.resolve():
                return s.model
        raise UsageProblem(f"{record} is not a valid inspection record: run `pcctrack validate {record}`")
    for s in inspections:
        if s.model.id == record:
            return s.model
    ids = [s.model.id for s in inspections]
    close = difflib.get_close_matches(record, ids, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known inspections: {', '.join(ids) or 'none'}"
    raise UsageProblem(f"no inspection with id '{record}' (responses are to inspections): {hint}")
