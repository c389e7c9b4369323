"""Stage one: read the record files and validate each against its model.

One broken file never stops the others: every problem becomes a Diagnostic and the valid
records are still returned for the cross-record checks and the listing commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pcctrack import yamlio
from pcctrack.diagnostics import Diagnostic
from pcctrack.files import CONFIG_NAME, RecordKind, discover, display_path, kind_of
from pcctrack.models import Action, Audit, Config, Inspection
from pcctrack.records import RecordSet, Sourced
from pcctrack.validation import Problem, validate


@dataclass
class Loaded:
    records: RecordSet
    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: dict[str, yamlio.Document] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def locate(self, problem: Problem) -> Diagnostic:
        """Give a rule's problem the line and column of the value (or key) it is about."""
        doc = self.documents.get(problem.path)
        line, col = doc.position(problem.loc, key=problem.at_key) if doc else (1, 1)
        return Diagnostic(problem.path, line, col, problem.message)


def load(root: Path, extra: list[Path] = ()) -> Loaded:  # type: ignore[assignment]
    """Load every record under ``root`` (plus ``extra`` files outside it)."""
    loaded = Loaded(RecordSet())
    root_resolved = root.resolve()
    paths = discover(root) + [p for p in extra if not _inside(p.resolve(), root_resolved)]
    for path in paths:
        shown = display_path(path)
        loaded.files.append(shown)
        refusal = _link_refusal(path, root_resolved) if path.is_symlink() else None
        if refusal is not None:
            loaded.diagnostics.append(Diagnostic(shown, 1, 1, refusal))
            continue
        relative = path.relative_to(root) if _inside(path.absolute(), root.absolute()) else path
        kind = kind_of(relative)
        if kind is RecordKind.CONFIG and relative != Path(CONFIG_NAME) and relative.parent != Path():
            kind = None
        if kind is None:
            loaded.diagnostics.append(Diagnostic(shown, 1, 1, _UNPLACED))
            continue
        _load_one(loaded, path, shown, kind)
    return loaded


_UNPLACED = (
    "pcctrack cannot tell what kind of record this is from where it is: put inspections in "
    "inspections/, an audit in audits/<audit>/audit.yaml with its actions beside it, and "
    "settings in pcctrack.yaml at the top"
)


def _link_refusal(path: Path, root: Path) -> str | None:
    """Why a symbolic link is not read, or None for a link to a file inside the records.

    Following a link out of records/ would let a pull request make CI read (and print
    parts of) any file on the machine, so such links are reported, never followed.
    """
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "this link leads back to itself (a loop): remove it"
    except OSError:
        return "this link points to a file that does not exist: remove it or copy the record in"
    what = "folder" if target.is_dir() else "file"
    if not _inside(target, root):
        return f"this is a link to a {what} outside the records folder: pcctrack does not follow it; copy the records in instead"
    if what == "folder":
        return "this is a link to a folder: pcctrack does not follow linked folders; move the records here instead"
    return None


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _load_one(loaded: Loaded, path: Path, shown: str, kind: RecordKind) -> None:
    try:
        doc = yamlio.read(path)
    except yamlio.YamlProblem as exc:
        loaded.diagnostics.append(Diagnostic(shown, exc.line, exc.col, exc.message))
        return
    except OSError as exc:
        loaded.diagnostics.append(Diagnostic(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}"))
        return
    loaded.documents[shown] = doc
    model, problems = validate(kind, doc.data, shown)
    loaded.diagnostics.extend(loaded.locate(p) for p in problems)
    records = loaded.records
    if isinstance(model, Config):
        records.config, records.config_path = model, shown
    elif isinstance(model, Inspection):
        records.inspections.append(Sourced(shown, model))
    elif isinstance(model, Audit):
        records.audits.append(Sourced(shown, model))
    elif isinstance(model, Action):
        records.actions.append(Sourced(shown, model))
