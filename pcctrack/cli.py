"""The command line: parse options, then call a command function. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

import pcctrack
from pcctrack import settings
from pcctrack.choices import DocFormat, ImportFormat, ImportKind, NewKind, Status
from pcctrack.dates import MAX_DAYS_AHEAD
from pcctrack.errors import Cli, UsageProblem, guarded
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import DiagnosticFormat
from pcctrack.reporters.exports import ExportFormat, ViewFormat
from pcctrack.reporters.tabular import TableFormat
from pcctrack.rules.items import Source
from pcctrack.rules.rollup import GroupBy
from pcctrack.rules.selection import Filters

app = typer.Typer(
    cls=Cli,
    context_settings={"token_normalize_func": str.casefold},  # --status Completed, --format JSON
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
        typer.echo(pcctrack.version_line())
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
    fmt: Annotated[
        DiagnosticFormat,
        typer.Option("--format", "-f", help="How to report problems: auto is github inside GitHub Actions, else text."),
    ] = DiagnosticFormat.AUTO,
    publishable: Annotated[
        bool,
        typer.Option("--publishable", help="Also flag personal data and redaction markers in fields that would be published."),
    ] = False,
) -> int:
    """Check records against their models and each other. Exit 1 if anything is wrong."""
    from pcctrack.commands import validate as command

    return command.run(
        settings.records_dir(records), paths or [], settings.as_of(as_of), fmt, Output.standard(), publishable
    )


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
        typer.Option("--due-within", metavar="DAYS", min=0, max=MAX_DAYS_AHEAD, help="List what falls due in the next DAYS days instead."),
    ] = None,
    fmt: TableFormatOption = TableFormat.TABLE,
    fail_on_overdue: Annotated[
        bool,
        typer.Option("--fail-on-overdue", help="Exit 1 if anything (matching the filters) is overdue: for scheduled CI checks."),
    ] = False,
    awaiting: Annotated[
        bool, typer.Option("--awaiting", help="List what the owner claims complete and the verifier has not yet confirmed.")
    ] = False,
    undated: Annotated[
        bool, typer.Option("--undated", help="List open force work with neither a due date nor a target date.")
    ] = False,
) -> int:
    """List open items past their due date or target date, most overdue first."""
    from pcctrack.commands import overdue as command

    if sum((awaiting, undated, due_within is not None)) > 1:
        raise UsageProblem("--awaiting, --undated and --due-within each choose a list: give only one")
    return command.run(
        settings.records_dir(records),
        settings.as_of(as_of),
        Filters(owner=owner, priority=priority, source=source),
        due_within,
        fmt,
        Output.standard(),
        fail_on_overdue,
        awaiting,
        undated,
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
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 naming the files in DIR (default: schema/) that are stale."),
    ] = False,
) -> int:
    """Print (or write) the JSON Schema of each record type, for editors."""
    from pcctrack.commands import schema as command

    return command.run(out_dir, Output.standard(), check)


DocFormatOption = Annotated[DocFormat, typer.Option("--format", "-f", help="Document format.")]
DocOutOption = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the document here [default: stdout].")]
TemplatesOption = Annotated[
    Optional[Path],
    typer.Option("--templates", metavar="DIR", help="Templates that override the shipped ones [default: templates/ beside records/]."),
]


@app.command()
@guarded
def render(
    record: Annotated[str, typer.Argument(metavar="RECORD", help="An inspection id, or its file.")],
    records: RecordsOption = None,
    fmt: DocFormatOption = DocFormat.MARKDOWN,
    out: DocOutOption = None,
    draft: Annotated[bool, typer.Option("--draft", help="Render even with s.55 gaps, marking each one.")] = False,
    templates: TemplatesOption = None,
) -> int:
    """Render the PCC's published response to an inspection."""
    from pcctrack.commands import render as command

    return command.run(settings.records_dir(records), record, fmt, out, draft, templates, Output.standard())


@app.command()
@guarded
def report(
    records: RecordsOption = None,
    as_of: AsOfOption = None,
    since: Annotated[
        Optional[str],
        typer.Option("--since", metavar="YYYY-MM-DD", help="List items completed since this day [default: 90 days before --as-of].", show_default=False),
    ] = None,
    due_within: Annotated[int, typer.Option("--due-within", metavar="DAYS", min=0, max=MAX_DAYS_AHEAD, help="List what falls due in the next DAYS days.")] = 30,
    owner: OwnerOption = None,
    priority: PriorityOption = None,
    source: SourceOption = None,
    fmt: DocFormatOption = DocFormat.MARKDOWN,
    out: DocOutOption = None,
    templates: TemplatesOption = None,
    draft: Annotated[bool, typer.Option("--draft", help="Render even when some record files cannot be read, naming them on the pack.")] = False,
) -> int:
    """Render the tracker pack for a committee: totals, overdue, slippage, owners, responses."""
    from pcctrack.commands import report as command

    day = settings.as_of(as_of)
    return command.run(
        settings.records_dir(records),
        day,
        settings.date_option("--since", since) if since else None,
        due_within,
        Filters(owner=owner, priority=priority, source=source),
        fmt,
        out,
        templates,
        Output.standard(),
        draft,
    )


@app.command()
@guarded
def update(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="A finding, audit action, audit, or INSPECTION.response id.", show_default=False)],
    status: Annotated[Optional[Status], typer.Option("--status", help="The owner's claim: the item's new status.")] = None,
    verdict: Annotated[Optional[Status], typer.Option("--verdict", help="The verifier's verdict (with --by), e.g. closed after an HMICFRS revisit.")] = None,
    by: Annotated[Optional[str], typer.Option("--by", metavar="ROLE", help="Who gave the update or the verdict.")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="What happened (the log entry's text).")] = None,
    on: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="When it happened [default: --as-of, or today].", show_default=False)] = None,
    revise_due: Annotated[Optional[str], typer.Option("--revise-due", metavar="YYYY-MM-DD", help="A newly agreed due date (needs --reason and --agreed-by).")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why the due date moved.")] = None,
    agreed_by: Annotated[Optional[str], typer.Option("--agreed-by", metavar="ROLE", help="Who agreed the new due or target date, e.g. 'Audit Committee'.")] = None,
    target: Annotated[Optional[str], typer.Option("--target", metavar="YYYY-MM-DD", help="The force's own target date (needs --reason and --agreed-by).")] = None,
    evidence: Annotated[Optional[list[str]], typer.Option("--evidence", help="Evidence supplied with this update (repeatable).")] = None,
    internal_note: Annotated[Optional[str], typer.Option("--internal-note", metavar="TEXT", help="An office-only note, never published (any id).")] = None,
    published: Annotated[Optional[str], typer.Option("--published", metavar="YYYY-MM-DD", help="ID.response: when the PCC's response was published.")] = None,
    published_undated: Annotated[bool, typer.Option("--published-undated", help="ID.response: published, the date not recorded.")] = False,
    comments_requested: Annotated[Optional[str], typer.Option("--comments-requested", metavar="YYYY-MM-DD", help="ID.response: when the chief constable's comments were invited.")] = None,
    chief_constable_comments: Annotated[Optional[str], typer.Option("--chief-constable-comments", metavar="YYYY-MM-DD", help="ID.response: when the chief constable's comments arrived.")] = None,
    forwarded_home_office: Annotated[Optional[str], typer.Option("--forwarded-home-office", metavar="YYYY-MM-DD", help="ID.response: when it was sent to the Home Secretary.")] = None,
    sent_hmicfrs: Annotated[Optional[str], typer.Option("--sent-hmicfrs", metavar="YYYY-MM-DD", help="ID.response: when a copy went to HMICFRS.")] = None,
    final_issued: Annotated[Optional[str], typer.Option("--final-issued", metavar="YYYY-MM-DD", help="An audit: when its final report was issued.")] = None,
    assurance_scale: Annotated[Optional[str], typer.Option("--assurance-scale", metavar="'A, B, C'", help="An audit: the firm's assurance opinions, strongest first.")] = None,
    assurance: Annotated[Optional[str], typer.Option("--assurance", metavar="OPINION", help="An audit: its assurance opinion, on its scale.")] = None,
    superseded_by: Annotated[Optional[str], typer.Option("--superseded-by", metavar="AUDIT", help="An audit: the later audit that replaces it.")] = None,
    records: RecordsOption = None,
    as_of: AsOfOption = None,
) -> int:
    """Append a dated entry to an item's log: the owner's progress or claim (--status), the
    verifier's verdict (--verdict --by), a revised due date or the force's own target date;
    record a response's statutory steps (ID.response) or an audit's facts."""
    from pcctrack.commands import update as command
    from pcctrack.rules.editing import UpdateRequest

    facts = settings.dated_options({
        "--published": published, "--comments-requested": comments_requested,
        "--chief-constable-comments": chief_constable_comments, "--forwarded-home-office": forwarded_home_office,
        "--sent-hmicfrs": sent_hmicfrs, "--final-issued": final_issued,
    })
    facts |= {name: value for name, value in (("--assurance", assurance), ("--superseded-by", superseded_by)) if value}
    if assurance_scale:
        facts["--assurance-scale"] = settings.listed(assurance_scale)
    if published_undated:
        facts["--published-undated"] = True
    if facts and on is not None:
        raise UsageProblem("--date dates a log entry; a response's steps and an audit's facts take their own dates")
    today = settings.as_of(as_of)
    revised, targeted = settings.dated_change(revise_due, target, reason, agreed_by)
    request = UpdateRequest(
        date=settings.date_option("--date", on) if on else today,
        status=status,
        note=note,
        revision=revised,
        evidence=tuple(evidence or ()),
        verdict=verdict,
        by=by,
        target=targeted,
    )
    return command.run(settings.records_dir(records), item_id, request, today, Output.standard(), facts, internal_note)


@app.command()
@guarded
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="A finding, audit action, audit, inspection, or INSPECTION.response id.", show_default=False)],
    records: RecordsOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="text for people, json (the item's fields) for scripts.")] = ViewFormat.TEXT,
) -> int:
    """Show one item in full: text, owner, dates, status, its whole log, and its file; or a
    whole audit or inspection with each item's standing, or a response with its steps."""
    from pcctrack.commands import show as command

    return command.run(settings.records_dir(records), item_id, settings.as_of(as_of), fmt, Output.standard())


@app.command()
@guarded
def history(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="An audit action or inspection finding id.", show_default=False)],
    records: RecordsOption = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="text for people, json (a list of commits) for scripts.")] = ViewFormat.TEXT,
) -> int:
    """Show an item's changes through the Git history of its file: when, who, and what."""
    from pcctrack.commands import history as command

    return command.run(settings.records_dir(records), item_id, fmt, Output.standard())


@app.command()
@guarded
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = ExportFormat.CSV,
    out_file: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")] = None,
    records: RecordsOption = None,
    as_of: AsOfOption = None,
    owner: OwnerOption = None,
    priority: PriorityOption = None,
    source: SourceOption = None,
    overdue_only: Annotated[bool, typer.Option("--overdue", help="Only items past their current due date.")] = False,
    due_within: Annotated[Optional[int], typer.Option("--due-within", metavar="DAYS", min=0, max=MAX_DAYS_AHEAD, help="Only what falls due in the next DAYS days.")] = None,
) -> int:
    """Export tracked items as CSV (for Excel), XLSX, ICS (due dates) or JSON."""
    from pcctrack.commands import export as command

    filters = Filters(owner=owner, priority=priority, source=source)
    root, day = settings.records_dir(records), settings.as_of(as_of)
    return command.run(root, day, filters, overdue_only, due_within, fmt, out_file, Output.standard())


@app.command()
@guarded
def remind(
    records: RecordsOption = None,
    as_of: AsOfOption = None,
    due_within: Annotated[int, typer.Option("--due-within", metavar="DAYS", min=0, help="Remind of what falls due in the next DAYS days.")] = 30,
    stale: Annotated[int, typer.Option("--stale", metavar="DAYS", min=1, help="Ask for an update on open work with no log entry for DAYS days.")] = 60,
    out: Annotated[
        Optional[Path],
        typer.Option("--out", metavar="DIR", help="Write the .eml files here [default: reminders/YYYY-MM-DD/ beside records/].", show_default=False),
    ] = None,
    send: Annotated[bool, typer.Option("--send", help="Send through the SMTP server that PCCTRACK_SMTP_HOST and the other PCCTRACK_SMTP_* variables name.")] = False,
    templates: TemplatesOption = None,
) -> int:
    """Prepare (or --send) one email per owner role: what it has overdue, due soon, left without
    an update, and awaiting verification."""
    from pcctrack.commands import remind as command

    if send and out is not None:
        raise UsageProblem("--out is where messages are written for review; --send sends them instead: give only one")
    root = settings.records_dir(records)
    return command.run(root, settings.as_of(as_of), due_within, stale, out, send, templates, Output.standard())


@app.command()
@guarded
def new(
    kind: Annotated[NewKind, typer.Argument(help="What to create.", show_default=False)],
    record_id: Annotated[Optional[str], typer.Option("--id", help="The new record's id [default: the next free one].", show_default=False)] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="inspection, audit: the report's title.")] = None,
    published: Annotated[Optional[str], typer.Option("--published", metavar="YYYY-MM-DD", help="inspection: when HMICFRS published it.")] = None,
    types: Annotated[Optional[str], typer.Option("--types", help="inspection: e.g. 'force-specific' or 'national, thematic'.")] = None,
    auditor: Annotated[Optional[str], typer.Option("--auditor", help="audit: the audit firm.")] = None,
    reference: Annotated[Optional[str], typer.Option("--reference", help="audit: the auditor's reference, e.g. 2.25/26.")] = None,
    financial_year: Annotated[Optional[str], typer.Option("--financial-year", help="audit: e.g. 2025/26.")] = None,
    priorities: Annotated[Optional[str], typer.Option("--priorities", help="audit: the firm's priority scale, highest first, e.g. 'High, Medium, Low'.")] = None,
    audit: Annotated[Optional[str], typer.Option("--audit", metavar="ID", help="action: the audit it was agreed in.")] = None,
    action: Annotated[Optional[str], typer.Option("--action", help="action: the action as agreed.")] = None,
    priority: Annotated[Optional[str], typer.Option("--priority", help="action: a level of the audit's scale.")] = None,
    owner: Annotated[Optional[str], typer.Option("--owner", metavar="ROLE", help="action, finding: the owner role.")] = None,
    due: Annotated[Optional[str], typer.Option("--due", metavar="YYYY-MM-DD", help="action, finding: the agreed date (an action), or the inspectorate's date (a finding).")] = None,
    final_issued: Annotated[Optional[str], typer.Option("--final-issued", metavar="YYYY-MM-DD", help="audit: when the final report was issued.")] = None,
    assurance_scale: Annotated[Optional[str], typer.Option("--assurance-scale", metavar="'A, B, C'", help="audit: the firm's assurance opinions, strongest first.")] = None,
    assurance: Annotated[Optional[str], typer.Option("--assurance", metavar="OPINION", help="audit: its assurance opinion, on that scale.")] = None,
    inspection: Annotated[Optional[str], typer.Option("--inspection", metavar="ID", help="finding: the inspection whose report makes it.")] = None,
    finding_kind: Annotated[Optional[str], typer.Option("--kind", help="finding: cause-of-concern, recommendation or area-for-improvement.")] = None,
    number: Annotated[Optional[str], typer.Option("--number", metavar="AS-PRINTED", help="finding: its number as the report prints it.")] = None,
    text: Annotated[Optional[str], typer.Option("--text", help="finding: its wording, as published.")] = None,
    addressees: Annotated[Optional[str], typer.Option("--addressees", help="finding: who it is addressed to, e.g. 'force, home-office' [default: force].")] = None,
    timescale: Annotated[Optional[str], typer.Option("--timescale", metavar="TEXT", help="finding: the report's words for timing where it gives no date.")] = None,
    lead: Annotated[Optional[str], typer.Option("--lead", metavar="ROLE", help="finding: the executive lead role.")] = None,
    internal_note: Annotated[Optional[str], typer.Option("--internal-note", metavar="TEXT", help="An office-only note, never published.")] = None,
    records: RecordsOption = None,
    as_of: AsOfOption = None,
) -> int:
    """Create a valid inspection, audit or action record with the next free id, or add a
    finding to an inspection.

    On a terminal, asks for each required field not given as an option."""
    from pcctrack.commands import new as command

    given = {
        "title": title, "published": published, "types": types, "auditor": auditor, "reference": reference,
        "financial_year": financial_year, "priorities": priorities, "audit": audit, "action": action,
        "priority": priority, "owner": owner, "due": due, "final_issued": final_issued,
        "assurance_scale": assurance_scale, "assurance": assurance, "inspection": inspection, "kind": finding_kind,
        "number": number, "text": text, "addressees": addressees, "timescale": timescale, "lead": lead,
        "internal_note": internal_note,
    }
    root, day = settings.records_dir(records), settings.as_of(as_of)
    return command.run(root, kind, given, record_id, command.prompter(), day, Output.standard())


@app.command("import")
@guarded
def import_report(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The report: PDF, HTML, Word .docx or plain text.", show_default=False)],
    kind: Annotated[Optional[ImportKind], typer.Option("--kind", help="What the report is [default: read from its content].", show_default=False)] = None,
    record_id: Annotated[Optional[str], typer.Option("--id", help="The new record's id [default: the next free one].", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the records it would write and what to review; write nothing.")] = False,
    fmt: Annotated[ImportFormat, typer.Option("--format", "-f", help="text: the files and a review list; json: what was read, for scripts.")] = ImportFormat.TEXT,
    records: RecordsOption = None,
    as_of: AsOfOption = None,
) -> int:
    """Draft records from a published report: an inspection or an internal audit.

    Writes them as `new` would, then lists what was not found and what to check."""
    from pcctrack.commands import import_report as command

    root, day = settings.records_dir(records), settings.as_of(as_of)
    return command.run(root, file, kind.value if kind else None, record_id, dry_run, fmt.value, day, Output.standard())


def main() -> None:
    """Run the command line in whatever environment it was started: a closed stdout or stderr
    loses its output rather than failing, and a stream that cannot encode every character
    (an ASCII or C locale) shows the others as backslash escapes."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
        elif (getattr(stream, "encoding", None) or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="backslashreplace")
    app()
