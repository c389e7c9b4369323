"""What the listing commands share: loading records and the item columns."""

from __future__ import annotations

import dataclasses
import difflib
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pcctrack.diagnostics import Diagnostic
from pcctrack.errors import EXIT_FINDINGS, EXIT_OK, UsageProblem
from pcctrack.boundary.files import NOT_A_RECORD, RecordKind
from pcctrack.boundary.listing import Declared, Tree, collected
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import printable
from pcctrack.reporters.tabular import Column, Row, TableFormat, to_csv, to_json, to_markdown, to_rich
from pcctrack.rules import ledger
from pcctrack.rules.items import Item, Source, summarise, tracked
from pcctrack.rules.selection import Filters


if TYPE_CHECKING:
    from pcctrack.loader import Loaded
    from pcctrack.models.common import TrackedItem
    from pcctrack.records import RecordSet
    from pcctrack.validation import Loc


def load_for_listing(root: Path, output: Output) -> Loaded:
    """Load records for a read-only listing, saying (not hiding) which files were left out."""
    from pcctrack.loader import load

    loaded = load(root)
    warn_left_out(output, loaded.diagnostics)
    return loaded


def listing_items(root: Path, output: Output, tree: Tree | None = None) -> Listing:
    """Every tracked item (in ``tree``, if already surveyed), read through the cache, saying
    which files were left out."""
    found = collected(root, tree)
    missing = warn_left_out(output, found.diagnostics)
    return Listing(found.items, found.declared, missing, found.scales, found.titles, found.policy.undated_warning_days)


@dataclass(frozen=True)
class Listing:
    """What a listing command reads: the items, what pcctrack.yaml declares, and the record
    files left out (the answer is then incomplete, and the command says so with exit 1)."""

    items: list[Item]
    declared: Declared
    left_out: list[str]
    scales: dict[str, list[str]]
    """Each audit's priority scale by audit id."""
    titles: dict[str, str]
    """Each record's id to the title its report is known by."""
    undated_warning_days: int = 90
    """How long open work may go with no date before scheduled checks fail on it."""

    @property
    def roles(self) -> dict[str, list[str]] | None:
        """The declared owner roles, for filters."""
        return self.declared.roles

    def as_of(self, day: date) -> list[Item]:
        """The items as the tracker stood on ``day`` (see `rules.ledger.at`)."""
        return ledger.as_of_view(self.items, day)

    def exit_code(self) -> int:
        """1 when a record could not be read: an answer from the rest is not the whole answer."""
        return EXIT_FINDINGS if self.left_out else EXIT_OK


def left_out(diagnostics: list[Diagnostic]) -> list[str]:
    """The record files a listing or document had to leave out. A file that is not a record at
    all is `validate`'s concern: no record is missing from the answer."""
    return sorted({d.path for d in diagnostics if d.message != NOT_A_RECORD})


def known_filters(filters: Filters, items: list[Item], roles: dict[str, list[str]] | None, scales: Iterable[list[str]]) -> Filters:
    """``filters`` knowing the declared roles, or a usage error when one names nothing that
    exists (`Filters.naming_nothing`)."""
    problem = filters.naming_nothing(items, roles, scales)
    if problem:
        raise UsageProblem(problem)
    return filters.with_roles(roles)


def scales(records: RecordSet) -> list[list[str]]:
    """Each audit's priority scale, highest first."""
    return [[level.name for level in a.model.priority_scale] for a in records.audits]


def warn_left_out(output: Output, diagnostics: list[Diagnostic]) -> list[str]:
    """A listing leaves out files it cannot read, and says so rather than hiding them: the
    files' shown paths, sorted."""
    broken = left_out(diagnostics)
    if broken:
        output.warn(
            f"{len(broken)} record file{'s' if len(broken) != 1 else ''} could not be read and "
            f"{'were' if len(broken) != 1 else 'was'} left out ({printable(', '.join(broken))}), "
            "so this answer is incomplete: run `pcctrack validate` for details"
        )
    return broken


@dataclass(frozen=True)
class Located:
    """A finding or audit action, the file it lives in and its place there."""

    path: str
    loc: Loc
    item: TrackedItem

    @property
    def kind(self) -> RecordKind:
        """Findings sit inside an inspection record; an action is a record of its own."""
        return RecordKind.INSPECTION if self.loc else RecordKind.ACTION


def find_item(loaded: Loaded, ident: str) -> Located:
    """The finding or audit action called ``ident``, or a usage error suggesting a near id."""
    found = {item.id: Located(path, loc, item) for path, loc, item in tracked(loaded.records)}
    if ident in found:
        return found[ident]
    raise no_such_id(ident, found, "inspection finding or audit action")


def no_such_id(ident: str, known: Iterable[str], what: str) -> UsageProblem:
    """The error for an id nothing has, suggesting the nearest one that exists."""
    close = difflib.get_close_matches(ident, sorted(known), n=1)
    hint = f": did you mean '{close[0]}'?" if close else ""
    return UsageProblem(f"no {what} has the id '{ident}'{hint} (`pcctrack overdue --format json` lists ids)")


ITEM_COLUMNS = [
    Column("days_late", "Days", justify="right", label="Days late"),
    Column("id", "ID", style="bold", heads=True),
    Column("kind_label", "Kind", wrap=True),
    Column("owner", "Owner", max_width=34, wrap=True),
    Column("priority", "Priority", wrap=True),
    Column("due_label", "Due"),
    Column("status_label", "Status", max_width=24, wrap=True),
    Column("title_short", "Title", max_width=60, wrap=True),
]
"""What a person sees; the machine formats carry every field of `item_row`."""


ITEM_FIELDS = (
    "id",
    "source",
    "kind",
    "title",
    "owner",
    "lead",
    "priority",
    "due",
    "original_due",
    "revisions",
    "target",
    "days_overdue",
    "days_behind_target",
    "days_left",
    "status",
    "confirmed_status",
    "national_status",
    "state",
    "closed_by",
    "closed_on",
    "days_late",
    "days_waiting",
    "age_days",
    "addressees",
    "latest_update",
    "latest_note",
    "text",
    "record",
    "file",
    "tags",
)
"""Each field scripts read, in order: named once, so JSON and CSV can never disagree."""

_STORED_FIELDS = [f for f in ITEM_FIELDS if f in {field.name for field in dataclasses.fields(Item)}]
_ITEM_VALUES = operator.attrgetter(*_STORED_FIELDS)


def item_row(item: Item, as_of: date) -> Row:
    """An item as scripts read it: these keys are part of pcctrack's interface."""
    stored = dict(zip(_STORED_FIELDS, _ITEM_VALUES(item)))  # one C call: a national listing has 10,000s
    stored["source"] = item.source.value
    stored["tags"] = list(item.tags)
    stored["addressees"] = list(item.addressees)
    stored["days_overdue"] = item.days_overdue(as_of)
    stored["days_behind_target"] = item.days_behind_target(as_of)
    stored["days_left"] = item.days_left(as_of)
    stored["days_late"] = item.days_late()
    stored["days_waiting"] = item.days_waiting(as_of)
    stored["age_days"] = item.age_days(as_of)
    stored["latest_update"] = item.latest_on
    return {key: stored[key] for key in ITEM_FIELDS}


def display_row(item: Item, as_of: date) -> Row:
    """`item_row` plus the wording people read in tables."""
    row = item_row(item, as_of)
    row["kind_label"] = KIND_LABELS.get(item.kind, item.kind)
    row["title_short"] = summarise(item.title, limit=72)
    row["status_label"] = status_label(item)
    late = max(row["days_overdue"] or 0, row["days_behind_target"] or 0)
    row["days_late"] = late or None
    row["due_label"] = _due_label(item)
    return row


def status_label(item: Item) -> str:
    """Where an item stands in words: the owner's claim and the verifier's verdict, each named."""
    if item.source is Source.RESPONSE:
        return item.status or ""
    claim = item.status or "open"
    if item.awaiting:
        return f"{claim}; awaiting {item.closed_by}"
    if item.confirmed_status and item.confirmed_status != item.status:
        return f"{claim}; verified {item.confirmed_status}"
    if item.national_status and item.national_status != item.status:
        return f"{claim}; national: {item.national_status}"
    return claim


def _due_label(item: Item) -> str:
    if item.due is not None and item.target is not None and item.target != item.due:
        return f"{item.due} (target {item.target})"
    if item.due is None and item.target is not None:
        return f"target {item.target}"
    return "" if item.due is None else str(item.due)


KIND_LABELS = {
    "cause-of-concern": "cause of concern",
    "recommendation": "recommendation",
    "area-for-improvement": "AFI",
    "management-action": "audit action",
    "statutory-response": "PCC response",
}


MACHINE_ITEM_COLUMNS = [Column(key, key) for key in ITEM_FIELDS]
"""CSV carries every field of `item_row`, in this order."""


def emit(output: Output, fmt: TableFormat, columns: list[Column], rows: list[Row], title: str,
         machine_columns: list[Column] | None = None, empty: str = "") -> None:
    """Write ``rows`` in ``fmt``: a rich table for people, or JSON/CSV/Markdown for tools."""
    wide = machine_columns or columns
    if fmt is TableFormat.JSON:
        output.write(to_json(rows))
    elif fmt is TableFormat.CSV:
        output.write(to_csv(wide, rows))
    elif fmt is TableFormat.MARKDOWN:
        output.write_for_people(f"{title}\n\n" + (to_markdown(columns, rows) if rows else f"{empty}\n"))
    else:
        output.write_for_people(f"{title}\n")
        output.show(to_rich(columns, rows) if rows else empty)


def write_document(data: bytes, out: Path | None, output: Output) -> None:
    """Write a finished document to ``out``, or to stdout when it is text."""
    if out is None:
        if data.startswith(b"%PDF"):
            raise UsageProblem("a PDF is not written to the terminal: give -o FILE")
        output.write(data.decode("utf-8"))
        return
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise UsageProblem(f"cannot write {out}: {exc.strerror or exc}") from None
    output.note(f"wrote {out}")
