"""Stage two: everything `validate` reports, per-file and across records, with positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pcctrack.boundary import yamlio
from pcctrack.diagnostics import Diagnostic
from pcctrack.boundary.files import RecordKind, discover, display_path, is_within
from pcctrack.boundary import recheck
from pcctrack.boundary.listing import acyclic, collected, survey
from pcctrack.loader import Loaded, Positions, load
from pcctrack.rules import crosscheck
from pcctrack.validation import validate


@dataclass
class Checked:
    """What `validate` found and over which files, so its summary can say what it covered."""

    diagnostics: list[Diagnostic]
    read: int
    """How many record files the check read (from the cache or in full)."""
    named: list[str] = field(default_factory=list)
    """For `validate PATH`: the record files PATH holds, the only ones whose problems count."""
    outside: list[str] = field(default_factory=list)
    """For `validate PATH`: files outside PATH, read only to resolve references, that have
    problems of their own (reported by a whole-tree `validate`)."""


def check(root: Path, as_of: date, only: list[Path] | None = None, for_publication: bool = False) -> Checked:
    """All problems in the records under ``root``; with ``only``, just the problems in these
    paths.

    The whole tree is checked either way, so references from the named files to other
    records still resolve: from the cache, which keeps what each file contributes to the
    checks across records, so only files that changed are read. ``for_publication`` adds the
    checks that keep personal data and redaction markers out of published fields (they need
    every record in full), and files named from outside ``root`` are read in full too.
    """
    named = _expand(only or [])
    wanted = {display_path(p) for p in named} if only else None
    inside = root.resolve()
    if for_publication or not all(is_within(p.resolve(), inside) for p in named):
        loaded = load(root, extra=named)
        problems = crosscheck.check(loaded.records, as_of, loaded.unreadable_ids)
        problems += crosscheck.warnings(loaded.records, as_of)
        if for_publication:
            from pcctrack.rules import publishable  # it needs the models' field metadata

            problems += publishable.check(loaded.records)
        found = loaded.diagnostics + [loaded.locate(p) for p in problems if wanted is None or p.path in wanted]
        failing = {p.path for p in problems if p.severity == "error"}
        read = len(loaded.files)
    else:
        found, failing, read = _from_cache(root, as_of, wanted)
    if wanted is None:
        return Checked(sorted(set(found)), read)
    errors = {d.path for d in found if d.severity == "error"} | failing
    return Checked(
        sorted({d for d in found if d.path in wanted}), read, sorted(wanted), sorted(errors - wanted)
    )


def _from_cache(root: Path, as_of: date, wanted: set[str] | None) -> tuple[list[Diagnostic], set[str], int]:
    """`check`'s problems from each file's cached facts: the same checks on the same facts,
    or, after an everyday edit, the last whole check's findings and the edited files' own
    (`boundary.recheck`). Only the problems in ``wanted`` files are given positions; the others
    are named by file."""
    tree = survey(root)
    found = recheck.quick(root, tree, as_of)
    if found is not None:
        problems, own, diagnostics = found.problems, found.own, []
    else:
        whole = collected(root, tree, checks=True)
        with acyclic():
            files = [(shown, crosscheck.Facts(**entry["facts"])) for shown, entry in whole.checks]
            own = [Diagnostic(shown, *located) for shown, entry in whole.checks for located in entry["own"]]
            across = crosscheck.across(files, whole.unreadable)
            undated = crosscheck.undated_places(whole.items, crosscheck.item_places(files))
            problems = across + crosscheck.future_dates(files, as_of)
            problems += crosscheck.undated_warnings(undated, whole.policy.undated_warning_days, as_of)
        recheck.keep(root, whole, across, undated)
        diagnostics = whole.diagnostics
    chosen = [p for p in problems if wanted is None or p.path in wanted]
    paths = {p.path for p in chosen}
    positions = Positions(sources={shown: Path(tree.within + rel) for rel, shown, _, _ in tree.entries if shown in paths})
    failing = {p.path for p in problems if p.severity == "error"}
    return diagnostics + own + [positions.locate(p) for p in chosen], failing, len(tree.entries)


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
    placed = Positions(documents=documents)
    return sorted(set(located) | {placed.locate(p) for p in problems if p.path in wanted})
