"""The fixed sets of words records and the command line share.

Kept apart from the models, the documents and the rules so that the command line can offer
them as choices without importing pydantic, Jinja or anything else heavy at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where an item stands. HMICFRS, audit firms and forces each use a subset."""

    OPEN = "open"
    INCOMPLETE = "incomplete"
    IN_PROGRESS = "in-progress"
    PARTLY_IMPLEMENTED = "partly-implemented"
    NOT_IMPLEMENTED = "not-implemented"
    COMPLETED = "completed"
    IMPLEMENTED = "implemented"
    CLOSED = "closed"
    SUPERSEDED = "superseded"
    NOT_ADOPTED = "not-adopted"

    @property
    def is_closing(self) -> bool:
        """True for statuses that end the force's work on an item."""
        return self in _CLOSING


_CLOSING = frozenset(
    {Status.COMPLETED, Status.IMPLEMENTED, Status.CLOSED, Status.SUPERSEDED, Status.NOT_ADOPTED}
)


class DocFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"
    PDF = "pdf"

    @property
    def template_suffix(self) -> str:
        """PDF is printed from the HTML document, so it shares its templates."""
        return "md" if self is DocFormat.MARKDOWN else "html"


class NewKind(StrEnum):
    """The records `pcctrack new` scaffolds."""

    INSPECTION = "inspection"
    AUDIT = "audit"
    ACTION = "action"
    FINDING = "finding"
