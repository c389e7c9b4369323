"""Facts about a whole record, set once when they happen: a response's statutory steps, an
audit's final report date, opinion and successor.

Unlike an item's log, these are single values: recording one fills a gap, and a value
already recorded is never silently replaced (a correction is an edit of the file, reviewed
in Git like any other). Decided without touching a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pcctrack.rules.editing import EditRefused

Value = date | bool | str | list[str]


@dataclass(frozen=True)
class Fact:
    """One fact to record: the option that gave it, where it goes in the record, its value."""

    option: str
    loc: tuple[str, ...]
    value: Value


RESPONSE_STEPS: dict[str, tuple[str, ...]] = {
    "--comments-requested": ("milestones", "comments_requested"),
    "--chief-constable-comments": ("milestones", "chief_constable_comments"),
    "--published": ("milestones", "published"),
    "--published-undated": ("milestones", "published"),
    "--forwarded-home-office": ("milestones", "forwarded_home_office"),
    "--sent-hmicfrs": ("milestones", "sent_hmicfrs"),
}
"""The s.55 steps `update <inspection>.response` records, in the order they happen."""

AUDIT_FACTS: dict[str, tuple[str, ...]] = {
    "--final-issued": ("dates", "final_issued"),
    "--assurance-scale": ("assurance_scale",),
    "--assurance": ("assurance",),
    "--superseded-by": ("superseded_by",),
}
"""What `update <audit>` records about the audit report itself."""

_WORDS = {
    "comments_requested": "chief constable's comments requested",
    "chief_constable_comments": "chief constable's comments received",
    "published": "published",
    "forwarded_home_office": "sent to the Home Secretary",
    "sent_hmicfrs": "sent to HMICFRS",
    "final_issued": "final report issued",
    "assurance_scale": "assurance scale",
    "assurance": "assurance opinion",
    "superseded_by": "superseded by",
}


def facts_for(given: dict[str, Value], table: dict[str, tuple[str, ...]], what: str) -> list[Fact]:
    """The facts ``given`` (option -> value) asks for, all of which must belong in ``table``."""
    wrong = [option for option in given if option not in table]
    if wrong:
        allowed = ", ".join(table)
        raise EditRefused(f"{', '.join(wrong)} cannot be recorded on {what} (it takes {allowed})")
    if "--published" in given and "--published-undated" in given:
        raise EditRefused("give --published DATE or --published-undated, not both")
    return [Fact(option, loc, given[option]) for option, loc in table.items() if option in given]


def plan_facts(record: Any, facts: list[Fact], as_of: date) -> list[str]:
    """One line per fact recorded, for the person who asked; refused when a fact is already
    recorded (with another value), or a date is after ``as_of``."""
    if not facts:
        raise EditRefused("nothing to record")
    summary = []
    for fact in facts:
        current = _current(record, fact.loc)
        name = fact.loc[-1]
        if isinstance(fact.value, date) and not isinstance(fact.value, bool) and fact.value > as_of:
            raise EditRefused(f"{fact.option} {fact.value} is after {as_of}: record it once it has happened")
        if current == fact.value:
            raise EditRefused(f"{_WORDS[name]} is already recorded as {_shown(current)}: nothing to change")
        if current is not None and not (current is True and isinstance(fact.value, date)):
            raise EditRefused(
                f"{_WORDS[name]} is already recorded as {_shown(current)}; a recorded fact is not "
                f"replaced by a command: correct {'.'.join(fact.loc)} in the file, and say why in the commit"
            )
        summary.append(f"{_WORDS[name]}: {_shown(fact.value)}")
    return summary


def _current(record: Any, loc: tuple[str, ...]) -> Any:
    for part in loc:
        record = getattr(record, part, None)
    return record or None if isinstance(record, list) else record


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return "yes, date not recorded" if value is True else str(value)
