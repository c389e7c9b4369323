"""Tracked items for the listing commands, reading only the record files that changed.

Every other file's items come from the cache (pcctrack/cache.py). Items are cached as
`record_items` gives them, before `resolve` applies pcctrack.yaml's roles and the audits' scales and
issue dates, so a change to one record never leaves another's items out of date. A run where
nothing changed loads neither the models nor a YAML parser.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from pcctrack.boundary.cache import Cache, stamp
from pcctrack.diagnostics import Diagnostic
from pcctrack.boundary.files import Placed, RecordKind, kind_at, walked
from pcctrack.dates import from_iso, iso
from pcctrack.roles import role_index
from pcctrack.rules.items import AuditFacts, Item, Source, resolved
from pcctrack.rules.ledger import Policy

_FIELDS = [f.name for f in dataclasses.fields(Item)]
_AT = {name: i for i, name in enumerate(_FIELDS)}
_DATE_AT = [
    _AT[name]
    for name in ("due", "original_due", "target", "closed_on", "claimed_on", "opened_on", "latest_on", "settled_on")
]


@dataclass(frozen=True)
class Tree:
    """The files under a records folder as they are now: each with its place and its stamp."""

    entries: list[tuple[str, str, RecordKind | None, list[int] | None]]
    """Each file's path relative to the folder, shown path, kind and `cache.stamp`, in file
    order. The stamp is taken before anything is read (so a later edit shows), and is None for
    a file that is read on every run (it has a problem, or no stamp could be taken)."""
    odd: dict[str, Placed]
    """By relative path, the files that are not plain record files (links, misplaced files):
    placed in full by the walk, since reading them needs more than their path."""
    within: str
    """The folder's path with a trailing separator."""

    def place(self, rel: str, shown: str, kind: RecordKind | None) -> Placed:
        """A file of the tree, ready to be read."""
        return self.odd.get(rel) or Placed(self.within + rel, rel, shown, kind)

    def fingerprint(self) -> str | None:
        """A digest of every file's place, kind and stamp, for results that depend on the whole
        tree; None when some file is read on every run, so its problems are always reported."""
        if any(entry[3] is None for entry in self.entries):
            return None
        return hashlib.sha256(orjson.dumps(self.entries)).hexdigest()


def survey(root: Path) -> Tree:
    """Every file under ``root`` with its stamp: one walk, one ``lstat`` per file, and nothing
    built per file beyond its entry (a warm national listing does little else)."""
    walk = walked(root)
    entries: list[tuple[str, str, RecordKind | None, list[int] | None]] = []
    odd: dict[str, Placed] = {}
    prefix = walk.shown_prefix
    for rel, st in walk.found:
        if st is not None and stat.S_ISREG(st.st_mode):
            kind = kind_at(rel)
            if kind is not None:
                entries.append((rel, prefix + rel, kind, stamp(st)))
                continue
        place = odd[rel] = walk.place(rel, st)
        current = None
        if place.problem is None and place.kind is not None:
            try:
                current = stamp(place.lstat or place.path.stat())
            except OSError:
                pass
        entries.append((rel, place.shown, place.kind, current))
    return Tree(entries, odd, walk.within)


@dataclass(frozen=True)
class Declared:
    """What pcctrack.yaml declares that listings and the pack use, without loading the models."""

    roles: dict[str, list[str]] | None = None
    """The owner roles and their spellings (for filters)."""
    force: str = "the force"
    """The force the office holds to account (`models.config.Config`'s default when unnamed)."""


@dataclass(frozen=True)
class Collected:
    """Everything the cache and the files read this run say about a tree."""

    tree: Tree
    items: list[Item]
    """Every tracked item, resolved (`rules.items.resolve`); or, for checks, those that may
    have no date (every item with no deadline, and more)."""
    diagnostics: list[Diagnostic]
    """The problems of the files that could not be read (all of them read this run)."""
    declared: Declared
    policy: Policy
    """Who closes what, and how long work may go undated, as pcctrack.yaml says."""
    scales: dict[str, list[str]]
    """Each audit's priority scale, highest first, by audit id (levels with no items too)."""
    titles: dict[str, str]
    """Each inspection's and audit's id to the title its report is known by (an audit's with
    its reference)."""
    audits: dict[str, AuditFacts]
    """What each audit's actions need of it, by audit id."""
    checks: list[tuple[str, dict[str, Any]]]
    """For checks, each readable record's shown path and what `validate` needs of it: its
    `crosscheck.Facts` (as a dict), the problems it has on its own, located (line, column,
    message, severity), and the digest of what it gives other records (`_digest`)."""
    unreadable: dict[str, str]
    """Ids declared in files that failed validation, and those files (`loader.Loaded`)."""


def collected(root: Path, tree: Tree | None = None, checks: bool = False) -> Collected:
    """The tree under ``root`` (as ``tree`` found it, if given) from the cache, reading only
    the files that changed, and keeping what they yield for the next run: every item, with
    what filters, roll-ups and scheduled checks need beside it.

    ``checks`` asks for what `validate` needs, from a cache of its own: each record's facts
    and problems, and only the items that may have no deadline (a resolved item's deadline
    is its own, or its original one moved by revisions: with either set, it has one), which
    is all its warnings need. A listing never pays for checks, nor `validate` for every item.
    """
    tree = survey(root) if tree is None else tree
    cache = Cache(root, CHECKS if checks else None)
    with acyclic():
        stored = cache.read()
    try:
        found, entries = _collect(tree, stored, checks)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        # A cache entry that does not read back as written: start afresh without it.
        found, entries = _collect(tree, {}, checks)
    if entries != stored:
        cache.write(entries)
    return found


@contextmanager
def acyclic() -> Iterator[None]:
    """Build many objects that form no cycles without the cyclic garbage collector's passes.

    The cache and the items of a national tree are millions of small objects, and the
    collector's passes over them cost a warm run a fifth of its time. Afterwards they are
    frozen out of its reach, so the rows built from them do not pay for them either.
    The round-trip parser leaves cycles: whatever parses with it inside collects them
    (`loader`).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


CHECKS = "checks"
"""The name of `validate`'s cache, beside the listings' (`boundary.cache.Cache`)."""


def _collect(tree: Tree, stored: dict[str, Any], checks: bool) -> tuple[Collected, dict[str, Any]]:
    entries: dict[str, Any] = {}
    by_shown: dict[str, Any] = {}
    diagnostics: list[Diagnostic] = []
    unreadable: dict[str, str] = {}
    unread: list[Placed] = []
    stamps: dict[str, tuple[str, list[int]]] = {}
    for rel, shown, kind, current in tree.entries:
        if current is None or kind is None:
            unread.append(tree.place(rel, shown, kind))
            continue
        entry = stored.get(rel)
        if isinstance(entry, dict) and entry.get("stamp") == current and entry.get("kind") == kind.value:
            entries[rel] = by_shown[shown] = entry
        else:
            stamps[shown] = (rel, current)
            unread.append(tree.place(rel, shown, kind))
    if unread:
        new, diagnostics, unreadable = _read(unread, checks)
        for shown, entry in new:
            rel, current = stamps[shown]
            entries[rel] = by_shown[shown] = {"stamp": current, **entry}

    declared = Declared()
    policy = Policy()
    for entry in by_shown.values():
        if entry["kind"] == RecordKind.CONFIG:
            declared = Declared(entry["roles"], entry["force"])
            policy = Policy.from_settings(entry["verification"], entry["undated_warning_days"])
    audits = _audit_facts(tree, by_shown)
    titles = {entry["record"]: entry["title"] for entry in by_shown.values() if "title" in entry}
    index = role_index(declared.roles)
    found: dict[str, list[Item]] = {RecordKind.INSPECTION: [], RecordKind.ACTION: []}
    checked = []
    with acyclic():
        for _, shown, _, _ in tree.entries:
            entry = by_shown.get(shown)
            if entry is None:
                continue
            if checks:
                checked.append((shown, entry["checks"]))
            if entry["kind"] in found:
                found[entry["kind"]].extend(items_of(entry, shown, index, audits, policy))
    items = found[RecordKind.INSPECTION] + found[RecordKind.ACTION]
    scales = {audit: facts.scale for audit, facts in audits.items()}
    return Collected(tree, items, diagnostics, declared, policy, scales, titles, audits, checked, unreadable), entries


def _audit_facts(tree: Tree, by_shown: dict[str, Any]) -> dict[str, AuditFacts]:
    """Each audit's facts, in file order: a later audit with the same id wins, as in `items`."""
    entries = [by_shown[shown] for _, shown, _, _ in tree.entries if by_shown.get(shown, {}).get("kind") == RecordKind.AUDIT]
    issued = {e["audit"]: e["issued"] for e in entries}
    facts = {}
    for e in entries:
        later = e["superseded_by"]
        on = issued.get(later) if later else None
        facts[e["audit"]] = AuditFacts(
            list(e["scale"]), from_iso(e["issued"]), later is not None, from_iso(on), e["restricted"]
        )
    return facts


PARALLEL_FROM = 2000
"""From this many files to read, a second process reads half of them (a cold national tree)."""


_Read = tuple[list[tuple[str, dict[str, Any]]], list[Diagnostic], dict[str, str]]


def _read(unread: list[Placed], checks: bool) -> _Read:
    """Cache entries, problems and unreadable ids (`loader.Loaded`) for the files that must be read.

    Parsing and validating are CPU-bound, so a large batch is split with a forked second
    process where there is a second core; each half comes back as plain entries. The halves
    take every other file, so each gets its share of the large inspections, and the models
    and their validators are built before the fork, so the second process starts with them.
    """
    if len(unread) < PARALLEL_FROM or not _can_fork():
        return _read_here(unread, checks)
    import multiprocessing

    import pcctrack.loader  # noqa: F401
    from pcctrack.validation import prepare

    prepare({p.kind for p in unread if p.kind is not None})

    with multiprocessing.get_context("fork").Pool(1) as pool:
        theirs = pool.apply_async(_read_here, (unread[1::2], checks))
        mine = _read_here(unread[0::2], checks)
        other = theirs.get()
    return mine[0] + other[0], mine[1] + other[1], {**other[2], **mine[2]}


def _can_fork() -> bool:
    return sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1


def entries_for(places: list[Placed]) -> _Read:
    """`validate`'s cache entries for these files, read now (`recheck` reads edited files so)."""
    return _read_here(places, checks=True)


def items_of(entry: dict[str, Any], shown: str, index: dict[str, str] | None, audits: dict[str, AuditFacts], policy: Policy) -> list[Item]:
    """The items a cache entry holds, resolved as `rules.items.resolve` would resolve them."""
    return [_decode(values, shown, index, audits, policy) for values in entry.get("items", ())]


def _read_here(unread: list[Placed], checks: bool) -> _Read:
    from pcctrack.loader import load_placed  # imports the models only when something must be read

    with acyclic():  # the loader frees the round-trip parser's cycles itself
        loaded = load_placed(unread)
        return _new_entries(loaded, checks), loaded.diagnostics, loaded.unreadable_ids


def _new_entries(loaded: Any, checks: bool) -> list[tuple[str, dict[str, Any]]]:
    """Cache entries for the records this run had to read (``checks``: see `collected`)."""
    from pcctrack.rules.items import known_as, record_items

    records = loaded.records
    out: list[tuple[str, dict[str, Any]]] = []
    if records.config_path is not None:
        config = records.config
        out.append(
            (
                records.config_path,
                {
                    "kind": RecordKind.CONFIG.value,
                    "roles": config.roles,
                    "force": config.force,
                    "verification": config.verification.model_dump(),
                    "undated_warning_days": config.undated_warning_days,
                },
            )
        )
    for a in records.audits:
        scale = [level.name for level in a.model.priority_scale]
        issued = a.model.dates.final_issued
        entry = {
            "audit": a.model.id,
            "scale": scale,
            "issued": iso(issued),
            "superseded_by": a.model.superseded_by,
            "restricted": a.model.restricted,
            "record": a.model.id,
            "title": known_as(a.model),
        }
        out.append((a.path, {"kind": RecordKind.AUDIT.value, **entry}))
    for kind, sourced in ((RecordKind.INSPECTION, records.inspections), (RecordKind.ACTION, records.actions)):
        for s in sourced:
            items = [_encode(i) for i in record_items(s)]
            if checks:
                items = [v for v in items if v[_DUE] is None or v[_ORIGINAL_DUE] is None]
            entry = {"kind": kind.value, "items": items}
            if kind is RecordKind.INSPECTION:
                entry.update(record=s.model.id, title=known_as(s.model))
            out.append((s.path, entry))
    if checks:
        models = {records.config_path: records.config} if records.config_path is not None else {}
        models.update({s.path: s.model for s in (*records.inspections, *records.audits, *records.actions)})
        for shown, entry in out:
            entry["checks"] = _checks(loaded, RecordKind(entry["kind"]), shown, models[shown])
            entry["checks"]["digest"] = _digest(entry)
    return out


def _digest(entry: dict[str, Any]) -> str:
    """What a record gives every other record's checks and items: its facts but their dates,
    and what resolves other records' items (pcctrack.yaml's settings, an audit's scale and
    dates). A file edited without changing it changes no other file's problems."""
    facts = {k: v for k, v in entry["checks"]["facts"].items() if k != "dated"}
    rest = {k: v for k, v in entry.items() if k not in ("checks", "items", "stamp")}
    return hashlib.sha256(orjson.dumps([facts, rest], option=orjson.OPT_SORT_KEYS)).hexdigest()[:24]


def _checks(loaded: Any, kind: RecordKind, shown: str, model: Any) -> dict[str, Any]:
    """What `validate` needs of one record that read: its facts for the checks across records,
    and the problems it has on its own, located now (a position depends on the file alone)."""
    from pcctrack.rules.crosscheck import one_record
    from pcctrack.validation import Problem

    own, facts = one_record(kind.value, model)
    located = [loaded.locate(Problem(shown, p.loc, p.message, p.at_key, p.severity)) for p in own]
    # The facts are already plain data (`dataclasses.asdict` would copy them deeply: a third of
    # a cold national validate); the defaults are left out, and come back by themselves.
    blank = vars(type(facts)(facts.kind))
    kept = {k: v for k, v in vars(facts).items() if k == "kind" or v != blank[k]}
    return {"facts": kept, "own": [[d.line, d.col, d.message, d.severity] for d in located]}


def _encode(item: Item) -> list[Any]:
    values = [getattr(item, name) for name in _FIELDS]
    for i in _DATE_AT:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    values[_TAGS] = list(item.tags)
    values[_ADDRESSEES] = list(item.addressees)
    values[_EVENTS] = [list(e) for e in item.events]
    values[_FILE] = None  # the shown path depends on where pcctrack runs from
    return values


_SOURCES = {s.value: s for s in Source}


def _decode(
    values: list[Any], shown: str, index: dict[str, str] | None, audits: dict[str, AuditFacts], policy: Policy
) -> Item:
    """An item from its cached values, resolved as `rules.items.resolve` would resolve it."""
    if len(values) != _WIDTH:
        raise ValueError("cache entry has the wrong number of fields")
    v = values.copy()
    for i in _DATE_AT:
        if v[i] is not None:
            v[i] = _day(v[i])
    v[_SOURCE] = _SOURCES[v[_SOURCE]]
    v[_TAGS] = tuple(v[_TAGS])
    v[_ADDRESSEES] = tuple(v[_ADDRESSEES])
    v[_EVENTS] = tuple(map(tuple, v[_EVENTS])) if v[_EVENTS] else ()
    v[_FILE] = shown
    # What Item(*v) makes, without a frozen dataclass's one guarded setattr per field:
    # a national tree builds tens of thousands of items on every warm run.
    item = _new_item(Item)
    item.__dict__.update(zip(_FIELDS, v))
    item.__dict__.update(resolved(item, index, audits, policy))
    return item


_WIDTH = len(_FIELDS)
_SOURCE, _TAGS, _ADDRESSEES, _EVENTS, _FILE = (_AT[name] for name in ("source", "tags", "addressees", "events", "file"))
_DUE, _ORIGINAL_DUE = _AT["due"], _AT["original_due"]
_day = date.fromisoformat
_new_item = object.__new__
