"""Stage two: everything `validate` reports, per-file and across records, with positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pcctrack.diagnostics import Diagnostic
from pcctrack.files import discover, display_path
from pcctrack.loader import Loaded, load
from pcctrack.rules import crosscheck, publishable


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
    problems = crosscheck.check(loaded.records, as_of)
    if for_publication:
        problems += publishable.check(loaded.records)
    found = loaded.diagnostics + [loaded.locate(p) for p in problems]
    if only:
        wanted = {display_path(p) for p in named}
        found = [d for d in found if d.path in wanted]
    return loaded, sorted(set(found))


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(discover(p))
        else:
            out.append(p)
    return out
