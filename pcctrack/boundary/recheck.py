"""`validate` after an everyday edit, without the whole tree's checks across records.

The checks across records (`crosscheck.across`) depend on what each file gives the others: its
ids, references, roles, tags, scale, and pcctrack.yaml's and the audits' settings (the digest
`listing` keeps per file). An everyday edit (a status, a log entry, a target, a reworded text)
changes none of that, so it cannot change another file's problems: the edited file is read and
checked afresh, and every other file's problems are the ones the last whole check found, kept
here per file beside the tree's stamps. Anything else (a file added, removed or unreadable, a
changed digest, a stored date after the day checked, another working folder) runs the whole
check, which keeps its findings here for the next run.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary.cache import Cache
from pcctrack.boundary.files import RecordKind
from pcctrack.boundary.listing import Collected, Tree, acyclic, entries_for, items_of
from pcctrack.dates import from_iso, iso
from pcctrack.diagnostics import Diagnostic
from pcctrack.roles import role_index
from pcctrack.rules import crosscheck
from pcctrack.rules.items import AuditFacts
from pcctrack.rules.ledger import Policy
from pcctrack.validation import Problem

NAME = "recheck"
"""The name of this cache beside the listings' and `validate`'s (`boundary.cache.Cache`)."""

MOST_EDITED = 20
"""From this many changed files the whole check is as quick: it reads them all anyway."""


@dataclass(frozen=True)
class Found:
    """A whole tree's problems, as `checker` reports them."""

    problems: list[Problem]
    """The problems across records, of dates and the undated warnings: not yet located."""
    own: list[Diagnostic]
    """Each file's problems on its own, located."""
    edited: int
    """How many files were read afresh: with none, what is kept has not changed."""


def quick(root: Path, tree: Tree, as_of: date) -> Found | None:
    """The tree's problems from the last whole check and the files edited since, or None when
    the whole check must run (see the module's docstring)."""
    cache = Cache(root, NAME)
    with acyclic():
        stored = cache.read()
    files = stored.get("files")
    if not isinstance(files, dict) or stored.get("cwd") != os.getcwd() or len(files) != len(tree.entries):
        return None
    try:
        found = _quick(tree, stored, as_of)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None  # an entry that does not read back as written: check the whole tree
    if found is not None and found.edited:
        cache.write(stored)
    return found


def keep(root: Path, found: Collected, across: list[Problem], undated: list[crosscheck.Undated]) -> None:
    """Keep what a whole check found for the next `quick`: ``found`` read with checks,
    ``across`` its problems across records, ``undated`` its undated work. A tree with a file
    that could not be read is not kept: every run reads that file, and its problems may
    change what others' references say."""
    entries = found.tree.entries
    if found.unreadable or found.diagnostics or len(found.checks) != len(entries) or any(e[3] is None for e in entries):
        return
    try:
        whole = _whole(found, across, undated)
    except KeyError:
        return  # a problem of no file (pcctrack.yaml's defaults, with no file to hold them)
    Cache(root, NAME).write(whole)


def _quick(tree: Tree, stored: dict[str, Any], as_of: date) -> Found | None:
    files = stored["files"]
    edited = []
    for rel, shown, kind, current in tree.entries:
        kept = files.get(rel)
        if kept is None or current is None or kind is None or kept["kind"] != kind.value:
            return None
        if kept["stamp"] != current:
            edited.append((rel, shown, kind, current))
    if len(edited) > MOST_EDITED:
        return None
    after = as_of.isoformat()
    names = {rel for rel, *_ in edited}
    if any(f["latest"] is not None and f["latest"] > after for rel, f in files.items() if rel not in names):
        return None
    fresh = _read_edited(tree, edited, stored["context"])
    if fresh is None or any(kept["digest"] != files[rel]["digest"] for rel, (kept, _) in fresh.items()):
        return None
    shown = {rel: s for rel, s, _, _ in tree.entries}
    problems = [Problem(shown[p[0]], tuple(p[1]), p[2], p[3], p[4]) for p in stored["across"]]
    for rel, (kept, facts) in fresh.items():
        files[rel] = kept
        problems += crosscheck.future_dates([(shown[rel], facts)], as_of)
    own: list[Diagnostic] = []
    undated: list[crosscheck.Undated] = []
    for rel, f in files.items():
        own += [Diagnostic(shown[rel], *located) for located in f["own"]]
        undated += [crosscheck.Undated(shown[rel], tuple(u[0]), u[1], from_iso(u[2])) for u in f["undated"]]
    problems += crosscheck.undated_warnings(undated, stored["context"]["undated_warning_days"], as_of)
    return Found(problems, own, len(edited))


def _read_edited(
    tree: Tree, edited: list[tuple[str, str, RecordKind, list[int]]], context: dict[str, Any]
) -> dict[str, tuple[dict[str, Any], crosscheck.Facts]] | None:
    """Each edited file as this cache keeps it, and its facts: None when one cannot be read
    (its problems may change what others' references say)."""
    places = [tree.place(rel, shown, kind) for rel, shown, kind, _ in edited]
    entries, diagnostics, _ = entries_for(places)
    if diagnostics or len(entries) != len(edited):
        return None
    policy = Policy.from_settings(context["verification"], context["undated_warning_days"])
    audits = {ident: AuditFacts(f[0], from_iso(f[1]), f[2], from_iso(f[3]), f[4]) for ident, f in context["audits"].items()}
    index = role_index(context["roles"])
    by_shown = dict(entries)
    fresh = {}
    for rel, shown, _, current in edited:
        entry = by_shown[shown]
        facts = crosscheck.Facts(**entry["checks"]["facts"])
        found = items_of(entry, shown, index, audits, policy)
        fresh[rel] = _kept(entry["kind"], entry["checks"], current, crosscheck.undated_places(found, crosscheck.item_places([(shown, facts)]))), facts
    return fresh


def _kept(kind: str, checks: dict[str, Any], stamp: list[int], undated: list[crosscheck.Undated]) -> dict[str, Any]:
    """One file as this cache keeps it, from its checks entry (`listing.Collected.checks`)."""
    days = [day for _, day in checks["facts"].get("dated", [])]
    return {
        "stamp": stamp,
        "kind": kind,
        "digest": checks["digest"],
        "own": checks["own"],
        "latest": max(days) if days else None,
        "undated": [[list(u.loc), u.id, iso(u.opened_on)] for u in undated],
    }


def _whole(found: Collected, across: list[Problem], undated: list[crosscheck.Undated]) -> dict[str, Any]:
    place = {shown: (rel, kind.value, current) for rel, shown, kind, current in found.tree.entries if kind is not None}
    by_file: dict[str, list[crosscheck.Undated]] = {}
    for u in undated:
        by_file.setdefault(u.path, []).append(u)
    files = {}
    for shown, checks in found.checks:
        rel, kind, current = place[shown]
        files[rel] = _kept(kind, checks, current, by_file.get(shown, []))
    verification = dataclasses.asdict(found.policy)
    days = verification.pop("undated_warning_days")
    return {
        "cwd": os.getcwd(),
        "files": files,
        "across": [[place[p.path][0], list(p.loc), p.message, p.at_key, p.severity] for p in across],
        "context": {
            "roles": found.declared.roles,
            "verification": verification,
            "undated_warning_days": days,
            "audits": {
                ident: [a.scale, iso(a.issued), a.superseded, iso(a.superseded_on), a.restricted] for ident, a in found.audits.items()
            },
        },
    }

