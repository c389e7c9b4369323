"""`pcctrack overdue`: open work past its agreed date, most overdue first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pcctrack.commands.common import ITEM_COLUMNS, MACHINE_ITEM_COLUMNS, display_row, emit, item_row, listing_items
from pcctrack.dates import long_date
from pcctrack.errors import EXIT_OK
from pcctrack.output import Output
from pcctrack.reporters.tabular import TableFormat
from pcctrack.rules import selection


def run(
    root: Path,
    as_of: date,
    filters: selection.Filters,
    due_within: int | None,
    fmt: TableFormat,
    output: Output,
) -> int:
    everything = listing_items(root, output)
    if due_within is None:
        chosen = selection.overdue(everything, as_of, filters)
        title = f"Overdue as of {long_date(as_of)}: {len(chosen)} item{'s' if len(chosen) != 1 else ''}"
        empty = "Nothing is overdue."
    else:
        chosen = selection.due_within(everything, as_of, due_within, filters)
        title = (
            f"Falling due in the {due_within} days from {long_date(as_of)}: "
            f"{len(chosen)} item{'s' if len(chosen) != 1 else ''}"
        )
        empty = "Nothing falls due in that period."
    row = display_row if fmt in (TableFormat.TABLE, TableFormat.MARKDOWN) else item_row
    rows = [row(i, as_of) for i in chosen]
    emit(output, fmt, ITEM_COLUMNS, rows, title, MACHINE_ITEM_COLUMNS, empty)
    return EXIT_OK
