"""Who closes what, when, and against which date: the tracker's meaning, as pure rules.

Every item has two voices. The owner (the force, or management for an audit action) claims
progress and completion; a verifier (HMICFRS at a revisit, internal audit at a follow-up)
gives verdicts. Which voice closes which kind of item is the office's setting
(`pcctrack.yaml`, `verification`). A claim of completion that still needs its verifier is
"awaiting verification": neither closed nor ordinary open work.

An item's history is a sequence of dated events (claims, verdicts, revised dates, targets, the
response's publication), so the tracker can be replayed as it stood on any day. Events whose
date the records do not hold count from the day the item was issued.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pcctrack.rules.items import Item

RESPONSE_KIND = "statutory-response"
ACTION_KIND = "management-action"

OPEN = "open"
AWAITING = "awaiting-verification"
CLOSED = "closed"
OWNER = "owner"

CLOSING_STATUSES = frozenset({"completed", "implemented", "closed", "superseded", "not-adopted"})
"""Statuses that end the work on an item (the same set as `choices.Status.is_closing`, kept
here as text so the rules run from the cache without the models)."""

# Event kinds, as stored in `Item.events` (date or None, kind, value).
CLAIM = "s"
"""The owner's status."""
VERDICT = "v"
"""The verifier's status."""
REVISED = "d"
"""A newly agreed due date (audit actions)."""
TARGET = "t"
"""A target date the force set itself."""
PUBLISHED = "p"
"""The statutory response was published."""

Event = Sequence[Any]
"""(date written YYYY-MM-DD or None, kind, value): plain values, so the cache stores them as
they are and only a replay of an earlier day parses them."""


@dataclass(frozen=True)
class Policy:
    """The office's answer to "who closes what" (`pcctrack.yaml`, `verification`)."""

    cause_of_concern: str = "HMICFRS"
    recommendation: str = "HMICFRS"
    area_for_improvement: str = "HMICFRS"
    national: str = OWNER
    management_action: str = "internal audit"
    owner_closes_priorities: tuple[str, ...] = ()
    undated_warning_days: int = 90

    @classmethod
    def from_settings(cls, verification: dict[str, Any] | None, undated_warning_days: int = 90) -> Policy:
        """The policy from the config's plain values (as the cache stores them)."""
        values = dict(verification or {})
        values["owner_closes_priorities"] = tuple(values.get("owner_closes_priorities") or ())
        return cls(**values, undated_warning_days=undated_warning_days)

    def closed_by(self, kind: str, national: bool, priority: str | None) -> str:
        """Whose word closes an item of this kind: OWNER, or the verifier who must confirm."""
        if kind == RESPONSE_KIND:
            return OWNER
        if kind == ACTION_KIND:
            folded = (priority or "").casefold()
            if any(folded == p.casefold() for p in self.owner_closes_priorities):
                return OWNER
            return self.management_action
        if national:
            return self.national
        return {
            "cause-of-concern": self.cause_of_concern,
            "recommendation": self.recommendation,
            "area-for-improvement": self.area_for_improvement,
        }.get(kind, OWNER)


@dataclass(frozen=True)
class Standing:
    """How an item stands once its events up to a day are applied."""

    status: str | None
    verdict: str | None
    state: str
    closed_on: date | None
    claimed_on: date | None
    due: date | None
    target: date | None


def settle(events: Iterable[Event], closes_on_claim: bool, original_due: date | None, until: date | None = None) -> Standing:
    """Apply ``events`` (those dated on or before ``until``, and every undated one) in order.

    The latest closing verdict closes an item; so does the owner's closing claim where the
    owner may close it. A closing claim the verifier has not yet answered awaits verification;
    a later verdict that does not close it sends it back to open work.
    """
    limit = until.isoformat() if until is not None else None
    status = verdict = None
    claim_on = verdict_on = None
    claimed = False
    published: date | None = None
    was_published = False
    due, target = original_due, None
    for on, kind, value in events:
        if limit is not None and on is not None and on > limit:
            continue
        day = _day(on)
        if kind == CLAIM:
            status = value
            if value in CLOSING_STATUSES:
                if not claimed:
                    claim_on = day
                claimed = True
            else:
                claimed, claim_on = False, None
        elif kind == VERDICT:
            verdict, verdict_on = value, day
        elif kind == REVISED:
            due = _day(value)
        elif kind == TARGET:
            target = _day(value)
        elif kind == PUBLISHED:
            was_published, published = True, day
    if was_published:
        return Standing("published", None, CLOSED, published, None, due, target)
    if verdict in CLOSING_STATUSES:
        return Standing(status, verdict, CLOSED, verdict_on, claim_on if claimed else None, due, target)
    if claimed and closes_on_claim:
        return Standing(status, verdict, CLOSED, claim_on, claim_on, due, target)
    if claimed and not _answered(claim_on, verdict_on, verdict):
        return Standing(status, verdict, AWAITING, None, claim_on, due, target)
    return Standing(status, verdict, OPEN, None, None, due, target)


def _answered(claim_on: date | None, verdict_on: date | None, verdict: str | None) -> bool:
    """Has the verifier spoken since the claim was made (a verdict on or after its day)?"""
    if verdict is None:
        return False
    if verdict_on is None:
        return False  # an undated verdict counts from the item's issue, before any claim
    return claim_on is None or verdict_on >= claim_on


def settled_on(events: Iterable[Event]) -> date | None:
    """The last day on which any event happened: replaying a later day changes nothing."""
    days = [on for on, _, _ in events if on is not None]
    return _day(max(days)) if days else None


def at(item: Item, as_of: date) -> Item | None:
    """``item`` as it stood on ``as_of``; None if it had not yet been issued.

    Most questions are asked about today, after every recorded event, and cost nothing.
    """
    if item.opened_on is not None and item.opened_on > as_of:
        return None
    if item.settled_on is None or item.settled_on <= as_of:
        return item
    s = settle(item.events, item.closed_by == OWNER, item.original_due, as_of)
    revisions = sum(1 for on, kind, _ in item.events if kind == REVISED and (on is None or on <= as_of.isoformat()))
    return dataclasses.replace(item, **standing_fields(s, item.kind), revisions=revisions)


def standing_fields(s: Standing, kind: str) -> dict[str, Any]:
    """The item fields a standing decides, the same whether an item is settled as it stands
    now (`items.resolve`) or replayed for an earlier day (`at`). A statutory response is
    'published' or 'unpublished'; other items keep the owner's claim, or none."""
    status = s.status or ("unpublished" if kind == RESPONSE_KIND else None)
    return {
        "status": status,
        "confirmed_status": s.verdict,
        "state": s.state,
        "closed_on": s.closed_on,
        "claimed_on": s.claimed_on,
        "due": s.due,
        "target": s.target,
    }


def as_of_view(items: Iterable[Item], as_of: date) -> list[Item]:
    """The tracker as it stood on ``as_of``: items issued later are absent, the rest replayed."""
    out = []
    for item in items:
        then = at(item, as_of)
        if then is not None:
            out.append(then)
    return out


_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
}
_IMMEDIATE = re.compile(r"\b(with immediate effect|immediately)\b", re.IGNORECASE)
_WITHIN = re.compile(r"\bwithin\s+([a-z-]+|\d+)\s+(day|week|month|year)s?\b", re.IGNORECASE)


def due_from_timescale(timescale: str | None, published: date) -> date | None:
    """The date a report's own timing words set, counted from its publication.

    "With immediate effect" is due on the day of publication; "within three months" three
    months after it. Any other wording sets no date (the item is then "no target date").
    """
    if not timescale:
        return None
    if _IMMEDIATE.search(timescale):
        return published
    match = _WITHIN.search(timescale)
    if match is None:
        return None
    count_text, unit = match.group(1).casefold(), match.group(2).casefold()
    count = int(count_text) if count_text.isdigit() else _WORD_NUMBERS.get(count_text)
    if count is None or count > 120:
        return None
    if unit == "day":
        return published + timedelta(days=count)
    if unit == "week":
        return published + timedelta(weeks=count)
    return _add_months(published, count * (12 if unit == "year" else 1))


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)
