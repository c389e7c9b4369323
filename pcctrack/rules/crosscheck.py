"""Checks that need more than one record, or the date: ids, references, dates, vocabularies.

They run in two steps so that a cache can keep the first: `one_record` looks at a record alone
and gives the problems it has on its own and its `Facts` (what the other checks need of it:
its ids, references, roles, tags, scale and dates); `across` then checks every record's facts
against the others', pcctrack.yaml's and the date. `check` is both, for loaded records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from pcctrack.choices import did_you_mean
from pcctrack.roles import role_index
from pcctrack.rules import selection
from pcctrack.rules.items import Item, items, tracked
from pcctrack.validation import Loc, Problem

if TYPE_CHECKING:
    from pcctrack.models import Audit, Inspection
    from pcctrack.models.common import TrackedItem
    from pcctrack.records import RecordSet

_KINDS = ("inspection", "audit", "action")
"""The order ids are first claimed in: every inspection, then every audit, then every action."""


@dataclass
class Facts:
    """What one record contributes to the checks across records, as plain JSON-ready data
    (locations as lists, dates as text), so a cache can keep it and give it back equal."""

    kind: str
    ids: list[list[Any]] = field(default_factory=list)
    """[loc, id]: the record's own id, then its findings'."""
    items: list[list[Any]] = field(default_factory=list)
    """[loc, id, owner, lead, related ids, tags]: each finding, or the action itself."""
    tags: list[str] = field(default_factory=list)
    """An inspection's or audit's own tags."""
    supersedes: list[list[Any]] = field(default_factory=list)
    """[loc, id]: the finding or audit another one says replaces it (never itself)."""
    audit: str | None = None
    """An action's audit."""
    priority: str | None = None
    """An action's priority."""
    scale: list[str] = field(default_factory=list)
    """An audit's priority scale."""
    dated: list[list[Any]] = field(default_factory=list)
    """[loc, day]: a date that must not be after the day checked (see `_NOT_AFTER`)."""
    roles: dict[str, list[str]] | None = None
    """pcctrack.yaml's roles and their spellings."""
    vocabulary: list[str] | None = None
    """pcctrack.yaml's tags."""


def check(records: RecordSet, as_of: date, unreadable: Mapping[str, str] | None = None) -> list[Problem]:
    """Every cross-record problem in ``records`` as of ``as_of``, in file order.

    ``unreadable`` maps the ids found in files that failed to load to those files, so a
    reference to one of them is reported as what it is (its file has errors), never as an
    unknown id with a "did you mean" that would corrupt a good record.
    """
    checked = [(path, *one_record(kind, model)) for path, kind, model in _records(records)]
    own = [Problem(path, p.loc, p.message, p.at_key, p.severity) for path, problems, _ in checked for p in problems]
    files = [(path, facts) for path, _, facts in checked]
    return own + across(files, unreadable) + future_dates(files, as_of)


def warnings(records: RecordSet, as_of: date) -> Iterator[Problem]:
    """What `validate` reports without failing, for loaded records: see `undated_warnings`."""
    places = ((path, loc, item.id) for path, loc, item in tracked(records))
    return undated_warnings(undated_places(items(records), places), records.config.undated_warning_days, as_of)


class Undated(NamedTuple):
    """Open force work with no date and no target date, where its record says it."""

    path: str
    loc: tuple[Any, ...]
    id: str
    opened_on: date | None


def undated_places(found: Iterable[Item], places: Iterable[tuple[str, Any, str]]) -> list[Undated]:
    """Every item of ``found`` (resolved as `rules.items.items` resolves them) that is open
    force work with no date at all, with its place among ``places`` ((path, loc, id) of each
    tracked item: `item_places`, or `rules.items.tracked`'s): what the warnings of any day are
    made from."""
    undated = selection.undated(found)
    ids = {item.id for item in undated}
    where = {ident: (path, tuple(loc)) for path, loc, ident in places if ident in ids} if ids else {}
    return [Undated(*where[item.id], item.id, item.opened_on) for item in undated if item.id in where]


def item_places(files: Iterable[tuple[str, Facts]]) -> Iterator[tuple[str, list[Any], str]]:
    """(path, loc, id) of every finding and action the facts of ``files`` hold."""
    for path, facts in files:
        for loc, ident, *_ in facts.items:
            yield path, loc, ident


def undated_warnings(undated: Iterable[Undated], limit: int, as_of: date) -> Iterator[Problem]:
    """Open force work that has gone longer than ``limit`` days with no date at all, the most
    dangerous kind of item, until the force sets a target date."""
    for u in undated:
        if selection.undated_too_long(u.opened_on, as_of, limit):
            yield Problem(
                u.path,
                (*u.loc, "id"),
                f"{u.id} has been open {(as_of - u.opened_on).days} days with no date and no target date: set the force's "  # type: ignore[operator]
                f"target (`pcctrack update {u.id} --target DATE --reason ... --agreed-by ...`)",
                severity="warning",
            )


def _records(records: RecordSet) -> Iterator[tuple[str, str, Any]]:
    yield records.config_path or "", "config", records.config  # the models' defaults when there is no file
    for kind, group in (("inspection", records.inspections), ("audit", records.audits), ("action", records.actions)):
        for s in group:
            yield s.path, kind, s.model


def one_record(kind: str, model: Any) -> tuple[list[Problem], Facts]:
    """The problems one record has on its own (with no path: the caller knows it) and its facts."""
    facts, own = Facts(kind), []
    if kind == "config":
        facts.roles = model.roles
        facts.vocabulary = None if model.tags is None else list(model.tags)
        return own, facts
    facts.ids.append([["id"], model.id])
    if kind != "action":
        facts.tags = list(model.tags)
    if kind == "audit":
        own += _audit(model)
        facts.scale = [level.name for level in model.priority_scale]
        if model.superseded_by is not None and model.superseded_by != model.id:
            facts.supersedes.append([["superseded_by"], model.superseded_by])
        return own, facts
    if kind == "action":
        facts.audit, facts.priority = model.audit, model.priority
    held = [(("findings", i), f) for i, f in enumerate(model.findings)] if kind == "inspection" else [((), model)]
    for loc, item in held:
        if loc:
            facts.ids.append([[*loc, "id"], item.id])
        facts.items.append([list(loc), item.id, item.owner, item.lead, list(item.related), list(item.tags)])
        own += _item_dates(loc, item, facts)
        own += _voices(loc, item)
    if kind == "inspection":
        for i, f in enumerate(model.findings):
            if f.revised_due:
                own.append(
                    Problem(
                        "",
                        ("findings", i, "revised_due"),
                        "the inspectorate's date is never revised by the force: record the force's own "
                        "target date under 'targets' instead (`pcctrack update ID --target DATE`)",
                    )
                )
            if f.superseded_by == f.id:
                own.append(Problem("", ("findings", i, "superseded_by"), "a finding cannot supersede itself"))
            elif f.superseded_by is not None:
                facts.supersedes.append([["findings", i, "superseded_by"], f.superseded_by])
        own += _milestones(model, facts)
        own += _report_structure(model)
    return own, facts


def across(files: list[tuple[str, Facts]], unreadable: Mapping[str, str] | None = None) -> list[Problem]:
    """The problems of every record against the others and pcctrack.yaml, from each record's
    `Facts` (``files`` in file order); ``unreadable`` as for `check`. They do not depend on
    the day checked, nor on the facts' dates (`future_dates`)."""
    config = next((f for _, f in files if f.kind == "config"), Facts("config"))
    by_kind: dict[str, list[tuple[str, Facts]]] = {kind: [] for kind in (*_KINDS, "config")}
    for path, f in files:
        by_kind[f.kind].append((path, f))
    problems = list(_duplicate_ids([pair for kind in _KINDS for pair in by_kind[kind]]))
    findings = {ident for _, f in by_kind["inspection"] for loc, ident in f.ids if loc[0] == "findings"}
    known = {ident for _, f in files for _, ident in f.ids}
    audits = {f.ids[0][1]: f for _, f in by_kind["audit"]}
    unknown = _Unknown(unreadable or {})
    declared = role_index(config.roles)
    named = None if declared is None else {*declared, None}  # every declared spelling, or none given
    vocabulary = None if config.vocabulary is None else set(config.vocabulary)
    for path, f in by_kind["inspection"] + by_kind["action"]:
        for loc, _, owner, lead, related, tags in f.items:
            # Each check is called only where it may find something: a national tree has 10,000s of items.
            if vocabulary is not None and not vocabulary.issuperset(tags):
                problems += _tags(config.vocabulary, path, tuple(loc), tags)
            if named is not None and not named.issuperset((owner, lead)):
                problems += _roles(declared, path, tuple(loc), owner, lead)  # type: ignore[arg-type]
            for i, ref in enumerate(related):
                if ref not in known:
                    problems.append(Problem(path, (*loc, "related", i), unknown("related id", ref, known)))
    for kind, what, among in (("inspection", "finding", findings), ("audit", "audit", set(audits))):
        for path, f in by_kind[kind]:
            for loc, target in f.supersedes:
                if target not in among:
                    problems.append(Problem(path, tuple(loc), unknown(what, target, among)))
    problems += _superseded_loops(by_kind["inspection"])
    for path, f in by_kind["action"]:
        audit = audits.get(f.audit)  # type: ignore[arg-type]
        if audit is None:
            problems.append(Problem(path, ("audit",), unknown("audit", f.audit, set(audits))))  # type: ignore[arg-type]
        elif f.priority not in audit.scale:
            problems.append(
                Problem(
                    path,
                    ("priority",),
                    f"priority: {f.priority!r} is not on {audit.ids[0][1]}'s scale"
                    + (f"{hint} (use one of {', '.join(audit.scale)})" if (hint := did_you_mean(f.priority, audit.scale)) else f": use one of {', '.join(audit.scale)}"),  # type: ignore[arg-type]
                )
            )
    for path, f in by_kind["audit"] + by_kind["inspection"]:
        problems += _tags(config.vocabulary, path, (), f.tags)
    return problems


def future_dates(files: list[tuple[str, Facts]], as_of: date) -> list[Problem]:
    """Dates recorded as past that are after ``as_of``: updates, targets and milestones are
    recorded once they happen."""
    after = as_of.isoformat()
    problems = []
    for path, f in files:
        for loc, day in f.dated:
            if day > after:  # ISO dates sort as text
                message = _NOT_AFTER.get(loc[-1], _NOT_AFTER["milestone"])
                problems.append(Problem(path, tuple(loc), message.format(day=day, as_of=as_of, name=loc[-1])))
    return problems


def _duplicate_ids(files: list[tuple[str, Facts]]) -> Iterator[Problem]:
    """Every id claimed again after its first claim, ``files`` in the order ids are claimed."""
    first: dict[str, str] = {}
    for path, facts in files:
        for loc, ident in facts.ids:
            if ident in first:
                where = "earlier in this file" if first[ident] == path else f"in {first[ident]}"
                yield Problem(path, tuple(loc), f"duplicate id '{ident}': already used {where}; ids must be unique")
            else:
                first[ident] = path


def _item_dates(loc: Loc, item: TrackedItem, facts: Facts) -> list[Problem]:
    """Dates that contradict each other; those that must not be after the day checked go to
    ``facts.dated``."""
    out: list[Problem] = []
    if item.revised_due and item.due is None:
        out.append(Problem("", (*loc, "revised_due"), "revised_due needs the originally agreed 'due' date beside it"))
    for i, rev in enumerate(item.revised_due):
        if item.due is not None and rev.date <= item.due:
            out.append(
                Problem(
                    "",
                    (*loc, "revised_due", i, "date"),
                    f"revised date {rev.date} is not after the original due date {item.due}",
                )
            )
    previous = None
    for i, entry in enumerate(item.log):
        if previous is not None and entry.date < previous:
            out.append(
                Problem(
                    "",
                    (*loc, "log", i, "date"),
                    f"log entry dated {entry.date} comes after one dated {previous}: keep the log in date order",
                )
            )
        _not_after([*loc, "log", i, "date"], entry.date, facts)
        previous = entry.date
    logged = [e for e in item.log if e.status is not None]
    if logged and logged[-1].status != item.status:
        last = logged[-1]
        out.append(
            Problem(
                "",
                (*loc, "status"),
                f"status '{item.status or 'not given'}' disagrees with the latest log entry, which set "
                f"'{last.status}' on {last.date}: make them agree (the log is the item's history)",
            )
        )
    for i, target in enumerate(item.targets):
        _not_after([*loc, "targets", i, "set_on"], target.set_on, facts)
    for i, rev in enumerate(item.revised_due):
        _not_after([*loc, "revised_due", i, "agreed_on"], rev.agreed_on, facts)
    return out


def _not_after(loc: list[Any], day: date | None, facts: Facts) -> None:
    if day is not None:
        facts.dated.append([loc, day.isoformat()])


_NOT_AFTER = {
    "date": "log entry dated {day} is after {as_of}: updates cannot be in the future",
    "set_on": "target set on {day}, after {as_of}: record targets once they are set",
    "agreed_on": "revision agreed on {day}, after {as_of}: record revisions once they are agreed",
    "milestone": "{name} {day} is after {as_of}: record milestones once they happen",
}
"""What a date after the day checked means, by the key it is under (a milestone's is its name)."""


def _voices(loc: Loc, item: TrackedItem) -> list[Problem]:
    """Each log entry is the owner's claim or the verifier's verdict, and a verdict says whose."""
    out = []
    for i, entry in enumerate(item.log):
        if entry.status is not None and entry.verdict is not None:
            out.append(
                Problem(
                    "",
                    (*loc, "log", i, "verdict"),
                    "a log entry is either the owner's claim (status) or the verifier's verdict, not both: "
                    "record them as two entries",
                )
            )
        elif entry.verdict is not None and entry.by is None:
            out.append(Problem("", (*loc, "log", i, "verdict"), "a verdict needs 'by': who gave it (e.g. HMICFRS, or the follow-up audit)"))
    return out


def _roles(declared: dict[str, str], path: str, loc: Loc, owner: str | None, lead: str | None) -> list[Problem]:
    """Owners and leads are declared roles (``declared`` is `roles.role_index`'s, every
    spelling of every role)."""
    return [
        Problem(path, (*loc, key), _unknown(f"{key} role", role, set(declared), where=f"{key}s must be roles declared in pcctrack.yaml"))
        for key, role in (("owner", owner), ("lead", lead))
        if role is not None and role not in declared
    ]


def _audit(audit: Audit) -> list[Problem]:
    """An audit's opinion is on its firm's scale, and it does not supersede itself."""
    out = []
    if audit.assurance is not None and audit.assurance not in audit.assurance_scale:
        scale = ", ".join(audit.assurance_scale) or "none declared: add assurance_scale"
        out.append(Problem("", ("assurance",), _vocab_message("assurance", audit.assurance, audit.assurance_scale, scale)))
    if audit.superseded_by == audit.id:
        out.append(Problem("", ("superseded_by",), "an audit cannot supersede itself"))
    return out


def _vocab_message(what: str, value: str, allowed: list[str], shown: str) -> str:
    hint = did_you_mean(value, allowed, cutoff=0.5)
    return f"{what}: {value!r} is not on the audit's scale{hint} (use one of {shown})"


def _tags(vocabulary: list[str] | None, path: str, loc: Loc, tags: list[str]) -> list[Problem]:
    if vocabulary is None:
        return []
    return [
        Problem(path, (*loc, "tags", i), _unknown("tag", tag, set(vocabulary), where="tags must be declared in pcctrack.yaml"))
        for i, tag in enumerate(tags)
        if tag not in vocabulary
    ]


def _milestones(inspection: Inspection, facts: Facts) -> list[Problem]:
    out = []
    m = inspection.milestones
    for name in ("comments_requested", "chief_constable_comments", "published", "forwarded_home_office", "sent_hmicfrs"):
        value = getattr(m, name)
        if value is None or value is True:
            continue
        if value < inspection.published:
            out.append(Problem("", ("milestones", name), f"{name} {value} is before the report was published ({inspection.published})"))
        else:
            _not_after(["milestones", name], value, facts)
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


def _superseded_loops(inspections: list[tuple[str, Facts]]) -> list[Problem]:
    """Findings that supersede each other in a loop (A by B, B by A): each would count as
    closed by the other, so both would leave every list though neither stands."""
    where: dict[str, tuple[str, tuple[Any, ...]]] = {}
    successor: dict[str, str] = {}
    for path, f in inspections:
        ids = {loc[1]: ident for loc, ident in f.ids if loc[0] == "findings"}
        for loc, target in f.supersedes:
            ident = ids[loc[1]]
            where[ident], successor[ident] = (path, tuple(loc)), target
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
            *where[ident],
            f"superseded_by goes round in a loop ({' -> '.join([*loop, loop[0]])}): the last finding in a"
            " chain must be the one that stands, with no superseded_by",
        )
        for ident, loop in looped.items()
    ]


def _report_structure(inspection: Inspection) -> list[Problem]:
    """Findings numbered as one report printed them, and placed under areas it graded.

    Documents print numbers only as the report did, so two findings of one kind with one
    number from the same report would print the same heading twice; an area for improvement
    placed under an area the inspection has no judgement for would be lost from the document.
    """
    out: list[Problem] = []
    seen: dict[tuple[object, ...], int] = {}
    areas = {j.area for j in inspection.judgements}
    for i, f in enumerate(inspection.findings):
        if f.number is not None:
            key = (f.kind, f.number, f.origin)
            if key in seen:
                out.append(Problem("", ("findings", i, "number"), (
                    f"{f.kind.value.replace('-', ' ')} {f.number} is already findings[{seen[key]}] "
                    "from the same report: each number is printed once; correct the number or the origin"
                )))
            seen.setdefault(key, i)
        if f.area is not None and f.area not in areas:
            out.append(Problem("", ("findings", i, "area"), _unknown("judgement area", f.area, areas, "an area for improvement sits under one of this inspection's judgements")))
    return out
