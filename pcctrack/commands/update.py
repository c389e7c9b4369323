"""`pcctrack update ID`: record what happened, without hand-editing YAML.

On a finding or audit action: append a progress entry or a verdict, set the status, record a
revised due date or a target. On `<inspection>.response`: the statutory steps. On an audit:
its final report date, assurance opinion and successor. On any of them: an office-only note.
Every change is written through `rewrite`: checked first, replaced atomically, and a refused
update leaves the file byte for byte as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.boundary import yamlio
from pcctrack.boundary.files import RecordKind
from pcctrack.commands import targets
from pcctrack.commands.common import Located
from pcctrack.commands.rewrite import Edit, current, rewrite
from pcctrack.errors import EXIT_OK, NotWritten, UsageProblem
from pcctrack.loader import load
from pcctrack.models.common import TrackedItem
from pcctrack.output import Output
from pcctrack.rules.editing import PLACE_AFTER, Change, EditRefused, UpdateRequest, keys_before, plan_update
from pcctrack.rules.facts import AUDIT_FACTS, RESPONSE_STEPS, Fact, Value, facts_for, plan_facts
from pcctrack.rules.items import tracked_in
from pcctrack.validation import model_for


def run(
    root: Path, ident: str, request: UpdateRequest, as_of: date, output: Output,
    facts: dict[str, Value] | None = None, internal_note: str | None = None,
) -> int:
    loaded = load(root)
    target = targets.find(loaded, ident)
    note = internal_note.strip() if internal_note and internal_note.strip() else None
    if target.located is not None:
        if facts:
            raise UsageProblem(f"{', '.join(facts)}: {_takes(target)}")
        edit = item_edit(target.located, request, note, as_of)
    elif target.named is targets.Named.INSPECTION:
        raise UsageProblem(
            f"{ident} is an inspection: update its findings by their ids, or its statutory response as {ident}.response"
        )
    else:
        _refuse_item_options(target, request)
        table, what = (RESPONSE_STEPS, "a response") if target.named is targets.Named.RESPONSE else (AUDIT_FACTS, "an audit")
        try:
            wanted = facts_for(facts or {}, table, what)
        except EditRefused as exc:
            raise UsageProblem(f"{ident}: {exc}") from None
        if not wanted and note is None:
            raise UsageProblem(f"{ident}: nothing to record: {_takes(target)}")
        edit = _record_edit(target, wanted, note, as_of)
    summary = rewrite(loaded, target.path, target.kind, as_of, edit, "the update", output)
    output.note(f"updated {ident} in {target.path}")
    for line in summary:
        output.note(f"  {line}")
    return EXIT_OK


def _takes(target: targets.Target) -> str:
    if target.named is targets.Named.RESPONSE:
        return f"{target.ident} takes {', '.join(RESPONSE_STEPS)} or --internal-note"
    if target.named is targets.Named.AUDIT:
        return f"{target.ident} is an audit: it takes {', '.join(AUDIT_FACTS)} or --internal-note"
    return (
        f"{target.ident} is a finding or audit action; the response's steps are recorded on "
        "<inspection>.response and an audit's facts on its audit id"
    )


def _refuse_item_options(target: targets.Target, request: UpdateRequest) -> None:
    """The log options belong to findings and actions; a response or an audit has no log."""
    given = [
        option
        for option, value in (
            ("--status", request.status), ("--verdict", request.verdict), ("--by", request.by), ("--note", request.note),
            ("--revise-due", request.revision), ("--target", request.target), ("--evidence", request.evidence or None),
        )
        if value is not None
    ]
    if given:
        raise UsageProblem(f"{', '.join(given)} {'is' if len(given) == 1 else 'are'} for a finding or an action: {_takes(target)}")


def item_edit(located: Located, request: UpdateRequest, note: str | None, as_of: date) -> Edit:
    """The edit `update` makes to a finding or action: one log entry (and the status, date or
    target the request sets) planned against the file as read under its lock, plus an
    office-only note; `import` records a follow-up's verdicts through it too."""
    def edit(raw: bytes, data: Any) -> list[str]:
        loc, item = _relocated(raw, located)
        node = _node(data, loc)
        summary: list[str] = []
        if note is None or not request.is_empty:
            change = _plan(item, located, request, as_of)
            apply(node, change)
            summary += change.summary
        if note is not None:
            summary.append(_add_internal(node, note))
        return summary

    return edit


def _record_edit(target: targets.Target, facts: list[Fact], note: str | None, as_of: date) -> Edit:
    model_cls = model_for(target.kind)

    def edit(raw: bytes, data: Any) -> list[str]:
        model = current(raw, target.kind, target.path)
        try:
            summary = plan_facts(model, facts, as_of) if facts else []
        except EditRefused as exc:
            raise UsageProblem(f"{target.ident}: {exc}") from None
        for fact in facts:
            _put(data, model_cls, fact.loc, fact.value)
        if note is not None:
            summary.append(_add_internal(data, note))
        return summary

    return edit


def _put(node: Any, model_cls: Any, loc: tuple[str, ...], value: Any) -> None:
    """Set the value at ``loc``, adding the mappings on the way where the record lacks them."""
    name, rest = loc[0], loc[1:]
    after = keys_before(model_cls, name)
    if not rest:
        yamlio.set_value(node, name, value, after=after)
        return
    inner = model_cls.model_fields[name].annotation
    if isinstance(node.get(name), dict):
        _put(node[name], inner, rest, value)
    else:
        yamlio.set_value(node, name, yamlio.new_mapping({}), after=after)
        _put(node[name], inner, rest, value)


def _add_internal(node: Any, note: str) -> str:
    """Append an office-only note to the `internal:` list (kept last, as the bundled records
    keep it): never published."""
    yamlio.append_item(node, "internal", note, after=list(node))
    return f"internal note (office only): {note}"


def _relocated(raw: bytes, located: Located) -> tuple[tuple[str | int, ...], TrackedItem]:
    """The item and its place in the file as read under the lock, not as first loaded: another
    update may have landed in between (its log entry counts), and a `git pull` may have moved
    the item, so it is found again by id."""
    model = current(raw, located.kind, located.path)
    found = next(((loc, item) for loc, item in tracked_in(model) if item.id == located.item.id), None)
    if found is None:
        raise NotWritten(f"{located.item.id} is no longer in {located.path}: nothing was written")
    return found


def _plan(item: TrackedItem, located: Located, request: UpdateRequest, as_of: date) -> Change:
    """The change ``request`` makes to ``item`` (as read under the lock)."""
    try:
        return plan_update(item, request, as_of, inspectorate_dated=located.kind is RecordKind.INSPECTION)
    except EditRefused as exc:
        raise UsageProblem(f"{located.item.id}: {exc}") from None


def _node(data: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def apply(node: Any, change: Change) -> None:
    """Make ``change`` in the item's mapping: only the lines it names change."""
    if change.status is not None:
        yamlio.set_value(node, "status", change.status.value, after=PLACE_AFTER["status"])
    if change.revised_due is not None:
        yamlio.append_item(node, "revised_due", yamlio.new_mapping(change.revised_due), after=PLACE_AFTER["revised_due"])
    if change.target is not None:
        yamlio.append_item(node, "targets", yamlio.new_mapping(change.target), after=PLACE_AFTER["targets"])
    yamlio.append_item(node, "log", yamlio.new_mapping(change.log_entry), after=PLACE_AFTER["log"])
