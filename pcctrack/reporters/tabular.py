"""One table, four renderings: a rich table for people, JSON, CSV and Markdown for the rest.

Listing commands describe their columns once and hand rows here, so every format shows the
same fields in the same order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pcctrack.documents.text import escape_markdown
from pcctrack.reporters.diagnostics import for_people, printable
from pcctrack.rules.visible import visible

if TYPE_CHECKING:
    from rich.table import Table


class TableFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    justify: str = "left"
    max_width: int | None = None
    style: str | None = None
    wrap: bool = False
    """Only long prose columns wrap; ids, dates and numbers stay on one line."""


Row = dict[str, Any]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """How a value reads in a text cell."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def to_json(rows: Sequence[Row]) -> str:
    """Indented JSON, as `json.dumps(indent=2, ensure_ascii=False)` writes it, but written by
    orjson: the standard library's indenting encoder is pure Python and slow for long lists."""
    import orjson

    return orjson.dumps(list(rows), default=_json_default, option=orjson.OPT_INDENT_2).decode() + "\n"


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_csv(columns: Sequence[Column], rows: Sequence[Row]) -> str:
    """CSV with a header row; text that a spreadsheet would run as a formula is neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for row in rows:
        writer.writerow([_safe(row.get(c.key)) for c in columns])
    return buffer.getvalue()


def _safe(value: Any) -> str:
    text = cell(value)
    if isinstance(value, str) and (text.startswith(_FORMULA_START) or visible(text).lstrip().startswith(_FORMULA_START)):
        return "'" + text
    return text


def to_markdown(columns: Sequence[Column], rows: Sequence[Row]) -> str:
    align = {"left": ":--", "right": "--:", "center": ":-:"}
    lines = [
        "| " + " | ".join(c.header for c in columns) + " |",
        "| " + " | ".join(align.get(c.justify, ":--") for c in columns) + " |",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_md(cell(row.get(c.key))) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """One table cell: on one line, escaped as the documents escape record text (so a title
    cannot become a link, an image or HTML), control characters shown escaped."""
    return printable(escape_markdown(text))


def to_rich(columns: Sequence[Column], rows: Sequence[Row]) -> Table:
    from rich.table import Table  # only people's tables pay for rich's table

    table = Table(header_style="bold", expand=False)
    for c in columns:
        table.add_column(
            c.header,
            justify=c.justify,  # type: ignore[arg-type]
            max_width=c.max_width,
            style=c.style,
            no_wrap=not c.wrap,
            overflow="fold" if c.wrap else "ellipsis",
        )
    for row in rows:
        table.add_row(*(for_people(cell(row.get(c.key))) for c in columns))
    return table
