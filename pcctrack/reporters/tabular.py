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
    label: str | None = None
    """The header written out in full where a narrow terminal shows one block per row."""
    heads: bool = False
    """The column that names the row: each block on a narrow terminal starts with it."""


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


def to_rich(columns: Sequence[Column], rows: Sequence[Row]) -> Fitted:
    """A table for people that fits the terminal it is printed on (see `Fitted`)."""
    return Fitted(list(columns), [[for_people(cell(row.get(c.key))) for c in columns] for row in rows])


READABLE = 16
"""The narrowest a prose column may be squeezed before a table gives way to blocks."""


@dataclass(frozen=True)
class Fitted:
    """Rows laid out for the width they are printed at, never splitting a word: the whole
    table where it fits; narrower prose columns, wrapped at spaces, where that is enough; else
    one block per row, each field labelled. Rich's own squeezing cuts words into fragments
    ("Detec|tive"), so the widths are chosen here."""

    columns: list[Column]
    cells: list[list[str]]

    def __rich_console__(self, console: Any, options: Any) -> Any:
        width = options.max_width
        widths = self.widths(width)
        if widths is None:
            yield from self.blocks(width)
        else:
            yield self.table(widths)

    def widths(self, width: int) -> list[int | None] | None:
        """Each column's width (None: rich's natural one) for a table within ``width``, or None
        when no table fits without squeezing prose below `READABLE` or splitting a word."""
        from rich.cells import cell_len

        room = width - (3 * len(self.columns) + 1)  # borders and padding
        natural, least = [], []
        for i, c in enumerate(self.columns):
            texts = [row[i] for row in self.cells]
            full = max(map(cell_len, texts), default=0)
            natural.append(max(min(full, c.max_width or full), cell_len(c.header)))
            words = max((cell_len(w) for t in [c.header, *texts] for w in t.split()), default=0)
            least.append(max(words, min(natural[-1], READABLE)) if c.wrap else max(full, words))
        if sum(natural) <= room:
            return [None] * len(self.columns)
        if sum(least) > room:
            return None
        chosen = natural[:]
        for _ in range(sum(natural) - room):  # narrow the widest column that can give, one at a time
            widest = max((i for i in range(len(chosen)) if chosen[i] > least[i]), key=lambda i: chosen[i])
            chosen[widest] -= 1
        return chosen  # type: ignore[return-value]

    def table(self, widths: list[int | None]) -> Table:
        from rich.table import Table  # only people's tables pay for rich's table

        table = Table(header_style="bold", expand=False)
        for c, w in zip(self.columns, widths):
            fixed = w is not None
            table.add_column(
                c.header,
                justify=c.justify,  # type: ignore[arg-type]
                max_width=None if fixed else c.max_width,
                width=w,
                style=c.style,
                no_wrap=not (c.wrap or fixed),
                overflow="fold" if c.wrap or fixed else "ellipsis",
            )
        for row in self.cells:
            table.add_row(*row)
        return table

    def blocks(self, width: int) -> Any:
        """One block per row: the naming column on its own line, then the short fields
        labelled and joined on as few lines as fit, then each prose field, all wrapped at
        spaces and indented."""
        from rich.text import Text

        head = next((i for i, c in enumerate(self.columns) if c.heads), 0)
        indent = "  "
        for row in self.cells:
            yield Text("")
            yield Text(row[head], style="bold")
            short = [f"{c.label or c.header}: {row[i]}" for i, c in enumerate(self.columns) if i != head and row[i] and not _prose(c)]
            lines = _packed(short, width - len(indent))
            for i, c in enumerate(self.columns):
                if _prose(c) and row[i]:
                    lines += _wrapped(row[i], width - len(indent))
            for line in lines:
                yield Text(indent + line, no_wrap=True, overflow="ignore")


def _packed(fields: list[str], width: int, joiner: str = " · ") -> list[str]:
    """Fields joined on as few lines as fit, each line broken only between fields, or (for a
    field too long for a line of its own) between its words."""
    lines: list[str] = []
    for field in fields:
        if lines and len(lines[-1]) + len(joiner) + len(field) <= width:
            lines[-1] += joiner + field
        else:
            lines += _wrapped(field, width)
    return lines


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` on lines of at most ``width`` characters, broken only at spaces."""
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def _prose(column: Column) -> bool:
    """A column of sentences (a title) reads best on lines of its own in a block."""
    return column.wrap and (column.max_width or 0) >= 40
