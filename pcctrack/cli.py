"""The command line: parse options, then call a command function. Nothing else lives here."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

import pcctrack
from pcctrack import settings
from pcctrack.errors import guarded
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import DiagnosticFormat
from pcctrack.reporters.tabular import TableFormat
from pcctrack.rules.items import Source
from pcctrack.rules.rollup import GroupBy
from pcctrack.rules.selection import Filters

app = typer.Typer(
    name="pcctrack",
    help="Track inspection findings, audit actions and the PCC's statutory responses.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

RecordsOption = Annotated[
    Optional[Path],
    typer.Option(
        "--records",
        envvar="PCCTRACK_RECORDS",
        metavar="DIR",
        help="The records folder [default: the nearest records/ at or above the current folder].",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        envvar="PCCTRACK_AS_OF",
        metavar="YYYY-MM-DD",
        help="Measure dates as of this day [default: today].",
        show_default=False,
    ),
]
OwnerOption = Annotated[Optional[str], typer.Option("--owner", help="Only items whose owner role contains this text.")]
PriorityOption = Annotated[Optional[str], typer.Option("--priority", help="Only items of this priority, e.g. High.")]
SourceOption = Annotated[Optional[Source], typer.Option("--source", help="Only items from this source.")]
TableFormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pcctrack {pcctrack.__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Track inspection findings, audit actions and the PCC's statutory responses."""


@app.command()
@guarded
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders to check [default: all records].", show_default=False)] = None,
    records: RecordsOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[DiagnosticFormat, typer.Option("--format", "-f", help="How to report problems.")] = DiagnosticFormat.TEXT,
) -> int:
    """Check records against their models and each other. Exit 1 if anything is wrong."""
    from pcctrack.commands import validate as command

    return command.run(settings.records_dir(records), paths or [], settings.as_of(as_of), fmt, Output.standard())


@app.command()
@guarded
def overdue(
    records: RecordsOption = None,
    as_of: AsOfOption = None,
    owner: OwnerOption = None,
    priority: PriorityOption = None,
    source: SourceOption = None,
    due_within: Annotated[
        Optional[int],
        typer.Option("--due-within", metavar="DAYS", min=0, help="List what falls due in the next DAYS days instead."),
    ] = None,
    fmt: TableFormatOption = TableFormat.TABLE,
) -> int:
    """List open items past their current due date, most overdue first."""
    from pcctrack.commands import overdue as command

    return command.run(
        settings.records_dir(records),
        settings.as_of(as_of),
        Filters(owner=owner, priority=priority, source=source),
        due_within,
        fmt,
        Output.standard(),
    )


@app.command()
@guarded
def status(
    records: RecordsOption = None,
    as_of: AsOfOption = None,
    by: Annotated[GroupBy, typer.Option("--by", help="Group the counts by this.")] = GroupBy.STATUS,
    owner: OwnerOption = None,
    priority: PriorityOption = None,
    source: SourceOption = None,
    fmt: TableFormatOption = TableFormat.TABLE,
) -> int:
    """Roll up counts of tracked items by status (or --by another key) and priority."""
    from pcctrack.commands import status as command

    return command.run(
        settings.records_dir(records),
        settings.as_of(as_of),
        by,
        Filters(owner=owner, priority=priority, source=source),
        fmt,
        Output.standard(),
    )


@app.command()
@guarded
def schema(
    out_dir: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="DIR", help="Write one file per record type here.")] = None,
) -> int:
    """Print (or write) the JSON Schema of each record type, for editors."""
    from pcctrack.commands import schema as command

    return command.run(out_dir, Output.standard())


def main() -> None:
    """Console-script entry point."""
    app()
