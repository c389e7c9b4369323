"""`pcctrack import FILE`: draft records read from a published report, written as `new`
writes records (next free ids, checked first, atomic, never over an existing file), and a
follow-up report's verdicts written on the actions they grade as `update --verdict` writes
them, with the list of what to review."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pcctrack.boundary.files import RecordKind, display_path
from pcctrack.checker import check_files
from pcctrack.commands import creation
from pcctrack.commands.common import Located
from pcctrack.commands.rewrite import rewrite
from pcctrack.commands.update import item_edit
from pcctrack.errors import EXIT_OK, NotWritten, UsageProblem
from pcctrack.importers.run import Imported, prepare
from pcctrack.importers.verdicts import Verdict
from pcctrack.loader import Loaded, load
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import text


def run(root: Path, file: Path, kind: str | None, ident: str | None, dry_run: bool, fmt: str, as_of: date, output: Output) -> int:
    loaded = load(root)
    imported = prepare(root, loaded.records, file, display_path(file), kind, ident, as_of)
    files = [f for _, draft in imported.reports for f in draft.files]
    verdicts = [v for _, draft in imported.reports for v in draft.verdicts]
    if dry_run:
        raws = [(f.shown, f.kind, creation.content(root, f)) for f in files]
        problems = check_files(loaded, raws, as_of)
        if fmt == "json":
            output.write(json.dumps(_json(imported, written=False, problems=text(problems)), indent=2, ensure_ascii=False) + "\n")
        else:
            for shown, _, raw in raws:
                output.write(f"# --- {shown}\n" + raw.decode("utf-8") + "\n")
            if verdicts:
                output.write("# --- verdicts it would record\n" + "".join(f"{v.path}\n  {_verdict(v)}\n" for v in verdicts))
            _review(imported, output)
            if problems:
                output.note("would not be valid as drafted:\n" + text(problems).rstrip("\n"))
        return EXIT_OK
    if not files and not verdicts:
        if any(draft.graded for _, draft in imported.reports):
            _review(imported, output)
        raise NotWritten(_nothing(imported))
    what = " and ".join(f"the imported {draft.kind} {draft.record_id}" for _, draft in imported.reports if draft.files)
    try:
        if files:
            creation.create(root, loaded, files, as_of, what)
    except NotWritten as exc:
        _review(imported, output)
        if any(draft.review and any(r.startswith("not found:") for r in draft.review) for _, draft in imported.reports):
            raise NotWritten(f"{exc}\n(what the report did not give is listed above: run with --dry-run, save the draft, add it by hand, then `pcctrack validate`)") from None
        raise
    recorded = _record(loaded, verdicts, as_of, output)
    if fmt == "json":
        output.write(json.dumps(_json(imported, written=True, problems=""), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    for found, draft in imported.reports:
        if draft.files and found.outcomes:
            output.note(f"created {draft.kind} {draft.record_id}, the follow-up report itself")
        elif draft.files:
            items = len(found.items)
            output.note(f"created {draft.kind} {draft.record_id} with {items} item{'s' if items != 1 else ''}")
    for verdict in verdicts:
        output.note(f"recorded {_verdict(verdict)}")
    output.write("".join(f"{f.shown}\n" for f in files) + "".join(f"{shown}\n" for shown in recorded))
    _review(imported, output)
    return EXIT_OK


def _record(loaded: Loaded, verdicts: list[Verdict], as_of: date, output: Output) -> list[str]:
    """Write each verdict as `pcctrack update ID --verdict V --by B --note N` would, one action
    file at a time; a refusal stops there and says which were recorded before it."""
    done: list[str] = []
    for verdict in verdicts:
        located = next(Located(s.path, (), s.model) for s in loaded.records.actions if s.model.id == verdict.action)
        try:
            rewrite(loaded, verdict.path, RecordKind.ACTION, as_of, item_edit(located, verdict.request(), None, as_of), "the verdict", output)
        except (NotWritten, UsageProblem) as exc:
            before = f" (recorded before it: {', '.join(v.action for v in verdicts[: len(done)])})" if done else ""
            raise NotWritten(f"{verdict.action}: {exc}{before}") from None
        done.append(verdict.path)
    return done


def _verdict(verdict: Verdict) -> str:
    """One verdict as the import lists it: action, verdict, date and its place in the report."""
    said = verdict.verdict or f'a note, no verdict ("{verdict.printed}")'
    return f"{verdict.action}: {said}, {verdict.on} ({verdict.where})"


def _nothing(imported: Imported) -> str:
    known = [f"{draft.kind} {draft.duplicate_of}" for _, draft in imported.reports if draft.duplicate_of]
    if not known:
        return "nothing to write: no record or verdict could be drafted from the file (see the list above)"
    graded = " and none of its verdicts is left to record" if any(found.outcomes for found, _ in imported.reports) else ""
    return "nothing to write: every report in the file is already recorded (" + ", ".join(known) + ")" + graded


def _review(imported: Imported, output: Output) -> None:
    """What the analyst must look at, per report, on stderr."""
    for _, draft in imported.reports:
        if draft.duplicate_of:
            output.note(f"{draft.kind} already recorded as {draft.duplicate_of}: nothing written for it")
            lines = draft.graded
        else:
            lines = draft.review + draft.graded
            output.note(f"review {draft.kind} {draft.record_id}:" + ("" if lines else " nothing flagged; still read it against the source"))
        for line in lines:
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
                "review": draft.review + draft.graded,
                "verdicts": [v.as_json() for v in draft.verdicts],
                "extraction": found.as_json(),
            }
            for found, draft in imported.reports
        ],
    }
