"""Dates as the office writes them in documents: UK long form."""

from __future__ import annotations

import re
from datetime import date

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
"""The dates pcctrack accepts, in records and options: far wider than any inspection, audit or
deadline, and far enough from the calendar's ends (1 and 9999) that adding a statutory period
or a look-ahead never overflows."""
MAX_DAYS_AHEAD = 36_500
"""The longest look-ahead (--due-within) accepted: a hundred years."""
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
"""YYYY-MM-DD only (Python also reads 20250101 and 2025-W01-1)."""


def out_of_range(value: date) -> str | None:
    """Why ``value`` is refused, or None when it is within EARLIEST to LATEST."""
    if EARLIEST <= value <= LATEST:
        return None
    return f"{value.isoformat()} is outside the dates pcctrack accepts ({EARLIEST.year} to {LATEST.year}): check the year"


def long_date(value: date | None) -> str:
    """`31 March 2026`, as published responses and committee papers write dates."""
    return "" if value is None else f"{value.day} {value:%B %Y}"


def iso(day: date | None) -> str | None:
    """A date as records' events and the cache store it (YYYY-MM-DD), or None."""
    return None if day is None else day.isoformat()


def from_iso(text: str | None) -> date | None:
    """`iso` read back."""
    return date.fromisoformat(text) if text else None
