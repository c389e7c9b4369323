"""What was read from a report, as draft record files: every value in the model's own keys,
every imported item marked with its place in the source, every uncertain value preceded by a
`# check:` comment, and nothing the report does not state (no statuses, no owners that are
not declared roles, no personal data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary import yamlio
from pcctrack.choices import Status
from pcctrack.boundary.files import AUDIT_NAME, RecordKind
from pcctrack.commands.creation import NewFile
from pcctrack.importers.found import Extraction, Item, Value
from pcctrack.importers.verdicts import Verdict
from pcctrack.records import RecordSet
from pcctrack.rules import publishable
from pcctrack.rules.ids import audit_id, free_id, inspection_id, slug

_AUDIT_KEYS = ["auditor", "reference", "title", "area", "financial_year", "report_status", "dates", "priority_scale", "assurance_scale", "assurance", "background", "conclusion"]
_ACTION_KEYS = ["number", "area", "action", "priority", "owner", "due", "finding"]
_INSPECTION_KEYS = ["title", "published", "programme", "types", "summary", "judgements"]
_RESPONSE_KEYS = ["force_response", "pcc_response"]
_FINDING_KEYS = ["number", "title", "text", "due", "timescale", "addressees", "truncated", "force_response"]
_PREFIX = {"recommendation": "rec", "area-for-improvement": "afi", "cause-of-concern": "coc"}


@dataclass
class Draft:
    """The files one report becomes, and what the analyst must review."""

    kind: str
    record_id: str
    files: list[NewFile] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    """The id of a record already holding this report: nothing is written for it."""
    verdicts: list[Verdict] = field(default_factory=list)
    """A follow-up report's verdicts, each a log entry on a recorded action."""
    graded: list[str] = field(default_factory=list)
    """The follow-up's graded rows that write nothing, and why: listed even when the report
    itself is already recorded."""


def plan(root: Path, records: RecordSet, found: Extraction, ident: str | None, source: str, taken: set[str]) -> Draft:
    """The draft files for one report; ``taken`` (ids in use) grows with the ids given out."""
    make = _audit if found.kind == "audit" else _inspection
    draft = make(root, records, found, ident, taken)
    note = f"Imported by `pcctrack import` from {source} ({found.where}). Review each '# check:' comment against the source, then delete it."
    for new in draft.files:
        yamlio.start_comment(new.data, note)
    draft.review += [f"not found: {m}" for m in found.missing] + [f"not imported: {m}" for m in found.left_out]
    draft.review += [f"not stated: {m}" for m in found.unstated]
    return draft


def _audit(root: Path, records: RecordSet, found: Extraction, ident: str | None, taken: set[str]) -> Draft:
    known = next((s.model.id for s in records.audits if s.model.auditor == found.get("auditor") and s.model.reference == found.get("reference")), None)
    new_id = audit_id(
        str(found.get("auditor") or "audit"), str(found.get("title") or "report"), str(found.get("reference") or ""),
        found.get("financial_year"),
    )
    audit_ident = ident or free_id(new_id, taken)
    draft = Draft("audit", audit_ident, duplicate_of=known)
    if known:
        return draft
    if found.outcomes and "priority_scale" not in found.fields:
        draft.review.append(
            "not written: the follow-up report's own audit record: it prints no priority scale, which an audit "
            "record needs; record it with `pcctrack new audit` if you track follow-up reports"
        )
        return draft
    taken.add(audit_ident)
    folder = root / "audits" / audit_ident
    data = _mapping({"id": Value(audit_ident, found.where)} | {k: found.fields[k] for k in _AUDIT_KEYS if k in found.fields}, draft, "audit", 0)
    draft.files.append(NewFile(folder / AUDIT_NAME, RecordKind.AUDIT, data))
    numbers = [str(item.get("number")) for item in found.items]
    for n, item in enumerate(found.items, 1):
        number = str(item.get("number"))
        name = number if numbers.count(number) == 1 and re.fullmatch(r"[0-9.]+", number) else str(n)
        action_id = free_id(f"{audit_ident}-{name}", taken)
        taken.add(action_id)
        fields = {"id": Value(action_id, item.where), "audit": Value(audit_ident, item.where)}
        fields |= {k: item.fields[k] for k in _ACTION_KEYS if k in item.fields}
        if item.area and "area" not in fields:
            fields["area"] = Value(item.area, item.where)
        mapping = _mapping(_ordered(fields, ["id", "audit", *_ACTION_KEYS]), draft, f"action {number}", 0)
        yamlio.comment_after(mapping, "id", item.where)
        draft.files.append(NewFile(folder / f"action-{name}.yaml", RecordKind.ACTION, mapping))
    return draft


def _inspection(root: Path, records: RecordSet, found: Extraction, ident: str | None, taken: set[str]) -> Draft:
    title, published = found.get("title"), found.get("published")
    known = next((s.model.id for s in records.inspections if s.model.title == title and s.model.published == published), None)
    base = (
        inspection_id(str(title or "inspection"), published.year, records.config.force)
        if isinstance(published, date)
        else slug(" ".join(str(title or "inspection").split()[:6]))
    )
    record_id = ident or free_id(base, taken)
    draft = Draft("inspection", record_id, duplicate_of=known)
    if known:
        return draft
    taken.add(record_id)
    fields = {"id": Value(record_id, found.where)} | {k: found.fields[k] for k in _INSPECTION_KEYS if k in found.fields}
    fields["findings"] = Value([_finding(record_id, item, found, taken, draft) for item in found.items], found.where)
    fields |= {k: found.fields[k] for k in _RESPONSE_KEYS if k in found.fields}
    data = _mapping(fields, draft, "inspection", 0)
    draft.files.append(NewFile(root / "inspections" / f"{record_id}.yaml", RecordKind.INSPECTION, data))
    return draft


def _finding(record_id: str, item: Item, found: Extraction, taken: set[str], draft: Draft) -> Any:
    year = re.search(r"\d{4}", item.earlier or "")
    group = "" if item.earlier is None else f"{year.group() if year else 'earlier'}-"
    number = item.get("number") or str(sum(1 for i in found.items[: found.items.index(item) + 1] if i.kind == item.kind and i.earlier == item.earlier))
    finding_id = free_id(f"{record_id}-{group}{_PREFIX[item.kind]}-{number}", taken)
    taken.add(finding_id)
    fields: dict[str, Value] = {"id": Value(finding_id, item.where), "kind": Value(item.kind, item.where)}
    if item.earlier:
        fields["origin"] = Value(item.earlier, item.where)
    fields |= {k: item.fields[k] for k in _FINDING_KEYS if k in item.fields}
    stated = item.fields.get("stated_status")
    if stated is not None:
        fields |= hmicfrs_status(stated, found)
    label = f"{item.kind.replace('-', ' ')} {number}" + (f" ({item.earlier})" if item.earlier else "")
    mapping = _mapping(fields, draft, label, 4)
    where = item.where + (f'; under "{item.area}"' if item.area else "")
    yamlio.comment_after(mapping, "id", where)
    return mapping


def hmicfrs_status(stated: Value, found: Extraction) -> dict[str, Value]:
    """HMICFRS's status for an item, as the report prints it ("Status: Incomplete"): in a
    national or thematic report it is the position across every force (`national_status`);
    in a report on this force, HMICFRS's verdict on the day it published (a log entry). Never
    the force's own status. Wording that is not a status, or a report whose kind is unknown,
    is kept as a note for the reviewer."""
    value = str(stated.value).strip().casefold().replace(" ", "-")
    kinds = set(found.get("types") or [])
    published = found.get("published")
    if value in {s.value for s in Status} and kinds:
        if kinds & {"national", "thematic"} and "force-specific" not in kinds:
            return {"national_status": Value(value, stated.where)}
        if isinstance(published, date):
            entry = {"date": published, "verdict": value, "by": "HMICFRS", "note": f"Status given in this report: {stated.value}"}
            return {"log": Value([yamlio.new_mapping(entry)], stated.where)}
    if isinstance(published, date):
        entry = yamlio.new_mapping({"date": published, "note": f"Status given in this report: {stated.value}"})
        return {"log": Value([entry], stated.where, "the report states this status; check whether it is HMICFRS's verdict or the national position")}
    return {}


def _ordered(fields: dict[str, Value], order: list[str]) -> dict[str, Value]:
    return {k: fields[k] for k in order if k in fields}


def _mapping(fields: dict[str, Value], draft: Draft, label: str, indent: int) -> Any:
    """A record mapping from read values: None values are left out (their check, if any,
    goes above the next key), personal data is never written, checks become comments."""
    kept: dict[str, Any] = {}
    checks: dict[str, list[str]] = {}
    pending: list[str] = []
    flagged: list[str] = []
    for key, found in fields.items():
        value = found.value
        personal = _personal(value)
        if personal:
            draft.review.append(f"left out {label} {key} ({found.where}): it holds {personal}; copy it by hand without it")
            continue
        if found.check:
            note = f"check: {key}: {found.check} ({found.where})" if value is None else f"check: {found.check} ({found.where})"
            pending.append(note)
            flagged.append(f"{label} {key}: {found.check} ({found.where})")
        if value is None or value == []:
            continue
        kept[key] = _plain(value)
        if pending:
            checks[key], pending = pending, []
    mapping = yamlio.new_mapping(kept)
    for key, notes in checks.items():
        yamlio.comment_above(mapping, key, notes, indent)
    if pending:
        yamlio.end_comment(mapping, pending)
    draft.review += flagged
    return mapping


def _plain(value: Any) -> Any:
    if isinstance(value, dict) and not yamlio.is_mapping(value):
        return yamlio.new_mapping({k: _plain(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _personal(value: Any) -> str | None:
    """What personal data (an email address or phone number) ``value`` holds, if any."""
    texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    for text in texts:
        if publishable.EMAIL.search(text):
            return "an email address"
        if publishable.phone_numbers(text):
            return "a phone number"
    return None
