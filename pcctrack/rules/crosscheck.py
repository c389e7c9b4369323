"""Checks that need more than one record, or the date: ids, references, dates, vocabularies."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from datetime import date

from pcctrack.models import Inspection
from pcctrack.choices import Status
from pcctrack.models.common import TrackedItem
from pcctrack.records import RecordSet, Sourced
from pcctrack.rules.items import tracked
from pcctrack.validation import Loc, Problem


def check(records: RecordSet, as_of: date) -> list[Problem]:
    """Every cross-record problem in ``records`` as of ``as_of``, in file order."""
    problems = list(_duplicate_ids(records))
    findings = {f.id for s in records.inspections for f in s.model.findings}
    known = {ident for _, _, ident in _all_ids(records)}
    audits = {s.model.id: s.model for s in records.audits}

    for src, loc, item in tracked(records):
        problems += _item_dates(src, loc, item, as_of)
        problems += _vocabulary(records, src, loc, item)
        for i, ref in enumerate(item.related):
            if ref not in known:
                problems.append(Problem(src, (*loc, "related", i), _unknown("related id", ref, known)))
    for s in records.inspections:
        for i, f in enumerate(s.model.findings):
            if f.superseded_by is not None:
                target = f.superseded_by
                if target == f.id:
                    problems.append(Problem(s.path, ("findings", i, "superseded_by"), "a finding cannot supersede itself"))
                elif target not in findings:
                    problems.append(Problem(s.path, ("findings", i, "superseded_by"), _unknown("finding", target, findings)))
        problems += _milestones(s, as_of)
    for s in records.actions:
        audit = audits.get(s.model.audit)
        if audit is None:
            problems.append(Problem(s.path, ("audit",), _unknown("audit", s.model.audit, set(audits))))
            continue
        scale = [level.name for level in audit.priority_scale]
        if s.model.priority not in scale:
            problems.append(
                Problem(
                    s.path,
                    ("priority",),
                    f"priority: {s.model.priority!r} is not on {audit.id}'s scale: use one of {', '.join(scale)}",
                )
            )
    for s in records.audits + records.inspections:  # type: ignore[operator]
        problems += _tags(records, s.path, (), s.model.tags)
    problems += _superseded_loops(records)
    return problems


def _superseded_loops(records: RecordSet) -> list[Problem]:
    """Findings that supersede each other in a loop (A by B, B by A): each would count as
    closed by the other, so both would leave every list though neither stands."""
    where = {f.id: (s.path, i) for s in records.inspections for i, f in enumerate(s.model.findings)}
    successor = {f.id: f.superseded_by for s in records.inspections for f in s.model.findings if f.superseded_by}
    looped: dict[str, list[str]] = {}
    for start in successor:
        chain, current = [], start
        while current in successor and current not in chain and current not in looped:
            chain.append(current)
            current = successor[current]
        loop = chain[chain.index(current):] if current in chain else []
        if len(loop) > 1:  # a finding superseding itself is reported on its own
            looped.update(dict.fromkeys(loop, loop))
    return [
        Problem(
            where[ident][0],
            ("findings", where[ident][1], "superseded_by"),
            f"superseded_by goes round in a loop ({' -> '.join([*loop, loop[0]])}): the last finding in a"
            " chain must be the one that stands, with no superseded_by",
        )
        for ident, loop in looped.items()
    ]


def _all_ids(records: RecordSet) -> Iterator[tuple[str, Loc, str]]:
    for s in records.inspections:
        yield s.path, ("id",), s.model.id
        for i, f in enumerate(s.model.findings):
            yield s.path, ("findings", i, "id"), f.id
    for a in records.audits:
        yield a.path, ("id",), a.model.id
    for act in records.actions:
        yield act.path, ("id",), act.model.id


def _duplicate_ids(records: RecordSet) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for path, loc, ident in _all_ids(records):
        if ident in first:
            where = "earlier in this file" if first[ident] == path else f"in {first[ident]}"
            yield Problem(path, loc, f"duplicate id '{ident}': already used {where}; ids must be unique")
        else:
            first[ident] = path


def _item_dates(path: str, loc: Loc, item: TrackedItem, as_of: date) -> list[Problem]:
    out: list[Problem] = []
    if item.revised_due and item.due is None:
        out.append(Problem(path, (*loc, "revised_due"), "revised_due needs the originally agreed 'due' date beside it"))
    for i, rev in enumerate(item.revised_due):
        if item.due is not None and rev.date <= item.due:
            out.append(
                Problem(
                    path,
                    (*loc, "revised_due", i, "date"),
                    f"revised date {rev.date} is not after the original due date {item.due}",
                )
            )
    previous = None
    for i, entry in enumerate(item.log):
        if previous is not None and entry.date < previous:
            out.append(
                Problem(
                    path,
                    (*loc, "log", i, "date"),
                    f"log entry dated {entry.date} comes after one dated {previous}: keep the log in date order",
                )
            )
        if entry.date > as_of:
            out.append(Problem(path, (*loc, "log", i, "date"), f"log entry dated {entry.date} is after {as_of}: updates cannot be in the future"))
        previous = entry.date
    logged = [e for e in item.log if e.status is not None]
    if logged and logged[-1].status != item.status:
        last = logged[-1]
        out.append(
            Problem(
                path,
                (*loc, "status"),
                f"status '{item.status}' disagrees with the latest log entry, which set "
                f"'{last.status}' on {last.date}: add a log entry for the change",
            )
        )
    if item.closure is not None:
        if not item.closure.status.is_closing:
            out.append(
                Problem(path, (*loc, "closure", "status"), f"closure status '{item.closure.status}' does not close an item: use {_closing()}")
            )
        if not item.status.is_closing:
            out.append(
                Problem(path, (*loc, "status"), f"the item has a closure but its status is '{item.status}': set a closing status ({_closing()})")
            )
        if item.closure.date > as_of:
            out.append(Problem(path, (*loc, "closure", "date"), f"closure dated {item.closure.date} is after {as_of}"))
    return out


def _closing() -> str:
    return ", ".join(s.value for s in Status if s.is_closing)


def _vocabulary(records: RecordSet, path: str, loc: Loc, item: TrackedItem) -> list[Problem]:
    out = _tags(records, path, loc, item.tags)
    roles = records.config.roles
    if roles is not None and item.owner is not None and records.config.canonical_role(item.owner) is None:
        known = set(roles) | {a for aliases in roles.values() for a in aliases}
        out.append(Problem(path, (*loc, "owner"), _unknown("owner role", item.owner, known, where="owners must be roles declared in pcctrack.yaml")))
    return out


def _tags(records: RecordSet, path: str, loc: Loc, tags: list[str]) -> list[Problem]:
    vocabulary = records.config.tags
    if vocabulary is None:
        return []
    return [
        Problem(path, (*loc, "tags", i), _unknown("tag", tag, set(vocabulary), where="tags must be declared in pcctrack.yaml"))
        for i, tag in enumerate(tags)
        if tag not in vocabulary
    ]


def _milestones(s: Sourced[Inspection], as_of: date) -> list[Problem]:
    out = []
    m = s.model.milestones
    for name in ("comments_requested", "chief_constable_comments", "published", "forwarded_home_office"):
        value = getattr(m, name)
        if value is None:
            continue
        if value < s.model.published:
            out.append(Problem(s.path, ("milestones", name), f"{name} {value} is before the report was published ({s.model.published})"))
        elif value > as_of:
            out.append(Problem(s.path, ("milestones", name), f"{name} {value} is after {as_of}: record milestones once they happen"))
    return out


def _unknown(what: str, value: str, known: set[str], where: str = "") -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1)
    message = f"unknown {what} '{value}'"
    if close:
        message += f": did you mean '{close[0]}'?"
    return message + (f" ({where})" if where else "")
