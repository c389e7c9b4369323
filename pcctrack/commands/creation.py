"""Creating record files, shared by `new` and `import`: the ids already taken, the schema
pointer on the first line, a check of every new file exactly as `validate` would check it,
and atomic writes that never replace an existing file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary import atomic, yamlio
from pcctrack.boundary.files import RecordKind, display_path
from pcctrack.checker import check_files
from pcctrack.commands.rewrite import refuse_personal_data
from pcctrack.errors import NotWritten
from pcctrack.loader import Loaded
from pcctrack.records import RecordSet
from pcctrack.reporters.diagnostics import text
from pcctrack.rules.items import tracked


@dataclass(frozen=True)
class NewFile:
    """A record file to create: where, what type of record, and its content (a mapping made
    with `yamlio.new_mapping`, which may carry comments)."""

    path: Path
    kind: RecordKind
    data: Any

    @property
    def shown(self) -> str:
        return display_path(self.path)


def taken_ids(records: RecordSet) -> set[str]:
    """Every id in use, so a new record or item never reuses one."""
    return {i.id for _, _, i in tracked(records)} | {s.model.id for s in (*records.inspections, *records.audits)}


def schema_pointer(root: Path, path: Path, kind: RecordKind) -> bytes:
    """The first line the bundled records carry, so an editor offers completion and field
    documentation in the new file too; only when the repository keeps its schemas in
    schema/ beside records/ (as `pcctrack schema -o schema/` writes them)."""
    schema = root.parent / "schema" / f"{kind.value}.schema.json"
    if not schema.is_file():
        return b""
    relative = os.path.relpath(schema.absolute(), path.parent.absolute()).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}\n".encode()


def content(root: Path, new: NewFile) -> bytes:
    """The bytes the file will hold: the schema pointer, then the record."""
    return schema_pointer(root, new.path, new.kind) + yamlio.dump_editable(yamlio.Editable(new.data, yamlio.Layout()))


def create(root: Path, loaded: Loaded, files: list[NewFile], as_of: date, what: str) -> list[str]:
    """Check the new files together against every record, then write them all or none.

    Nothing is written if any would not validate or any already exists; a write that fails
    part-way removes the files this call created, so the tree is as it was.
    """
    raws = [(f.shown, f.kind, content(root, f)) for f in files]
    problems = check_files(loaded, raws, as_of)
    if problems:
        raise NotWritten(f"{what} would not be valid, so nothing was written:\n" + text(problems).rstrip("\n"))
    for shown, kind, raw in raws:
        refuse_personal_data(shown, kind, raw, what)
    existing = [f.shown for f in files if f.path.exists()]
    if existing:
        raise NotWritten(f"{existing[0]} already exists: pcctrack never overwrites a record, so nothing was written")
    created: list[NewFile] = []
    try:
        for new, (_, _, raw) in zip(files, raws):
            new.path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_atomically(new.path, raw, create=True)
            created.append(new)
    except (atomic.WriteConflict, OSError) as exc:
        for done in created:
            done.path.unlink(missing_ok=True)
        if isinstance(exc, atomic.WriteConflict):
            raise NotWritten(f"{new.shown} already exists: pcctrack never overwrites a record, so nothing was written") from None
        raise NotWritten(f"cannot create {new.shown}: {exc.strerror or exc}; nothing was written") from None
    return [f.shown for f in files]
