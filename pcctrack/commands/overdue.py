"""`pcctrack overdue`: open work past its date, most overdue first; or what awaits its
verifier, or what has no date at all."""

from __future__ import annotations

from collections.abc import Sized
from datetime import date
from enum import StrEnum
from pathlib import Path

from pcctrack.boundary.answers import answered
from pcctrack.boundary.listing import Tree
from pcctrack.commands.common import ITEM_COLUMNS, MACHINE_ITEM_COLUMNS, display_row, emit, item_row, known_filters, listing_items
from pcctrack.dates import long_date
from pcctrack.errors import EXIT_FINDINGS
from pcctrack.output import Output
from pcctrack.reporters.job_summary import listing_summary
from pcctrack.reporters.tabular import Column, TableFormat
from pcctrack.rules import selection
from pcctrack.rules.items import Item


class Listed(StrEnum):
    """Which list `overdue` prints."""

    OVERDUE = "overdue"
    DUE_WITHIN = "due-within"
    AWAITING = "awaiting"
    UNDATED = "undated"


WAITING_COLUMNS = [
    Column("days_waiting", "Waiting", justify="right", label="Days waiting"),
    *ITEM_COLUMNS[1:5],
    Column("closed_by", "Verifier", wrap=True),
    Column("status_label", "Status", max_width=24, wrap=True),
    Column("title_short", "Title", max_width=60, wrap=True),
]
UNDATED_COLUMNS = [Column("age_days", "Age", justify="right", label="Days since issue"), *ITEM_COLUMNS[1:5], *ITEM_COLUMNS[6:]]


def run(
    root: Path,
    as_of: date,
    filters: selection.Filters,
    due_within: int | None,
    fmt: TableFormat,
    output: Output,
    fail_on_overdue: bool = False,
    awaiting: bool = False,
    undated: bool = False,
) -> int:
    """List overdue items (or those due soon, awaiting verification, or undated); with
    ``fail_on_overdue``, exit 1 if any are overdue.

    The exit code lets a scheduled CI job turn red when work slips, whatever the listing.
    """
    listed = Listed.AWAITING if awaiting else Listed.UNDATED if undated else Listed.DUE_WITHIN if due_within is not None else Listed.OVERDUE
    question = ["overdue", as_of.isoformat(), [filters.owner, filters.priority, filters.source], due_within, fmt.value, fail_on_overdue, listed.value]
    return answered(root, question, output, lambda tree, out: _listing(root, tree, as_of, filters, due_within, fmt, out, fail_on_overdue, listed))


def _listing(
    root: Path,
    tree: Tree,
    as_of: date,
    filters: selection.Filters,
    due_within: int | None,
    fmt: TableFormat,
    output: Output,
    fail_on_overdue: bool,
    listed: Listed,
) -> int:
    listing = listing_items(root, output, tree)
    filters = known_filters(filters, listing.items, listing.roles, listing.scales.values())
    everything = listing.as_of(as_of)
    late = selection.overdue(everything, as_of, filters)
    columns = ITEM_COLUMNS
    if listed is Listed.OVERDUE:
        chosen, title, empty = late, f"Overdue as of {long_date(as_of)}: {_count(late)}", "Nothing is overdue."
    elif listed is Listed.DUE_WITHIN:
        chosen = selection.due_within(everything, as_of, due_within or 0, filters)
        title = f"Falling due in the {due_within} days from {long_date(as_of)}: {_count(chosen)}"
        empty = "Nothing falls due in that period."
    elif listed is Listed.AWAITING:
        chosen, columns = selection.awaiting_verification(everything, filters), WAITING_COLUMNS
        title = f"Claimed complete and awaiting verification as of {long_date(as_of)}: {_count(chosen)}"
        empty = "Nothing awaits verification."
    else:
        chosen, columns = selection.undated(everything, filters), UNDATED_COLUMNS
        title = f"Open with no target date as of {long_date(as_of)}: {_count(chosen)}"
        empty = "Every open item has a date or a target date."
    row = display_row if fmt in (TableFormat.TABLE, TableFormat.MARKDOWN) else item_row
    emit(output, fmt, columns, [row(i, as_of) for i in chosen], title, MACHINE_ITEM_COLUMNS, empty)
    output.add_summary(lambda: listing_summary("overdue", title, columns, [display_row(i, as_of) for i in chosen], empty))
    if listed is Listed.OVERDUE and fmt is TableFormat.TABLE:
        _mention_the_rest(output, everything, filters)
    if fail_on_overdue:
        stale = selection.long_undated(everything, as_of, listing.undated_warning_days, filters)
        if late or stale:
            parts = [f"{_count(late)} overdue"] if late else []
            if stale:
                parts.append(f"{_count(stale)} open more than {listing.undated_warning_days} days with no date (--undated)")
            output.note(f"pcctrack: {' and '.join(parts)} as of {long_date(as_of)}")
            return EXIT_FINDINGS
    return listing.exit_code()


def _mention_the_rest(output: Output, everything: list[Item], filters: selection.Filters) -> None:
    """Nothing open is invisible: say how many items the overdue list cannot show."""
    waiting = len(selection.awaiting_verification(everything, filters))
    undated = len(selection.undated(everything, filters))
    parts = []
    if waiting:
        parts.append(f"{_count(waiting)} awaiting verification (--awaiting)")
    if undated:
        parts.append(f"{_count(undated)} open with no target date (--undated)")
    if parts:
        output.note("Not listed above: " + "; ".join(parts) + ".")


def _count(chosen: Sized | int) -> str:
    n = chosen if isinstance(chosen, int) else len(chosen)
    return f"{n} item{'s' if n != 1 else ''}"
