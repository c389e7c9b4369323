"""Which items an analyst is asking about: overdue, falling due soon, awaiting verification,
with no date at all, filtered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from pcctrack.choices import did_you_mean
from pcctrack.rules.items import Item, Source


@dataclass(frozen=True)
class Filters:
    """The filters every listing command shares."""

    owner: str | None = None
    """Case-insensitive part of the owner's or the lead's role, or of any declared spelling."""
    priority: str | None = None
    source: Source | None = None
    owner_roles: frozenset[str] = field(default=frozenset(), compare=False)
    """The canonical roles whose declared spellings contain ``owner`` (see `with_roles`)."""

    def with_roles(self, roles: dict[str, list[str]] | None) -> Filters:
        """These filters knowing the declared roles, so --owner OPCC finds the role spelled
        'Office of the PCC' whose other spelling is OPCC."""
        if not self.owner or not roles:
            return self
        wanted = self.owner.casefold()
        matched = {name for name, spellings in roles.items() if any(wanted in s.casefold() for s in (name, *spellings))}
        return replace(self, owner_roles=frozenset(matched))

    def naming_nothing(self, items: Iterable[Item], roles: dict[str, list[str]] | None, scales: Iterable[list[str]]) -> str | None:
        """What is wrong when --owner or --priority names nothing that exists, or None.

        An empty answer to a filter that could never match looks like good news ("Nothing is
        overdue"); a slip of the keyboard must not read as a clean bill.
        """
        found = list(items)
        if self.owner:
            spellings = {s for name, other in (roles or {}).items() for s in (name, *other)}
            spellings |= {r for i in found for r in (i.owner, i.lead) if r}
            if not any(self.owner.casefold() in s.casefold() for s in spellings):
                named = ", ".join(sorted(roles or {s for i in found for s in (i.owner,) if s})) or "none"
                return f"--owner '{self.owner}' is part of no owner or lead role{did_you_mean(self.owner, spellings)} (roles: {named})"
        if self.priority:
            levels = [level for scale in scales for level in scale] + [i.priority for i in found if i.priority]
            if not any(self.priority.casefold() == level.casefold() for level in levels):
                named = ", ".join(dict.fromkeys(levels)) or "none: no audit has a priority scale"
                return f"--priority '{self.priority}' is on no audit's priority scale{did_you_mean(self.priority, levels)} (levels: {named})"
        return None

    def accepts(self, item: Item) -> bool:
        if self.owner and not self._owner_matches(item):
            return False
        if self.priority and (item.priority or "").casefold() != self.priority.casefold():
            return False
        return self.source is None or item.source == self.source

    def _owner_matches(self, item: Item) -> bool:
        wanted = self.owner.casefold()  # type: ignore[union-attr]
        for role in (item.owner, item.lead):
            if role is not None and (role in self.owner_roles or wanted in role.casefold()):
                return True
        return False


def is_actionable(item: Item) -> bool:
    """Open work that is the force's (or the office's) to do and has a date to measure."""
    return item.is_open and item.is_forces and (item.due is not None or item.target is not None)


def is_late(item: Item, as_of: date) -> bool:
    """Open force work past its deadline or behind the force's own target."""
    return is_actionable(item) and (
        (item.due is not None and item.due < as_of) or (item.target is not None and item.target < as_of)
    )


def overdue(items: Iterable[Item], as_of: date, filters: Filters = Filters()) -> list[Item]:
    """Open force items past their deadline or behind the force's own target, most late first.

    An item claimed complete that awaits its verifier is not the force's overdue work: it is
    listed by `awaiting_verification`.
    """
    late = [i for i in items if is_late(i, as_of) and filters.accepts(i)]
    return sorted(late, key=lambda i: (-_lateness(i, as_of), i.priority_rank, i.id))


def _lateness(item: Item, as_of: date) -> int:
    return max(item.days_overdue(as_of) or 0, item.days_behind_target(as_of) or 0)


def due_within(items: Iterable[Item], as_of: date, days: int, filters: Filters = Filters()) -> list[Item]:
    """Open items falling due (or reaching their target) from ``as_of`` to ``days`` days
    after it, soonest first."""
    until = as_of + timedelta(days=days)
    soon = []
    for i in items:
        if not (is_actionable(i) and filters.accepts(i)):
            continue
        when = i.due if i.due is not None else i.target
        if when is not None and as_of <= when <= until:
            soon.append(i)
    return sorted(soon, key=lambda i: (i.due or i.target, i.priority_rank, i.id))


def awaiting_verification(items: Iterable[Item], filters: Filters = Filters()) -> list[Item]:
    """Owner claims of completion waiting for the verifier, longest waiting first."""
    waiting = [i for i in items if i.awaiting and i.is_forces and filters.accepts(i)]
    return sorted(waiting, key=lambda i: (i.claimed_on or date.min, i.priority_rank, i.id))


def undated(items: Iterable[Item], filters: Filters = Filters()) -> list[Item]:
    """Open force work with neither a deadline nor a target date, oldest first."""
    found = [i for i in items if i.undated and filters.accepts(i)]
    return sorted(found, key=lambda i: (i.opened_on or date.min, i.priority_rank, i.id))


def long_undated(items: Iterable[Item], as_of: date, days: int, filters: Filters = Filters()) -> list[Item]:
    """Undated open force work issued more than ``days`` days before ``as_of``: what `validate`
    warns of and a scheduled check fails on (pcctrack.yaml's `undated_warning_days`)."""
    return [i for i in undated(items, filters) if undated_too_long(i.opened_on, as_of, days)]


def undated_too_long(opened_on: date | None, as_of: date, days: int) -> bool:
    """Whether undated work issued on ``opened_on`` has waited more than ``days`` by ``as_of``
    (work whose issue is not recorded is never said to have)."""
    return opened_on is not None and (as_of - opened_on).days > days


def sort_by_urgency(items: Iterable[Item]) -> list[Item]:
    """Earliest date first (so the most late first), then priority, then id."""
    return sorted(items, key=lambda i: (i.due or i.target or date.max, i.priority_rank, i.id))
