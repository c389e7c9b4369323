"""What each owner role owes as of a day: the pure selection behind `pcctrack remind`.

No files, no clock: the items and the day are given. The ledger (`rules.ledger`, through
`rules.selection`) decides what is open, overdue or awaiting verification; this module only
groups that work by role and splits it into the four lists a reminder shows.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pcctrack.rules import selection
from pcctrack.rules.items import Item, Source

DUE_WITHIN_DAYS = 30
STALE_DAYS = 60


@dataclass(frozen=True)
class Owed:
    """One role's reminder: each list in the order the owner should read it."""

    role: str
    overdue: list[Item]
    """Past the deadline or behind the force's target, most overdue first."""
    due_soon: list[Item]
    """Falling due within the window, soonest first."""
    stale: list[Item]
    """Other open work with no log entry for the stale period, longest silent first."""
    awaiting: list[Item]
    """Claimed complete, waiting for the verifier, longest waiting first."""

    @property
    def total(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.stale) + len(self.awaiting)

    def ahead(self, as_of: date) -> list[Item]:
        """The work still to do whose date (or, with none, target) is ``as_of`` or later: what
        the calendar attachment holds, since a date already passed has no place in a diary."""
        return [
            i for i in (*self.overdue, *self.due_soon, *self.stale)
            if selection.is_actionable(i) and (i.due or i.target) >= as_of  # type: ignore[operator]
        ]


def owed_by_role(items: Iterable[Item], as_of: date, due_within: int = DUE_WITHIN_DAYS, stale_days: int = STALE_DAYS) -> list[Owed]:
    """Every role that owes something, by role name: an item counts for its owner and for its
    lead, since both are chased. Items addressed only to other bodies are not the force's."""
    by_role: dict[str, list[Item]] = {}
    for item in items:
        if not item.is_forces:
            continue
        for role in {item.owner, item.lead} - {None}:
            by_role.setdefault(role, []).append(item)  # type: ignore[arg-type]
    owed = (owed_for(role, mine, as_of, due_within, stale_days) for role, mine in sorted(by_role.items()))
    return [o for o in owed if o.total]


def owed_for(role: str, items: list[Item], as_of: date, due_within: int, stale_days: int) -> Owed:
    """``role``'s four lists from its own ``items``; an item appears in one list only."""
    late = selection.overdue(items, as_of)
    behind = {i.id for i in late}
    soon = [i for i in selection.due_within(items, as_of, due_within) if i.id not in behind]
    listed = behind | {i.id for i in soon}
    silent_since = as_of - timedelta(days=stale_days)
    stale = [
        i for i in items
        if i.is_open and i.id not in listed and i.source is not Source.RESPONSE and _last_heard(i) <= silent_since
    ]
    stale.sort(key=lambda i: (_last_heard(i), i.priority_rank, i.id))
    return Owed(role, late, soon, stale, selection.awaiting_verification(items))


def _last_heard(item: Item) -> date:
    """The latest log entry, else the day the item was issued; never heard of, the earliest."""
    return item.latest_on or item.opened_on or date.min


def update_line(item: Item, role: str) -> str:
    """The `pcctrack update` command the analyst runs once the reply arrives, with the parts
    the reply fills in written in capitals. A claim awaiting verification is settled by the
    verifier's verdict; anything else by the owner's own update. A statutory response is not
    updated this way: its publication is recorded in the inspection's milestones."""
    if item.source is Source.RESPONSE:
        return f"record the publication date under milestones.published in {item.file}"
    if item.awaiting:
        return f"pcctrack update {shlex.quote(item.id)} --verdict STATUS --by {shlex.quote(item.closed_by)} --note 'WHAT THE VERIFIER FOUND'"
    return f"pcctrack update {shlex.quote(item.id)} --status STATUS --by {shlex.quote(role)} --note 'WHAT THE OWNER REPORTS'"
