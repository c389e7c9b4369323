"""The fixed sets of words records and the command line share.

Kept apart from the models, the documents and the rules so that the command line can offer
them as choices without importing pydantic, Jinja or anything else heavy at start-up.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import StrEnum


def nearest(given: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known word nearest ``given`` (case aside), if any is near."""
    spelled = {k.casefold(): k for k in known}
    close = difflib.get_close_matches(given.casefold(), list(spelled), n=1, cutoff=cutoff)
    return spelled[close[0]] if close else None


def did_you_mean(given: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """": did you mean 'x'?" naming the known word nearest ``given`` (case aside), or "":
    every closed vocabulary, in records and on the command line, answers a slip this way."""
    close = nearest(given, known, cutoff)
    return f": did you mean '{close}'?" if close else ""


def spelled_as(given: str, known: Iterable[str]) -> str | None:
    """The known word that ``given`` is, case aside ('medium' is 'Medium'), or None."""
    wanted = given.strip().casefold()
    return next((k for k in known if k.casefold() == wanted), None)


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


class ImportKind(StrEnum):
    """The reports `pcctrack import` reads."""

    INSPECTION = "inspection"
    AUDIT = "audit"


class ImportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
