"""`pcctrack new inspection|audit|action`: a valid record with the next free id, ready to fill in.

On a terminal the command asks for each required field it was not given; elsewhere (CI,
scripts) it takes them as options and names any that are missing. The new file is checked
exactly as `validate` would check it before it is written, and an existing file is never
overwritten.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary import yamlio
from pcctrack.commands import creation
from pcctrack.commands.creation import NewFile
from pcctrack.errors import EXIT_OK, UsageProblem
from pcctrack.boundary.files import AUDIT_NAME, RecordKind
from pcctrack.loader import Loaded, load
from pcctrack.output import Output
from pcctrack.choices import NewKind
from pcctrack.rules.editing import audit_base_id, free_id, inspection_base_id, next_action_number
from pcctrack.settings import date_option

Ask = Callable[[str], str]
"""Asks the person at the terminal for one value."""


@dataclass(frozen=True)
class Field:
    option: str
    prompt: str


REQUIRED: dict[NewKind, list[Field]] = {
    NewKind.INSPECTION: [
        Field("title", "Report title"),
        Field("published", "Published by HMICFRS (YYYY-MM-DD)"),
        Field("types", "Types, comma-separated (force-specific, national, follow-up, thematic, partner)"),
    ],
    NewKind.AUDIT: [
        Field("auditor", "Auditor (the firm)"),
        Field("reference", "Auditor's reference, e.g. 2.25/26"),
        Field("title", "Audit title"),
        Field("priorities", "Priority scale, highest first, comma-separated, e.g. High, Medium, Low"),
    ],
    NewKind.ACTION: [
        Field("audit", "Audit id"),
        Field("action", "The agreed action"),
        Field("priority", "Priority (on the audit's scale)"),
        Field("owner", "Owner (a role, never a name)"),
        Field("due", "Agreed date (YYYY-MM-DD)"),
    ],
}


def prompter() -> Ask | None:
    """Ask on a terminal; never wait for input that a script or CI job cannot give."""
    if not sys.stdin.isatty():
        return None
    import typer

    return lambda label: str(typer.prompt(label))


def run(root: Path, kind: NewKind, given: dict[str, str | None], ident: str | None, ask: Ask | None, as_of: date, output: Output) -> int:
    values = _complete(kind, given, ask)
    loaded = load(root)
    path, record_kind, data = _scaffold(root, loaded, kind, values, ident)
    new = NewFile(path, record_kind, yamlio.new_mapping(data))
    shown = creation.create(root, loaded, [new], as_of, f"the new {kind}")
    output.note(f"created {kind} {data['id']}")
    output.write(f"{shown[0]}\n")
    return EXIT_OK


def _complete(kind: NewKind, given: dict[str, str | None], ask: Ask | None) -> dict[str, str]:
    values = {k: v.strip() for k, v in given.items() if v and v.strip()}
    missing = [f for f in REQUIRED[kind] if f.option not in values]
    if missing and ask is None:
        options = ", ".join(f"--{f.option}" for f in missing)
        raise UsageProblem(f"a new {kind} needs {options} (or run it on a terminal to be asked)")
    for f in missing:
        while not values.get(f.option):
            values[f.option] = ask(f.prompt).strip()  # type: ignore[misc]
    return values


def _scaffold(root: Path, loaded: Loaded, kind: NewKind, v: dict[str, str], ident: str | None) -> tuple[Path, RecordKind, dict[str, Any]]:
    """Where the new record goes and what it holds, with the next free id."""
    records = loaded.records
    taken = creation.taken_ids(records)
    if kind is NewKind.ACTION:
        audit = next((s for s in records.audits if s.model.id == v["audit"]), None)
        if audit is None:
            known = ", ".join(sorted(s.model.id for s in records.audits)) or "none yet"
            raise UsageProblem(f"no audit has the id '{v['audit']}' (audits: {known}); create it with `pcctrack new audit`")
        number = next_action_number(s.model.number for s in records.actions if s.model.audit == v["audit"])
        data = {
            "id": ident or free_id(f"{v['audit']}-{number}", taken),
            "audit": v["audit"],
            "number": number,
            "action": v["action"],
            "priority": v["priority"],
            "owner": v["owner"],
            "due": date_option("--due", v["due"]),
            "status": "open",
        }
        return Path(audit.path).parent / f"action-{number}.yaml", RecordKind.ACTION, data
    if kind is NewKind.AUDIT:
        year = v.get("financial_year") or v["reference"]
        new_id = ident or free_id(audit_base_id(v["auditor"], v["title"], year), taken)
        data = {"id": new_id, "auditor": v["auditor"], "reference": v["reference"], "title": v["title"]}
        if v.get("financial_year"):
            data["financial_year"] = v["financial_year"]
        data["priority_scale"] = [yamlio.new_mapping({"name": p.strip()}) for p in v["priorities"].split(",") if p.strip()]
        return root / "audits" / new_id / AUDIT_NAME, RecordKind.AUDIT, data
    published = date_option("--published", v["published"])
    new_id = ident or free_id(inspection_base_id(v["title"], published.year), taken)
    data = {
        "id": new_id,
        "title": v["title"],
        "published": published,
        "types": [t.strip() for t in v["types"].split(",") if t.strip()],
        "findings": [],
    }
    return root / "inspections" / f"{new_id}.yaml", RecordKind.INSPECTION, data
