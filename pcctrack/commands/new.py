"""`pcctrack new inspection|audit|action|finding`: a valid record (or a finding in an
inspection's record) with the next free id.

On a terminal the command asks for each required field it was not given; elsewhere (CI,
scripts) it takes them as options and names any that are missing. What it writes is checked
exactly as `validate` would check it, and for personal data in published fields, before it
is written; an existing file is never overwritten, and a finding is added to its inspection's
file as `update` edits one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary import atomic, yamlio
from pcctrack.commands import rewrite
from pcctrack.errors import EXIT_OK, NotWritten, UsageProblem
from pcctrack.boundary.files import AUDIT_NAME, RecordKind, display_path
from pcctrack.loader import Loaded, load
from pcctrack.output import Output
from pcctrack.choices import NewKind
from pcctrack.rules.editing import keys_before
from pcctrack.rules.ids import KIND_SHORT, audit_id, finding_id, free_id, inspection_id, next_action_number
from pcctrack.rules.items import tracked
from pcctrack.settings import date_option, listed

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
    NewKind.FINDING: [
        Field("inspection", "Inspection id"),
        Field("kind", "Kind (cause-of-concern, recommendation, area-for-improvement)"),
        Field("text", "The finding's text, as published"),
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
    if kind is NewKind.FINDING:
        return _add_finding(loaded, values, ident, as_of, output)
    path, record_kind, data = _scaffold(root, loaded, kind, values, ident)
    if values.get("internal_note"):
        data["internal"] = [values["internal_note"]]
    shown = display_path(path)
    doc = yamlio.Editable(yamlio.new_mapping(data), yamlio.Layout())
    raw = schema_pointer(root, path, record_kind) + yamlio.dump_editable(doc)
    rewrite.check(loaded, shown, record_kind, raw, as_of, f"the new {kind}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_atomically(path, raw, create=True)
    except atomic.WriteConflict:
        raise NotWritten(f"{shown} already exists: pcctrack never overwrites a record") from None
    except OSError as exc:
        raise NotWritten(f"cannot create {shown}: {exc.strerror or exc}") from None
    output.note(f"created {kind} {data['id']}")
    output.write(f"{shown}\n")
    return EXIT_OK


def schema_pointer(root: Path, path: Path, kind: RecordKind) -> bytes:
    """The first line the bundled records carry, so an editor offers completion and field
    documentation in the new file too; only when the repository keeps its schemas in
    schema/ beside records/ (as `pcctrack schema -o schema/` writes them)."""
    schema = root.parent / "schema" / f"{kind.value}.schema.json"
    if not schema.is_file():
        return b""
    relative = os.path.relpath(schema.absolute(), path.parent.absolute()).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}\n".encode()


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
    taken = {i.id for _, _, i in tracked(records)} | {s.model.id for s in (*records.inspections, *records.audits)}
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
        new_id = ident or free_id(audit_id(v["auditor"], v["title"], v["reference"], v.get("financial_year")), taken)
        data = {"id": new_id, "auditor": v["auditor"], "reference": v["reference"], "title": v["title"]}
        if v.get("financial_year"):
            data["financial_year"] = v["financial_year"]
        if v.get("final_issued"):
            data["dates"] = yamlio.new_mapping({"final_issued": date_option("--final-issued", v["final_issued"])})
        data["priority_scale"] = [yamlio.new_mapping({"name": p}) for p in listed(v["priorities"])]
        if v.get("assurance_scale"):
            data["assurance_scale"] = listed(v["assurance_scale"])
        if v.get("assurance"):
            data["assurance"] = v["assurance"]
        return root / "audits" / new_id / AUDIT_NAME, RecordKind.AUDIT, data
    published = date_option("--published", v["published"])
    new_id = ident or free_id(inspection_id(v["title"], published.year, records.config.force), taken)
    data = {
        "id": new_id,
        "title": v["title"],
        "published": published,
        "types": [t.strip() for t in v["types"].split(",") if t.strip()],
        "findings": [],
    }
    return root / "inspections" / f"{new_id}.yaml", RecordKind.INSPECTION, data


def _add_finding(loaded: Loaded, v: dict[str, str], ident: str | None, as_of: date, output: Output) -> int:
    """Append a finding to its inspection's record, with the next id in the report's style."""
    records = loaded.records
    inspection = next((s for s in records.inspections if s.model.id == v["inspection"]), None)
    if inspection is None:
        known = ", ".join(sorted(s.model.id for s in records.inspections)) or "none yet"
        raise UsageProblem(f"no inspection has the id '{v['inspection']}' (inspections: {known}); create it with `pcctrack new inspection`")
    kind = _finding_kind(v["kind"])
    if v.get("due") and v.get("timescale"):
        raise UsageProblem("give --due DATE or --timescale TEXT (the report's own words), not both")
    entry: dict[str, Any] = {"kind": kind}
    if v.get("number"):
        entry["number"] = v["number"]
    entry["text"] = v["text"]
    if v.get("addressees"):
        entry["addressees"] = listed(v["addressees"])
    for key in ("owner", "lead"):
        if v.get(key):
            entry[key] = v[key]
    if v.get("due"):
        entry["due"] = date_option("--due", v["due"])
    if v.get("timescale"):
        entry["timescale"] = v["timescale"]
    if v.get("internal_note"):
        entry["internal"] = [v["internal_note"]]
    taken = {i.id for _, _, i in tracked(records)} | {s.model.id for s in (*records.inspections, *records.audits)}
    added: list[str] = []

    def edit(raw: bytes, data: Any) -> list[str]:
        model = rewrite.current(raw, RecordKind.INSPECTION, inspection.path)
        mine = [(f.id, f.origin is not None) for f in model.findings]
        new_id = ident or finding_id(model.id, mine, kind, v.get("number"), taken | {f for f, _ in mine})
        added.append(new_id)
        from pcctrack.models import Inspection

        yamlio.append_item(data, "findings", yamlio.new_mapping({"id": new_id, **entry}), after=keys_before(Inspection, "findings"))
        return []

    rewrite.rewrite(loaded, inspection.path, RecordKind.INSPECTION, as_of, edit, "the new finding", output)
    output.note(f"created finding {added[0]} in {inspection.path}")
    output.write(f"{added[0]}\n")
    return EXIT_OK


def _finding_kind(given: str) -> str:
    """A finding kind in full, from its name or the short form ids use (coc, rec, afi)."""
    word = given.strip().casefold().replace(" ", "-")
    full = {short: kind for kind, short in KIND_SHORT.items()}.get(word, word)
    if full not in KIND_SHORT:
        raise UsageProblem(f"--kind {given!r} is not a kind of finding: use cause-of-concern, recommendation or area-for-improvement")
    return full
