"""Where records live and what kind each file is, decided by its place in the tree."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
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
    return kind_of_parts(path.parts)


def kind_of_parts(parts: tuple[str, ...] | list[str]) -> RecordKind | None:
    """`kind_of` for a path already split into its parts (cheaper for a whole tree)."""
    name = parts[-1] if parts else ""
    if not name.endswith(YAML_SUFFIXES):
        return None
    if name == CONFIG_NAME:
        return RecordKind.CONFIG
    if "inspections" in parts:
        return RecordKind.INSPECTION
    if "audits" in parts:
        return RecordKind.AUDIT if name == AUDIT_NAME else RecordKind.ACTION
    return None


def discover(root: Path) -> list[Path]:
    """Every YAML file below ``root``, in a stable order, never following links out of it.

    Linked folders are listed (not entered) so that the loader can say they were skipped
    rather than records silently going missing.
    """
    return [root / rel for rel in discover_relative(root)]


def discover_relative(root: Path) -> list[str]:
    """`discover`, as paths relative to ``root``: cheap to compare and to key a cache on."""
    return [rel for rel, _ in _walk(str(root), "")]


def _walk(root: str, prefix: str) -> list[tuple[str, os.stat_result | None]]:
    """Each file (and linked folder) below ``root`` with its own status, `discover`'s order.

    One directory read per folder: the entry's type comes with its name, and its status is
    taken without following links, so a national tree costs one ``lstat`` per file. Files
    that are not YAML are listed too (anything under records/ that is not a record is worth
    a word), and so is a folder that cannot be read, with the folder's own status; names
    starting with '.' are left alone. Folders are walked from a list, not by recursion, so
    no depth of folders can exhaust the stack.
    """
    found: list[tuple[str, os.stat_result | None]] = []
    pending = [(root, prefix)]
    while pending:
        folder, within = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            found.append((within.removesuffix(os.sep) or os.curdir, _folder_status(folder)))
            continue
        subfolders: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_folder:
                subfolders.append((entry.path, within + name + os.sep))
            else:
                found.append((within + name, _lstat(entry)))  # a linked folder is listed, never entered
        pending.extend(reversed(subfolders))
    return found


def _folder_status(folder: str) -> os.stat_result | None:
    try:
        return os.lstat(folder)
    except OSError:
        return None


def _lstat(entry: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return entry.stat(follow_symlinks=False)
    except OSError:
        return None  # gone since the walk: reading it will say so


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


def is_within(path: Path, root: Path) -> bool:
    """True when ``path`` is ``root`` or below it (both already absolute or resolved)."""
    return path == root or root in path.parents


@dataclass(frozen=True)
class Placed:
    """A file found for loading: where it is, how it is shown, and what kind of record it is."""

    location: str
    rel: str | None
    """The path relative to the records folder; None for a file named from outside it."""
    shown: str
    kind: RecordKind | None
    problem: str | None = None
    """Why the file cannot be read as a record, if it cannot."""
    lstat: os.stat_result | None = None
    """The file's own status when it was found (not a link's target's), for cache stamps."""

    @property
    def path(self) -> Path:
        """Built on demand: most files of a cached tree are never opened."""
        return Path(self.location)


UNPLACED = (
    "pcctrack cannot tell what kind of record this is from where it is: put inspections in "
    "inspections/, an audit in audits/<audit>/audit.yaml with its actions beside it, and "
    "settings in pcctrack.yaml at the top"
)

NOT_A_RECORD = (
    "this is not a record (records are .yaml files): records/ is read from pull requests, so"
    " keep other files out of it; move it elsewhere in the repository"
)
UNREADABLE_FOLDER = (
    "pcctrack cannot read this folder, so none of the records in it are checked: give read"
    " access to it (chmod u+rx) or remove it"
)


def link_refusal(path: Path, root: Path) -> str | None:
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
    if not is_within(target, root):
        return f"this is a link to a {what} outside the records folder: pcctrack does not follow it; copy the records in instead"
    if what == "folder":
        return "this is a link to a folder: pcctrack does not follow linked folders; move the records here instead"
    return None


def kind_at(rel: str) -> RecordKind | None:
    """The kind of the record at ``rel`` inside the records folder (pcctrack.yaml only at its top)."""
    parts = rel.split(os.sep)
    kind = kind_of_parts(parts)
    return None if kind is RecordKind.CONFIG and len(parts) > 1 else kind


@dataclass(frozen=True)
class Walked:
    """The records folder as one walk found it, with what every placing needs worked out once."""

    resolved: Path
    within: str
    """The folder's path with a trailing separator: prefix a relative path to open the file."""
    shown_prefix: str
    """What a relative path is shown after (empty when the folder is the working directory)."""
    found: list[tuple[str, os.stat_result | None]]

    def place(self, rel: str, st: os.stat_result | None) -> Placed:
        """One found file with its kind, or the reason it cannot be read as a record."""
        location = self.within + rel
        is_link = st is not None and stat.S_ISLNK(st.st_mode)
        shown = display_path(Path(location)) if is_link else self.shown_prefix + rel
        kind = kind_at(rel)
        refusal = link_refusal(Path(location), self.resolved) if is_link else None
        if refusal is not None:
            return Placed(location, rel, shown, kind, refusal)
        if st is not None and stat.S_ISDIR(st.st_mode):
            return Placed(location, rel, shown, None, UNREADABLE_FOLDER)
        if kind is None:
            return Placed(location, rel, shown, None, UNPLACED if rel.endswith(YAML_SUFFIXES) else NOT_A_RECORD)
        return Placed(location, rel, shown, kind, lstat=None if is_link else st)


def walked(root: Path) -> Walked:
    """Walk the records folder once, for `placed` or for a cheaper survey of what changed."""
    shown_root = display_path(root)
    base = str(root)
    return Walked(
        resolved=root.resolve(),
        within=base if base.endswith(os.sep) else base + os.sep,
        shown_prefix="" if shown_root == "." else shown_root + os.sep,
        found=_walk(base, ""),
    )


def placed(root: Path, extra: list[Path] = ()) -> list[Placed]:  # type: ignore[assignment]
    """Every file under ``root`` (plus ``extra`` files outside it), with its kind or its problem."""
    tree = walked(root)
    out = [tree.place(rel, st) for rel, st in tree.found]
    for path in extra:
        if not is_within(path.resolve(), tree.resolved):
            # Named from outside the records folder: its place says nothing about its kind.
            kind = kind_of(path)
            refusal = link_refusal(path, tree.resolved) if path.is_symlink() else None
            if refusal is not None:
                out.append(Placed(str(path), None, display_path(path), kind, refusal))
            elif kind is None or kind is RecordKind.CONFIG:
                out.append(Placed(str(path), None, display_path(path), None, UNPLACED))
            else:
                out.append(Placed(str(path), None, display_path(path), kind))
    return out
