"""Where records live and what kind each file is, decided by its place in the tree."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

CONFIG_NAME = "pcctrack.yaml"
AUDIT_NAME = "audit.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class RecordKind(StrEnum):
    CONFIG = "config"
    INSPECTION = "inspection"
    AUDIT = "audit"
    ACTION = "action"


def find_records_dir(start: Path) -> Path | None:
    """The nearest `records/` folder at or above ``start``, as yamllint finds its config."""
    for folder in (start, *start.parents):
        candidate = folder / "records"
        if candidate.is_dir():
            return candidate
        if folder.name == "records" and folder.is_dir():
            return folder
    return None


def kind_of(path: Path) -> RecordKind | None:
    """Tell a record's type from where it sits, so records need no type key of their own."""
    if path.name == CONFIG_NAME:
        return RecordKind.CONFIG
    parts = path.parts
    if "inspections" in parts:
        return RecordKind.INSPECTION
    if "audits" in parts:
        return RecordKind.AUDIT if path.name == AUDIT_NAME else RecordKind.ACTION
    return None


def discover(root: Path) -> list[Path]:
    """Every YAML file below ``root``, in a stable order, never following links out of it.

    Linked folders are listed (not entered) so that the loader can say they were skipped
    rather than records silently going missing.
    """
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        linked = [Path(folder) / d for d in dirs if (Path(folder) / d).is_symlink()]
        found.extend(sorted(linked + [Path(folder) / n for n in names if n.endswith(YAML_SUFFIXES)]))
    return found


def display_path(path: Path) -> str:
    """Paths are shown relative to the working directory when they are inside it.

    The file's own name is kept even when it is a symbolic link, so a diagnostic names
    the link that is in the records, not whatever it points to.
    """
    try:
        where = path.absolute().parent.resolve() / path.name
        return str(where.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
