"""XLSX for analysts: one styled Excel table with filters, a frozen header and real dates."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from pcctrack.reporters.tabular import Column, Row, cell

DATE_FORMAT = "yyyy-mm-dd"
_MAX_WIDTH = 60


def to_xlsx(columns: Sequence[Column], rows: Sequence[Row], sheet: str = "Items") -> bytes:
    """The rows as an Excel workbook. Dates are date cells (so they sort and filter as dates),
    and text always stays text: a title starting with '=' is never turned into a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([c.header for c in columns])
    for row in rows:
        ws.append([_value(row.get(c.key)) for c in columns])
    for data_row in ws.iter_rows(min_row=2):
        for xl in data_row:
            if isinstance(xl.value, str):
                xl.data_type = "s"
            elif isinstance(xl.value, date):
                xl.number_format = DATE_FORMAT
    for xl in ws[1]:
        xl.font = Font(bold=True, color="FFFFFF")
        xl.fill = PatternFill("solid", fgColor="1F4E78")
        xl.alignment = Alignment(vertical="top")
    for index, column in enumerate(columns, start=1):
        longest = max([len(column.header), *(len(cell(r.get(column.key))) for r in rows)])
        ws.column_dimensions[get_column_letter(index)].width = min(longest + 2, _MAX_WIDTH)
    ws.freeze_panes = "A2"
    reference = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    if rows:
        table = Table(displayName=sheet.replace(" ", ""), ref=reference)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    else:  # Excel refuses a table with no data rows; a plain filter still marks the header
        ws.auto_filter.ref = reference
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _value(value: object) -> object:
    """Numbers and dates as themselves; everything else (lists too) as its text."""
    if value is None or isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return value
    return cell(value)
