"""`pcctrack export`: tracked items as files analysts open elsewhere (Excel, calendars, scripts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pcctrack.commands.common import KIND_LABELS, MACHINE_ITEM_COLUMNS, item_row, known_filters, left_out, load_for_listing, scales
from pcctrack.errors import EXIT_FINDINGS, EXIT_OK, UsageProblem
from pcctrack.output import Output
from pcctrack.reporters.exports import CSV_BOM, ExportFormat
from pcctrack.reporters.tabular import Column, to_csv, to_json
from pcctrack.rules import ledger, selection
from pcctrack.rules.items import Item, items

INSTALL_HINT = "install it with: python3 -m pip install 'pcctrack[export]' (or '.[export]' in a checkout of pcctrack)"


SPREADSHEET_COLUMNS = [Column(c.key, c.key.replace("_", " ").capitalize()) for c in MACHINE_ITEM_COLUMNS]


def run(
    root: Path,
    as_of: date,
    filters: selection.Filters,
    overdue_only: bool,
    due_within: int | None,
    fmt: ExportFormat,
    out_file: Path | None,
    output: Output,
) -> int:
    if fmt is ExportFormat.XLSX and out_file is None:
        raise UsageProblem("an XLSX workbook is a binary file: name it with -o FILE, e.g. -o items.xlsx")
    loaded = load_for_listing(root, output)
    everything = items(loaded.records)
    filters = known_filters(filters, everything, loaded.records.config.roles, scales(loaded.records))
    chosen = choose(ledger.as_of_view(everything, as_of), as_of, filters, overdue_only, due_within)
    if fmt is ExportFormat.ICS:
        chosen = [i for i in chosen if selection.is_actionable(i)]
    data = render(chosen, as_of, fmt)
    code = EXIT_FINDINGS if left_out(loaded.diagnostics) else EXIT_OK
    if out_file is None:
        output.write_bytes(data)
        return code
    try:
        out_file.write_bytes(data)
    except OSError as exc:
        raise UsageProblem(f"cannot write {out_file}: {exc.strerror or exc}") from None
    what = "event" if fmt is ExportFormat.ICS else "item"
    output.note(f"wrote {len(chosen)} {what}{'s' if len(chosen) != 1 else ''} to {out_file}")
    return code


def choose(everything: list[Item], as_of: date, filters: selection.Filters, overdue_only: bool, due_within: int | None) -> list[Item]:
    """The same selections as `overdue`: overdue, due within DAYS, or every item that passes
    the filters, most urgent first."""
    if overdue_only:
        return selection.overdue(everything, as_of, filters)
    if due_within is not None:
        return selection.due_within(everything, as_of, due_within, filters)
    return selection.sort_by_urgency(i for i in everything if filters.accepts(i))


def render(chosen: list[Item], as_of: date, fmt: ExportFormat) -> bytes:
    """The file's bytes. XLSX and ICS need the `export` extra, so a missing package is a
    message saying how to install it, not a traceback."""
    rows = [item_row(i, as_of) for i in chosen]
    if fmt is ExportFormat.CSV:
        return (CSV_BOM + to_csv(MACHINE_ITEM_COLUMNS, rows)).encode("utf-8")
    if fmt is ExportFormat.JSON:
        return to_json(rows).encode("utf-8")
    try:
        if fmt is ExportFormat.XLSX:
            from pcctrack.reporters.spreadsheet import to_xlsx

            return to_xlsx(SPREADSHEET_COLUMNS, rows)
        from pcctrack.reporters.calendar import to_ics

        return to_ics(chosen, as_of, KIND_LABELS)
    except ImportError as exc:
        raise UsageProblem(f"{fmt.value.upper()} export needs the {exc.name} package: {INSTALL_HINT}") from None
