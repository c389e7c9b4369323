"""`pcctrack overdue`: open work past its agreed date, most overdue first."""

from __future__ import annotations

import dataclasses
from collections.abc import Sized
from datetime import date
from pathlib import Path

from pcctrack.boundary.answers import answered
from pcctrack.commands.common import ITEM_COLUMNS, MACHINE_ITEM_COLUMNS, display_row, emit, item_row, listing_items
from pcctrack.dates import long_date
from pcctrack.errors import EXIT_FINDINGS, EXIT_OK
from pcctrack.boundary.listing import Tree
from pcctrack.output import Output
from pcctrack.reporters.job_summary import listing_summary
from pcctrack.reporters.tabular import TableFormat
from pcctrack.rules import selection


def run(
    root: Path,
    as_of: date,
    filters: selection.Filters,
    due_within: int | None,
    fmt: TableFormat,
    output: Output,
    fail_on_overdue: bool = False,
) -> int:
    """List overdue (or soon due) items; with ``fail_on_overdue``, exit 1 if any are overdue.

    The exit code lets a scheduled CI job turn red when work slips, whatever the listing.
    """
    question = ["overdue", as_of.isoformat(), dataclasses.astuple(filters), due_within, fmt.value, fail_on_overdue]
    return answered(root, question, output, lambda tree, out: _listing(root, tree, as_of, filters, due_within, fmt, out, fail_on_overdue))


def _listing(
    root: Path,
    tree: Tree,
    as_of: date,
    filters: selection.Filters,
    due_within: int | None,
    fmt: TableFormat,
    output: Output,
    fail_on_overdue: bool,
) -> int:
    everything = listing_items(root, output, tree)
    late = selection.overdue(everything, as_of, filters)
    if due_within is None:
        chosen = late
        title = f"Overdue as of {long_date(as_of)}: {_count(chosen)}"
        empty = "Nothing is overdue."
    else:
        chosen = selection.due_within(everything, as_of, due_within, filters)
        title = f"Falling due in the {due_within} days from {long_date(as_of)}: {_count(chosen)}"
        empty = "Nothing falls due in that period."
    row = display_row if fmt in (TableFormat.TABLE, TableFormat.MARKDOWN) else item_row
    emit(output, fmt, ITEM_COLUMNS, [row(i, as_of) for i in chosen], title, MACHINE_ITEM_COLUMNS, empty)
    output.add_summary(lambda: listing_summary("overdue", title, ITEM_COLUMNS, [display_row(i, as_of) for i in chosen], empty))
    if fail_on_overdue and late:
        output.note(f"pcctrack: {_count(late)} overdue as of {long_date(as_of)}")
        return EXIT_FINDINGS
    return EXIT_OK


def _count(chosen: Sized) -> str:
    return f"{len(chosen)} item{'s' if len(chosen) != 1 else ''}"
