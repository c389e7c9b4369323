"""Slipped dates: what audit committees ask first about any action."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pcctrack.rules.items import Item


@dataclass(frozen=True)
class Slip:
    item: Item
    original_due: date
    current_due: date
    times_revised: int
    days_slipped: int


def slipped(items: Iterable[Item]) -> list[Slip]:
    """Items whose agreed date has been revised, the furthest slipped first.

    Measured from the originally agreed date, never from the previous revision, so a date
    moved three times a month at a time shows as three months' slippage.
    """
    slips = [
        Slip(i, i.original_due, i.due, i.revisions, (i.due - i.original_due).days)
        for i in items
        if i.revisions and i.original_due is not None and i.due is not None
    ]
    return sorted(slips, key=lambda s: (-s.days_slipped, s.item.id))
