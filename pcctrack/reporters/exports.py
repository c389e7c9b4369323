"""The formats pcctrack writes beyond tables and diagnostics: export files, and single views."""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    ICS = "ics"
    JSON = "json"


class ViewFormat(StrEnum):
    """For commands that show one thing: text for people, or JSON for scripts."""

    TEXT = "text"
    JSON = "json"


CSV_BOM = "\ufeff"
"""Excel reads a CSV as UTF-8 only when it starts with a byte-order mark."""
