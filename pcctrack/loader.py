"""Stage one: read the record files and validate each against its model.

One broken file never stops the others: every problem becomes a Diagnostic and the valid
records are still returned for the cross-record checks and the listing commands.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcctrack.boundary import yamlio
from pcctrack.diagnostics import Diagnostic
from pcctrack.boundary.files import Placed, RecordKind, placed
from pcctrack.records import RecordSet, Sourced

if TYPE_CHECKING:
    from pcctrack.validation import Problem


@dataclass
class Positions:
    """Where problems are in their files: an exact parse of a file, made when a problem in it
    needs a line and column."""

    documents: dict[str, yamlio.Document] = field(default_factory=dict)
    """Exact parses, with positions, made so far: only files that needed one are here."""
    sources: dict[str, Path] = field(default_factory=dict)
    """Where each shown path was read from, to parse it exactly if a problem needs a position."""

    def locate(self, problem: Problem) -> Diagnostic:
        """Give a rule's problem the line and column of the value (or key) it is about."""
        doc = self.document(problem.path)
        line, col = doc.position(problem.loc, key=problem.at_key) if doc else (1, 1)
        return Diagnostic(problem.path, line, col, problem.message, problem.severity)

    def document(self, shown: str) -> yamlio.Document | None:
        """The exact parse of one file, made on first need: good files never pay for one."""
        if shown not in self.documents and shown in self.sources:
            try:
                self.documents[shown] = yamlio.read(self.sources[shown])
            except (yamlio.YamlProblem, OSError):
                return None
        return self.documents.get(shown)


@dataclass
class Loaded(Positions):
    """What reading record files found: the valid records, and every file's problems."""

    records: RecordSet = field(kw_only=True)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unreadable_ids: dict[str, str] = field(default_factory=dict)
    """Ids found in files that parsed but failed validation, and those files: a reference to
    one is a problem of that file, not a typo in the reference."""


def load(root: Path, extra: list[Path] = ()) -> Loaded:  # type: ignore[assignment]
    """Load every record under ``root`` (plus ``extra`` files outside it)."""
    return load_placed(placed(root, extra))


def load_placed(places: list[Placed]) -> Loaded:
    """Load the given files; one that cannot be a record is a diagnostic, not a stop."""
    loaded = Loaded(records=RecordSet())
    for place in places:
        loaded.files.append(place.shown)
        if place.problem is not None or place.kind is None:
            loaded.diagnostics.append(Diagnostic(place.shown, 1, 1, place.problem or ""))
        else:
            _load_one(loaded, place.path, place.shown, place.kind)
    return loaded


def _load_one(loaded: Loaded, path: Path, shown: str, kind: RecordKind) -> None:
    from pcctrack.validation import validate  # the models load only when a file is read

    loaded.sources[shown] = path
    try:
        text = yamlio.decode(yamlio.read_bytes(path))
    except yamlio.YamlProblem as exc:
        loaded.diagnostics.append(Diagnostic(shown, exc.line, exc.col, exc.message))
        return
    except OSError as exc:
        loaded.diagnostics.append(Diagnostic(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}"))
        return
    data = yamlio.parse_fast(text)
    if data is not yamlio.UNSURE:
        model, problems = validate(kind, data, shown, text)
        if not problems:
            _keep(loaded.records, shown, kind, model)
            return
    # The fast path was unsure or found a problem: the exact parse decides, with positions.
    try:
        doc = yamlio.parse(text)
    except yamlio.YamlProblem as exc:
        loaded.diagnostics.append(Diagnostic(shown, exc.line, exc.col, exc.message))
        return
    loaded.documents[shown] = doc
    model, problems = validate(kind, doc.data, shown, text)
    loaded.diagnostics.extend(loaded.locate(p) for p in problems)
    if not problems:
        # Positions matter only for problems; a good file's tree is not worth its memory, and
        # it holds cycles: collect them while they are young (readers may pause the collector).
        del loaded.documents[shown]
        gc.collect(0)
    if model is not None:
        _keep(loaded.records, shown, kind, model)
    else:
        loaded.unreadable_ids.update(dict.fromkeys(_ids_in(doc.data), shown))


def _ids_in(data: Any) -> list[str]:
    """The ids a record that failed validation still declares (its own, its findings')."""
    if not isinstance(data, dict):
        return []
    found = [data.get("id")]
    findings = data.get("findings")
    if isinstance(findings, list):
        found += [f.get("id") for f in findings if isinstance(f, dict)]
    return [i for i in found if isinstance(i, str)]


def _keep(records: RecordSet, shown: str, kind: RecordKind, model: Any) -> None:
    if kind is RecordKind.CONFIG:
        records.config, records.config_path = model, shown
        return
    group = {RecordKind.INSPECTION: records.inspections, RecordKind.AUDIT: records.audits, RecordKind.ACTION: records.actions}
    group[kind].append(Sourced(shown, model))
