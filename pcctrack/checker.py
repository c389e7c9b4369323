"""Stage two: everything `validate` reports, per-file and across records, with positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pcctrack.boundary import yamlio
from pcctrack.diagnostics import Diagnostic
from pcctrack.boundary.files import RecordKind, discover, display_path
from pcctrack.loader import Loaded, load
from pcctrack.rules import crosscheck, publishable
from pcctrack.validation import validate


def check(
    root: Path, as_of: date, only: list[Path] | None = None, for_publication: bool = False
) -> tuple[Loaded, list[Diagnostic]]:
    """All problems in the records under ``root``; with ``only``, just those in these paths.

    The whole tree is loaded either way, so references from the named files to other
    records still resolve. ``for_publication`` adds the checks that keep personal data
    and redaction markers out of published fields.
    """
    named = _expand(only or [])
    loaded = load(root, extra=named)
    problems = crosscheck.check(loaded.records, as_of, loaded.unreadable_ids)
    problems += crosscheck.warnings(loaded.records, as_of)
    if for_publication:
        problems += publishable.check(loaded.records)
    found = loaded.diagnostics + [loaded.locate(p) for p in problems]
    if only:
        wanted = {display_path(p) for p in named}
        loaded.named = sorted(wanted)
        loaded.outside = sorted({d.path for d in found if d.path not in wanted and d.severity == "error"})
        found = [d for d in found if d.path in wanted]
    return loaded, sorted(set(found))


def _expand(paths: list[Path]) -> list[Path]:
    """The record files the named files and folders hold."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(discover(p))
        else:
            out.append(p)
    return out


def check_replacement(loaded: Loaded, path: str, kind: RecordKind, raw: bytes, as_of: date) -> list[Diagnostic]:
    """The problems the file at ``path`` would have if it held ``raw``: checked before writing.

    The file is checked on its own and against every other loaded record, exactly as
    `validate` would check it once written; problems in other files are not its concern.
    """
    return check_files(loaded, [(path, kind, raw)], as_of)


def check_files(loaded: Loaded, files: list[tuple[str, RecordKind, bytes]], as_of: date) -> list[Diagnostic]:
    """The problems these files would have if they held these bytes, checked together (an
    imported audit and its actions refer to each other) and against every other record."""
    records = loaded.records
    documents: dict[str, yamlio.Document] = {}
    problems = []
    located: list[Diagnostic] = []
    for path, kind, raw in files:
        try:
            documents[path] = yamlio.parse(yamlio.decode(raw))
        except yamlio.YamlProblem as exc:
            located.append(Diagnostic(path, exc.line, exc.col, exc.message))
            continue
        model, found = validate(kind, documents[path].data, path)
        problems += found
        if model is not None:
            records = records.with_file(path, model)
    if not problems and not located:
        problems = crosscheck.check(records, as_of)
    wanted = {path for path, _, _ in files}
    placed = Loaded(loaded.records, documents=documents)
    return sorted(set(located) | {placed.locate(p) for p in problems if p.path in wanted})
