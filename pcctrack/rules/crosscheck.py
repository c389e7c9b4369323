"""Checks that need more than one record, or the date: ids, references, dates, vocabularies."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from pcctrack.choices import did_you_mean
from pcctrack.models import Audit, Inspection
from pcctrack.models.common import TrackedItem
from pcctrack.records import RecordSet, Sourced
from pcctrack.rules import selection
from pcctrack.rules.items import items, tracked
from pcctrack.validation import Loc, Problem


def check(records: RecordSet, as_of: date, unreadable: Mapping[str, str] | None = None) -> list[Problem]:
    """Every cross-record problem in ``records`` as of ``as_of``, in file order.

    ``unreadable`` maps the ids found in files that failed to load to those files, so a
    reference to one of them is reported as what it is (its file has errors), never as an
    unknown id with a "did you mean" that would corrupt a good record.
    """
    problems = list(_duplicate_ids(records))
    findings = {f.id for s in records.inspections for f in s.model.findings}
    known = {ident for _, _, ident in _all_ids(records)}
    audits = {s.model.id: s.model for s in records.audits}
    unknown = _Unknown(unreadable or {})

    for src, loc, item in tracked(records):
        problems += _item_dates(src, loc, item, as_of)
        problems += _voices(src, loc, item)
        problems += _vocabulary(records, src, loc, item)
        for i, ref in enumerate(item.related):
            if ref not in known:
                problems.append(Problem(src, (*loc, "related", i), unknown("related id", ref, known)))
    for s in records.inspections:
        for i, f in enumerate(s.model.findings):
            if f.revised_due:
                problems.append(
                    Problem(
                        s.path,
                        ("findings", i, "revised_due"),
                        "the inspectorate's date is never revised by the force: record the force's own "
                        "target date under 'targets' instead (`pcctrack update ID --target DATE`)",
                    )
                )
            if f.superseded_by is not None:
                target = f.superseded_by
                if target == f.id:
                    problems.append(Problem(s.path, ("findings", i, "superseded_by"), "a finding cannot supersede itself"))
                elif target not in findings:
                    problems.append(Problem(s.path, ("findings", i, "superseded_by"), unknown("finding", target, findings)))
        problems += _milestones(s, as_of)
        problems += _report_structure(s)
    for s in records.audits:
        problems += _audit(s, audits, unknown)
    for s in records.actions:
        audit = audits.get(s.model.audit)
        if audit is None:
            problems.append(Problem(s.path, ("audit",), unknown("audit", s.model.audit, set(audits))))
            continue
        scale = [level.name for level in audit.priority_scale]
        if s.model.priority not in scale:
            problems.append(
                Problem(
                    s.path,
                    ("priority",),
                    f"priority: {s.model.priority!r} is not on {audit.id}'s scale"
                    + (f"{hint} (use one of {', '.join(scale)})" if (hint := did_you_mean(s.model.priority, scale)) else f": use one of {', '.join(scale)}"),
                )
            )
    for s in records.audits + records.inspections:  # type: ignore[operator]
        problems += _tags(records, s.path, (), s.model.tags)
    problems += _superseded_loops(records)
    return problems


def warnings(records: RecordSet, as_of: date) -> Iterator[Problem]:
    """What `validate` reports without failing: open force work that has gone too long with no
    date at all, the most dangerous kind of item, until the force sets a target date."""
    places = {item.id: (path, loc) for path, loc, item in tracked(records)}
    for item in selection.long_undated(items(records), as_of, records.config.undated_warning_days):
        if item.id in places:
            path, loc = places[item.id]
            yield Problem(
                path,
                (*loc, "id"),
                f"{item.id} has been open {item.age_days(as_of)} days with no date and no target date: set the force's "
                f"target (`pcctrack update {item.id} --target DATE --reason ... --agreed-by ...`)",
                severity="warning",
            )


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
                f"status '{item.status or 'not given'}' disagrees with the latest log entry, which set "
                f"'{last.status}' on {last.date}: make them agree (the log is the item's history)",
            )
        )
    for i, target in enumerate(item.targets):
        if target.set_on is not None and target.set_on > as_of:
            out.append(Problem(path, (*loc, "targets", i, "set_on"), f"target set on {target.set_on}, after {as_of}: record targets once they are set"))
    for i, rev in enumerate(item.revised_due):
        if rev.agreed_on is not None and rev.agreed_on > as_of:
            out.append(Problem(path, (*loc, "revised_due", i, "agreed_on"), f"revision agreed on {rev.agreed_on}, after {as_of}: record revisions once they are agreed"))
    return out


def _voices(path: str, loc: Loc, item: TrackedItem) -> list[Problem]:
    """Each log entry is the owner's claim or the verifier's verdict, and a verdict says whose."""
    out = []
    for i, entry in enumerate(item.log):
        if entry.status is not None and entry.verdict is not None:
            out.append(
                Problem(
                    path,
                    (*loc, "log", i, "verdict"),
                    "a log entry is either the owner's claim (status) or the verifier's verdict, not both: "
                    "record them as two entries",
                )
            )
        elif entry.verdict is not None and entry.by is None:
            out.append(Problem(path, (*loc, "log", i, "verdict"), "a verdict needs 'by': who gave it (e.g. HMICFRS, or the follow-up audit)"))
    return out


def _vocabulary(records: RecordSet, path: str, loc: Loc, item: TrackedItem) -> list[Problem]:
    out = _tags(records, path, loc, item.tags)
    roles = records.config.roles
    if roles is None:
        return out
    known = set(roles) | {a for aliases in roles.values() for a in aliases}
    for key, role in (("owner", item.owner), ("lead", item.lead)):
        if role is not None and records.config.canonical_role(role) is None:
            out.append(Problem(path, (*loc, key), _unknown(f"{key} role", role, known, where=f"{key}s must be roles declared in pcctrack.yaml")))
    return out


def _audit(s: Sourced[Audit], audits: dict[str, Audit], unknown: _Unknown) -> list[Problem]:
    """An audit's opinion is on its firm's scale, and what supersedes it exists."""
    audit, out = s.model, []
    if audit.assurance is not None and audit.assurance not in audit.assurance_scale:
        scale = ", ".join(audit.assurance_scale) or "none declared: add assurance_scale"
        out.append(Problem(s.path, ("assurance",), _vocab_message("assurance", audit.assurance, audit.assurance_scale, scale)))
    later = audit.superseded_by
    if later is not None:
        if later == audit.id:
            out.append(Problem(s.path, ("superseded_by",), "an audit cannot supersede itself"))
        elif later not in audits:
            out.append(Problem(s.path, ("superseded_by",), unknown("audit", later, set(audits))))
    return out


def _vocab_message(what: str, value: str, allowed: list[str], shown: str) -> str:
    hint = did_you_mean(value, allowed, cutoff=0.5)
    return f"{what}: {value!r} is not on the audit's scale{hint} (use one of {shown})"


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
    for name in ("comments_requested", "chief_constable_comments", "published", "forwarded_home_office", "sent_hmicfrs"):
        value = getattr(m, name)
        if value is None or value is True:
            continue
        if value < s.model.published:
            out.append(Problem(s.path, ("milestones", name), f"{name} {value} is before the report was published ({s.model.published})"))
        elif value > as_of:
            out.append(Problem(s.path, ("milestones", name), f"{name} {value} is after {as_of}: record milestones once they happen"))
    return out


@dataclass(frozen=True)
class _Unknown:
    """Says why a reference does not resolve: a typo (with the nearest id), or a target whose
    own file could not be read."""

    unreadable: Mapping[str, str]

    def __call__(self, what: str, value: str, known: set[str]) -> str:
        if value in self.unreadable:
            return (
                f"{what} '{value}' is defined in {self.unreadable[value]}, which has errors: "
                "fix that file and this reference resolves"
            )
        return _unknown(what, value, known)


def _unknown(what: str, value: str, known: set[str], where: str = "") -> str:
    message = f"unknown {what} '{value}'" + did_you_mean(value, sorted(known))
    return message + (f" ({where})" if where else "")


def _report_structure(s: Sourced[Inspection]) -> list[Problem]:
    """Findings numbered as one report printed them, and placed under areas it graded.

    Documents print numbers only as the report did, so two findings of one kind with one
    number from the same report would print the same heading twice; an area for improvement
    placed under an area the inspection has no judgement for would be lost from the document.
    """
    out: list[Problem] = []
    seen: dict[tuple[object, ...], int] = {}
    areas = {j.area for j in s.model.judgements}
    for i, f in enumerate(s.model.findings):
        if f.number is not None:
            key = (f.kind, f.number, f.origin)
            if key in seen:
                out.append(Problem(s.path, ("findings", i, "number"), (
                    f"{f.kind.value.replace('-', ' ')} {f.number} is already findings[{seen[key]}] "
                    "from the same report: each number is printed once; correct the number or the origin"
                )))
            seen.setdefault(key, i)
        if f.area is not None and f.area not in areas:
            out.append(Problem(s.path, ("findings", i, "area"), _unknown("judgement area", f.area, areas, "an area for improvement sits under one of this inspection's judgements")))
    return out
