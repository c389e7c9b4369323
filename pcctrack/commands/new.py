"""`pcctrack new inspection|audit|action|finding`: a valid record (or a finding in an
inspection's record) with the next free id.

On a terminal the command asks for each required field it was not given; elsewhere (CI,
scripts) it takes them as options and names any that are missing. What it writes is checked
exactly as `validate` would check it, and for personal data in published fields, before it
is written; an existing file is never overwritten, and a finding is added to its inspection's
file as `update` edits one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcctrack.boundary import yamlio
from pcctrack.commands import creation, rewrite
from pcctrack.commands.creation import NewFile
from pcctrack.errors import EXIT_OK, UsageProblem
from pcctrack.boundary.files import AUDIT_NAME, RecordKind
from pcctrack.loader import Loaded, load
from pcctrack.models.inspection import InspectionType
from pcctrack.output import Output
from pcctrack.choices import NewKind
from pcctrack.rules.answers import Refused, a_date, listed, one_of, some_of
from pcctrack.rules.editing import keys_before
from pcctrack.rules.ids import KIND_SHORT, audit_id, finding_id, free_id, inspection_id, next_action_number
from pcctrack.rules.items import tracked

if TYPE_CHECKING:
    from pcctrack.records import RecordSet

@dataclass(frozen=True)
class Question:
    """One question for the person at the terminal."""

    label: str
    choices: tuple[str, ...] = ()
    """The answers there are, shown with the question and offered for completion."""
    default: str | None = None
    """The answer offered (the correction of a mistyped one), taken by pressing Enter."""


Ask = Callable[[Question], str]
"""Asks the person at the terminal for one value."""


@dataclass(frozen=True)
class Field:
    option: str
    prompt: str


REQUIRED: dict[NewKind, list[Field]] = {
    NewKind.INSPECTION: [
        Field("title", "Report title"),
        Field("published", "Published by HMICFRS (YYYY-MM-DD)"),
        Field("types", "Types, comma-separated"),
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
        Field("priority", "Priority"),
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

    def ask(question: Question) -> str:
        _complete_from(question.choices)
        listed = ", ".join(question.choices)
        shown = f"{question.label} ({listed})" if question.choices and len(listed) <= 40 else question.label
        if shown == question.label and question.choices:
            typer.echo("\n".join(f"  {c}" for c in question.choices), err=True)  # a long list reads best down the page
        return str(typer.prompt(shown, default=question.default or "", show_default=bool(question.default)))

    return ask


def _complete_from(choices: tuple[str, ...]) -> None:
    """Tab completes the answer from ``choices``, where the terminal's line editor allows."""
    try:
        import readline
    except ImportError:  # Windows without pyreadline: no completion, still the choices shown
        return
    matches: list[str] = []

    def complete(text: str, state: int) -> str | None:
        if state == 0:
            matches[:] = [c for c in choices if c.casefold().startswith(text.casefold())]
        return matches[state] if state < len(matches) else None

    readline.set_completer_delims("")
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")


def run(root: Path, kind: NewKind, given: dict[str, str | None], ident: str | None, ask: Ask | None, as_of: date, output: Output) -> int:
    loaded = load(root)
    values = _complete(kind, given, ask, loaded.records, output)
    if kind is NewKind.FINDING:
        return _add_finding(loaded, values, ident, as_of, output)
    path, record_kind, data = _scaffold(root, loaded, kind, values, ident)
    if values.get("internal_note"):
        data["internal"] = [values["internal_note"]]
    new = NewFile(path, record_kind, yamlio.new_mapping(data))
    shown = creation.create(root, loaded, [new], as_of, f"the new {kind}")
    output.note(f"created {kind} {data['id']}")
    output.write(f"{shown[0]}\n")
    return EXIT_OK


def _complete(kind: NewKind, given: dict[str, str | None], ask: Ask | None, records: RecordSet, output: Output) -> dict[str, Any]:
    """Every value the new record needs, each checked as it is given: a mistyped option is an
    error naming it; a mistyped answer is explained and asked again, keeping every answer
    already given."""
    typed = {k: v.strip() for k, v in given.items() if v and v.strip()}
    values: dict[str, Any] = {}
    for option in [f.option for f in REQUIRED[kind]] + [k for k in typed if k not in {f.option for f in REQUIRED[kind]}]:
        if option in typed:
            try:
                values[option] = _read(option, typed[option], values, records)
            except Refused as exc:
                raise UsageProblem(f"--{option.replace('_', '-')} {exc}") from None
    missing = [f for f in REQUIRED[kind] if f.option not in values]
    if missing and ask is None:
        options = ", ".join(f"--{f.option}" for f in missing)
        raise UsageProblem(f"a new {kind} needs {options} (or run it on a terminal to be asked)")
    for f in missing:
        values[f.option] = _asked(f, ask, values, records, output)  # type: ignore[arg-type]
    return values


def _asked(f: Field, ask: Ask, values: dict[str, Any], records: RecordSet, output: Output) -> Any:
    """Ask for ``f`` until the answer can be used."""
    vocabulary = _vocabulary(f.option, values, records)
    choices = tuple(vocabulary[0]) if vocabulary else ()
    default = None
    while True:
        answer = ask(Question(f.prompt, choices, default)).strip()
        if not answer:
            continue
        try:
            return _read(f.option, answer, values, records)
        except Refused as exc:
            output.note(f"{exc}: try again")
            default = exc.suggestion


def _read(option: str, text: str, values: dict[str, Any], records: RecordSet) -> Any:
    """One value as the record holds it, or `Refused` saying why it cannot be used."""
    if option in ("published", "due", "final_issued"):
        return a_date(text)
    if option == "priorities":
        return listed(text)
    vocabulary = _vocabulary(option, values, records)
    if vocabulary is None:
        return text
    choices, what = vocabulary
    if option == "types":
        return some_of(text, choices, what)
    return one_of(text, choices, what, "; or create the audit first, with `pcctrack new audit`" if option == "audit" else "")


def _vocabulary(option: str, values: dict[str, Any], records: RecordSet) -> tuple[list[str], str] | None:
    """The answers there are for ``option`` (given the answers so far), and what they are."""
    if option == "types":
        return [t.value for t in InspectionType], "a type of report"
    if option == "audit":
        return [s.model.id for s in records.audits], "an audit's id"
    if option == "priority" and "audit" in values:
        audit = next(s.model for s in records.audits if s.model.id == values["audit"])
        return [level.name for level in audit.priority_scale], f"on {audit.id}'s priority scale"
    if option == "owner" and records.config.roles is not None:
        roles = records.config.roles
        return [s for name, other in roles.items() for s in (name, *other)], "a role declared in pcctrack.yaml"
    return None


def _scaffold(root: Path, loaded: Loaded, kind: NewKind, v: dict[str, Any], ident: str | None) -> tuple[Path, RecordKind, dict[str, Any]]:
    """Where the new record goes and what it holds, with the next free id."""
    records = loaded.records
    taken = creation.taken_ids(records)
    if kind is NewKind.ACTION:
        audit = next(s for s in records.audits if s.model.id == v["audit"])
        number = next_action_number(s.model.number for s in records.actions if s.model.audit == v["audit"])
        data = {
            "id": ident or free_id(f"{v['audit']}-{number}", taken),
            "audit": v["audit"],
            "number": number,
            "action": v["action"],
            "priority": v["priority"],
            "owner": v["owner"],
            "due": v["due"],
        }
        return Path(audit.path).parent / f"action-{number}.yaml", RecordKind.ACTION, data
    if kind is NewKind.AUDIT:
        new_id = ident or free_id(audit_id(v["auditor"], v["title"], v["reference"], v.get("financial_year")), taken)
        data = {"id": new_id, "auditor": v["auditor"], "reference": v["reference"], "title": v["title"]}
        if v.get("financial_year"):
            data["financial_year"] = v["financial_year"]
        if v.get("final_issued"):
            data["dates"] = yamlio.new_mapping({"final_issued": v["final_issued"]})
        data["priority_scale"] = [yamlio.new_mapping({"name": p}) for p in v["priorities"]]
        if v.get("assurance_scale"):
            data["assurance_scale"] = listed(v["assurance_scale"])
        if v.get("assurance"):
            data["assurance"] = v["assurance"]
        return root / "audits" / new_id / AUDIT_NAME, RecordKind.AUDIT, data
    published = v["published"]
    new_id = ident or free_id(inspection_id(v["title"], published.year, records.config.force), taken)
    data = {
        "id": new_id,
        "title": v["title"],
        "published": published,
        "types": v["types"],
        "findings": [],
    }
    return root / "inspections" / f"{new_id}.yaml", RecordKind.INSPECTION, data


def _add_finding(loaded: Loaded, v: dict[str, Any], ident: str | None, as_of: date, output: Output) -> int:
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
        entry["due"] = v["due"]  # read as a date when it was given
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
