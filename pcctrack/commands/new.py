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
from typing import TYPE_CHECKING, Any

from pcctrack.boundary import yamlio
from pcctrack.commands import creation
from pcctrack.commands.creation import NewFile
from pcctrack.errors import EXIT_OK, UsageProblem
from pcctrack.boundary.files import AUDIT_NAME, RecordKind
from pcctrack.loader import Loaded, load
from pcctrack.models.inspection import InspectionType
from pcctrack.output import Output
from pcctrack.choices import NewKind
from pcctrack.rules.editing import audit_base_id, free_id, inspection_base_id, next_action_number
from pcctrack.rules.items import tracked
from pcctrack.rules.answers import Refused, a_date, listed, one_of, some_of

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
    path, record_kind, data = _scaffold(root, loaded, kind, values, ident)
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
    if option in ("published", "due"):
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
            "status": "open",
        }
        return Path(audit.path).parent / f"action-{number}.yaml", RecordKind.ACTION, data
    if kind is NewKind.AUDIT:
        year = v.get("financial_year") or v["reference"]
        new_id = ident or free_id(audit_base_id(v["auditor"], v["title"], year), taken)
        data = {"id": new_id, "auditor": v["auditor"], "reference": v["reference"], "title": v["title"]}
        if v.get("financial_year"):
            data["financial_year"] = v["financial_year"]
        data["priority_scale"] = [yamlio.new_mapping({"name": p}) for p in v["priorities"]]
        return root / "audits" / new_id / AUDIT_NAME, RecordKind.AUDIT, data
    published = v["published"]
    new_id = ident or free_id(inspection_base_id(v["title"], published.year), taken)
    data = {
        "id": new_id,
        "title": v["title"],
        "published": published,
        "types": v["types"],
        "findings": [],
    }
    return root / "inspections" / f"{new_id}.yaml", RecordKind.INSPECTION, data
