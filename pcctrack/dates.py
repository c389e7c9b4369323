"""Dates as the office writes them in documents: UK long form."""

from __future__ import annotations

from datetime import date


def long_date(value: date | None) -> str:
    """`31 March 2026`, as published responses and committee papers write dates."""
    return "" if value is None else f"{value.day} {value:%B %Y}"
