"""Stage two: everything `validate` reports, per-file and across records, with positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pcctrack.boundary import yamlio
from pcctrack.diagnostics import Diagnostic
from pcctrack.boundary.files import RecordKind, discover, display_path, is_within
from pcctrack.boundary.listing import acyclic, collected
from pcctrack.loader import Loaded, Positions, load
from pcctrack.rules import crosscheck
from pcctrack.validation import validate


def check(
    root: Path, as_of: date, only: list[Path] | None = None, for_publication: bool = False
) -> tuple[int, list[Diagnostic]]:
    """All problems in the records under ``root``, and how many record files were read; with
    ``only``, just the problems in these paths.

    The whole tree is checked either way, so references from the named files to other
    records still resolve: from the cache, which keeps what each file contributes to the
    checks across records, so only files that changed are read. ``for_publication`` adds the
    checks that keep personal data and redaction markers out of published fields (they need
    every record in full), and files named from outside ``root`` are read in full too.
    """
    named = expand(only or [])
    wanted = {display_path(p) for p in named} if only else None
    inside = root.resolve()
    if for_publication or not all(is_within(p.resolve(), inside) for p in named):
        loaded = load(root, extra=named)
        problems = crosscheck.check(loaded.records, as_of, loaded.unreadable_ids)
        problems += crosscheck.warnings(loaded.records, as_of)
        if for_publication:
            from pcctrack.rules import publishable  # it needs the models' field metadata

            problems += publishable.check(loaded.records)
        found = loaded.diagnostics + [loaded.locate(p) for p in problems]
        count = len(loaded.files)
    else:
        found, count = _from_cache(root, as_of, wanted)
    if wanted is not None:
        found = [d for d in found if d.path in wanted]
    return count, sorted(set(found))


def _from_cache(root: Path, as_of: date, wanted: set[str] | None) -> tuple[list[Diagnostic], int]:
    """`check`'s problems from each file's cached facts: the same checks on the same facts."""
    tree = collected(root, checks=True)
    with acyclic():
        files = [(shown, crosscheck.Facts(**entry["facts"])) for shown, entry in tree.checks]
        own = [Diagnostic(shown, *located) for shown, entry in tree.checks for located in entry["own"]]
        problems = crosscheck.across(files, as_of, tree.unreadable)
        problems += crosscheck.undated_warnings(tree.items, files, tree.policy.undated_warning_days, as_of)
    chosen = [p for p in problems if wanted is None or p.path in wanted]
    paths = {p.path for p in chosen}
    positions = Positions(sources={shown: Path(tree.tree.within + rel) for rel, shown, _, _ in tree.tree.entries if shown in paths})
    located = [positions.locate(p) for p in chosen]
    return tree.diagnostics + own + located, len(tree.tree.entries)


def expand(paths: list[Path]) -> list[Path]:
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
    try:
        doc = yamlio.parse(yamlio.decode(raw))
    except yamlio.YamlProblem as exc:
        return [Diagnostic(path, exc.line, exc.col, exc.message)]
    model, problems = validate(kind, doc.data, path)
    if model is not None:
        problems = crosscheck.check(loaded.records.with_file(path, model), as_of)
    located = Positions(documents={path: doc})
    return sorted({located.locate(p) for p in problems if p.path == path})
