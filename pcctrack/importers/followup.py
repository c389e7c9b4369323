"""A follow-up audit report's grades: each earlier management action the auditor looked at,
the original audit it was agreed in, its number as printed, the outcome word and the
auditor's assessment, verbatim.

Written against the common RSM follow-up table: the original audit named above it
("Assignment: Vulnerability (2.25/26)", or in a column of its own), then a header row naming
a reference column ("Ref"), a status column ("Status") and, where there is one, the auditor's
assessment ("Audit finding"), one row per action. Tested on a constructed report, not a
published one; a table this does not recognise yields no grades, and the review list says so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pcctrack.choices import Status
from pcctrack.importers.found import Item, Value

if TYPE_CHECKING:
    from pcctrack.importers.document import Doc

OUTCOMES: dict[str, Status | None] = {
    "implemented": Status.IMPLEMENTED,
    "partly implemented": Status.PARTLY_IMPLEMENTED,
    "not implemented": Status.NOT_IMPLEMENTED,
    "superseded": Status.SUPERSEDED,
    "not yet due": None,
}
"""The outcome words the import maps, compared without case or extra spaces, and the verdict
each becomes. Implemented and superseded close an action; partly and not implemented send a
claimed action back to open work; "not yet due" is no verdict (the auditor did not grade the
action yet), so it is logged as a dated note. Any other word is listed, never guessed."""

_REFERENCE = re.compile(r"\d{1,2}\.\s?\d{2}/\d{2}")
"""An audit firm's report reference as printed: '2.25/26', '9. 24/25'."""

_COLUMNS = {
    "number": {"ref", "ref.", "no", "no.", "number", "action", "action ref", "action no.", "#"},
    "outcome": {"status", "current status", "implementation status", "outcome", "follow up status", "follow-up status"},
    "assessment": {"audit finding", "audit findings", "audit comment", "audit comments", "auditor comment", "auditor comments", "assessment", "current position"},
    "audit": {"assignment", "assignment title", "audit", "audit title", "original audit"},
}
_LABEL = re.compile(r"^(?:assignment|audit|original audit)(?: title)?\s*:\s*", re.IGNORECASE)
_LOOK_BACK = 3
"""How many paragraphs above a table its original audit may be named."""


def _cell(text: str) -> str:
    return " ".join(text.replace("*", "").split()).casefold()


def outcome(printed: str) -> tuple[bool, Status | None]:
    """Whether ``printed`` is one of the mapped outcome words, and the verdict it becomes."""
    key = _cell(printed)
    return key in OUTCOMES, OUTCOMES.get(key)


def header(text: str) -> dict[str, int] | None:
    """The columns of a follow-up table's header row, or None if the row is no such header."""
    if "\t" not in text:
        return None
    cells = [_cell(c) for c in text.split("\t")]
    columns = {name: next((i for i, c in enumerate(cells) if c in names), -1) for name, names in _COLUMNS.items()}
    return columns if columns["number"] >= 0 and columns["outcome"] >= 0 else None


def _original(text: str) -> tuple[str | None, str | None]:
    """(title, reference) of an original audit as printed: 'Vulnerability (2.25/26)'."""
    name = _LABEL.sub("", text.replace("*", "")).strip()
    ref = _REFERENCE.search(name)
    title = (name[: ref.start()] if ref else name).strip(" ()-–,:")
    return title or None, ref.group() if ref else None


def read(doc: Doc) -> list[Item]:
    """Every graded row of every follow-up table in ``doc``, in the order printed."""
    items: list[Item] = []
    i = 0
    while i < len(doc.paras):
        columns = header(doc.paras[i].text)
        if columns is None:
            i += 1
            continue
        named = _named_above(doc, i) if columns["audit"] < 0 else None
        i += 1
        while i < len(doc.paras) and "\t" in doc.paras[i].text and header(doc.paras[i].text) is None:
            items.append(_row(doc.paras[i].text.split("\t"), doc.paras[i].where, columns, named))
            i += 1
    return items


def _named_above(doc: Doc, index: int) -> str | None:
    """The paragraph naming the table's original audit: labelled, or carrying a reference."""
    for p in reversed(doc.paras[max(index - _LOOK_BACK, 0): index]):
        if "\t" not in p.text and (_LABEL.match(p.text) or _REFERENCE.search(p.text)) and len(p.text) < 150:
            return p.text.strip()
    return None


def _row(cells: list[str], where: str, columns: dict[str, int], named: str | None) -> Item:
    def cell(name: str) -> str:
        at = columns[name]
        return " ".join(cells[at].split()) if 0 <= at < len(cells) else ""

    item = Item("outcome", where)
    printed_audit = cell("audit") if columns["audit"] >= 0 else named
    item.earlier = _LABEL.sub("", printed_audit).strip() if printed_audit else None
    title, ref = _original(printed_audit) if printed_audit else (None, None)
    for name, value in (("number", cell("number")), ("outcome", cell("outcome")), ("assessment", cell("assessment")), ("audit_title", title), ("audit_reference", ref)):
        if value:
            item.fields[name] = Value(value, where)
    return item
