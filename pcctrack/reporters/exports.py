"""The file formats `pcctrack export` writes, and what makes each one open correctly."""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    ICS = "ics"
    JSON = "json"


CSV_BOM = "\ufeff"
"""Excel reads a CSV as UTF-8 only when it starts with a byte-order mark."""
