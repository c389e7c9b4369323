"""`pcctrack status`: roll-up counts, by status (or another key) against priority."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path

from pcctrack.commands.common import emit, known_filters, listing_items
from pcctrack.dates import long_date
from pcctrack.output import Output
from pcctrack.reporters.tabular import Column, Row, TableFormat
from pcctrack.rules import selection
from pcctrack.rules import rollup as rollups


def run(
    root: Path,
    as_of: date,
    by: rollups.GroupBy,
    filters: selection.Filters,
    fmt: TableFormat,
    output: Output,
) -> int:
    listing = listing_items(root, output)
    filters = known_filters(filters, listing.items, listing.roles, listing.scales.values())
    chosen = [i for i in listing.as_of(as_of) if filters.accepts(i)]
    result = rollups.rollup(chosen, by, as_of, listing.scales)
    if fmt is TableFormat.JSON:
        output.write(json.dumps(as_json(result, as_of), indent=2) + "\n")
        return listing.exit_code()
    columns = [Column("key", by.value.capitalize(), style="bold", wrap=True, heads=True)]
    columns += [Column(f"p:{c}", c, justify="right") for c in result.columns]
    columns += [Column(k, label, justify="right") for k, label in COUNT_COLUMNS]
    rows = [_flat(r) for r in (*result.rows, result.totals)]
    split = "" if by is rollups.GroupBy.PRIORITY else " and priority"
    title = f"The force's tracked items by {by.value}{split}, as of {long_date(as_of)}"
    emit(output, fmt, columns, rows, title)
    if result.others:
        output.note(
            f"For information: {result.others} finding{'s' if result.others != 1 else ''} addressed only to "
            "other bodies (the Home Office, the NCA, the College of Policing...) are not counted above."
        )
    return listing.exit_code()


COUNT_COLUMNS = [
    ("total", "Total"),
    ("open", "Open"),
    ("awaiting", "Awaiting verification"),
    ("overdue", "Overdue"),
    ("undated", "No date"),
]


def _flat(row: rollups.Row) -> Row:
    flat: Row = {"key": row.key, "total": row.total, "open": row.open, "awaiting": row.awaiting, "overdue": row.overdue, "undated": row.undated}
    flat.update({f"p:{k}": v for k, v in row.counts.items()})
    return flat


def as_json(result: rollups.Rollup, as_of: date) -> dict[str, object]:
    """The roll-up for scripts: rows keyed by the grouping value, counts keyed by priority."""
    return {
        "as_of": as_of.isoformat(),
        "by": result.by.value,
        "priorities": result.columns,
        "rows": [asdict(r) for r in result.rows],
        "totals": asdict(result.totals),
        "addressed_to_others": result.others,
    }
