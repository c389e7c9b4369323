"""What the listing commands share: loading records and the item columns."""

from __future__ import annotations

import difflib
import operator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pcctrack.diagnostics import Diagnostic
from pcctrack.errors import UsageProblem
from pcctrack.boundary.files import RecordKind
from pcctrack.boundary.listing import Tree, tracked_items
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import printable
from pcctrack.reporters.tabular import Column, Row, TableFormat, to_csv, to_json, to_markdown, to_rich
from pcctrack.rules.items import Item, summarise, tracked

if TYPE_CHECKING:
    from pcctrack.loader import Loaded
    from pcctrack.models.common import TrackedItem
    from pcctrack.validation import Loc


def load_for_listing(root: Path, output: Output) -> Loaded:
    """Load records for a read-only listing, saying (not hiding) which files were left out."""
    from pcctrack.loader import load

    loaded = load(root)
    warn_left_out(output, loaded.diagnostics)
    return loaded


def listing_items(root: Path, output: Output, tree: Tree | None = None) -> list[Item]:
    """Every tracked item (in ``tree``, if already surveyed), read through the cache, saying
    which files were left out."""
    found, diagnostics = tracked_items(root, tree)
    warn_left_out(output, diagnostics)
    return found


def warn_left_out(output: Output, diagnostics: list[Diagnostic]) -> None:
    """A listing leaves out files it cannot read, and says so rather than hiding them."""
    broken = sorted({d.path for d in diagnostics})
    if broken:
        output.warn(
            f"{len(broken)} record file{'s' if len(broken) != 1 else ''} could not be read and "
            f"{'were' if len(broken) != 1 else 'was'} left out ({printable(', '.join(broken))}): "
            "run `pcctrack validate` for details"
        )


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
    close = difflib.get_close_matches(ident, sorted(found), n=1)
    hint = f": did you mean '{close[0]}'?" if close else ""
    raise UsageProblem(
        f"no inspection finding or audit action has the id '{ident}'{hint} "
        "(`pcctrack overdue --format json` lists ids)"
    )


ITEM_COLUMNS = [
    Column("days_overdue", "Days", justify="right"),
    Column("id", "ID", style="bold"),
    Column("kind_label", "Kind", wrap=True),
    Column("owner", "Owner", max_width=34, wrap=True),
    Column("priority", "Priority", wrap=True),
    Column("due", "Due"),
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
    "priority",
    "due",
    "original_due",
    "revisions",
    "days_overdue",
    "status",
    "confirmed_status",
    "record",
    "file",
    "tags",
)
"""Each field scripts read, in order: named once, so JSON and CSV can never disagree."""

_ITEM_VALUES = operator.attrgetter(*ITEM_FIELDS)


def item_row(item: Item, as_of: date) -> Row:
    """An item as scripts read it: these keys are part of pcctrack's interface."""
    row = dict(zip(ITEM_FIELDS, _ITEM_VALUES(item)))  # one C call: a national listing has 10,000s
    row["source"] = item.source.value
    row["days_overdue"] = item.days_overdue(as_of)
    row["tags"] = list(item.tags)
    return row


def display_row(item: Item, as_of: date) -> Row:
    """`item_row` plus the wording people read in tables."""
    row = item_row(item, as_of)
    row["kind_label"] = KIND_LABELS.get(item.kind, item.kind)
    row["title_short"] = summarise(item.title, limit=72)
    row["status_label"] = (
        f"{item.status}; HMICFRS: {item.confirmed_status}"
        if item.confirmed_status and item.confirmed_status != item.status
        else item.status
    )
    return row


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
