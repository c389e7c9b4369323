"""The entry to importing: a report file in, draft record files and a review list out.

`prepare` reads the file (refusing hostile ones), splits it into the reports it holds, reads
each and plans its draft files with fresh ids, and a follow-up report's verdicts on recorded
actions; the `import` command checks and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pcctrack.commands.creation import taken_ids
from pcctrack.errors import UsageProblem
from pcctrack.importers import audit, document, inspection, sources, verdicts
from pcctrack.importers.drafts import Draft, plan
from pcctrack.importers.found import Extraction
from pcctrack.importers.roles import RoleMatcher
from pcctrack.records import RecordSet


@dataclass
class Imported:
    """Each report found in the file, with the draft it becomes."""

    reports: list[tuple[Extraction, Draft]]


def prepare(root: Path, records: RecordSet, path: Path, shown: str, kind: str | None, ident: str | None, as_of: date) -> Imported:
    """Read the report(s) in ``path`` and plan their draft records under ``root``, and the
    verdicts a follow-up report gives on recorded actions."""
    paras = sources.read(path, shown)
    found = document.split(paras, kind)
    if not found:
        raise UsageProblem(f"{shown}: no inspection or audit report recognised; give --kind inspection or --kind audit")
    if ident and len(found) > 1:
        raise UsageProblem(f"{shown} holds {len(found)} reports, so --id cannot name them all; import them one at a time or leave out --id")
    roles = RoleMatcher(records.config.roles)
    taken = taken_ids(records)
    reports = []
    for report_kind, doc in found:
        extraction = audit.read(doc, roles) if report_kind == "audit" else inspection.read(doc, records.config.force)
        draft = plan(root, records, extraction, ident, shown, taken)
        draft.verdicts, draft.graded = verdicts.plan(extraction, records, as_of)
        reports.append((extraction, draft))
    return Imported(reports)
