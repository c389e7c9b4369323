"""What an id on the command line names: a finding or audit action, a PCC response
(`<inspection>.response`, as `overdue` prints it), an audit, or an inspection."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pcctrack.boundary.files import RecordKind
from pcctrack.commands.common import Located, no_such_id
from pcctrack.rules.items import tracked

if TYPE_CHECKING:
    from pcctrack.loader import Loaded

RESPONSE_SUFFIX = ".response"


class Named(StrEnum):
    ITEM = "item"
    RESPONSE = "response"
    AUDIT = "audit"
    INSPECTION = "inspection"


@dataclass(frozen=True)
class Target:
    """The thing an id names, the file it lives in, and its model (the inspection for a
    response); ``located`` for a finding or action."""

    named: Named
    ident: str
    path: str
    model: Any
    located: Located | None = None

    @property
    def kind(self) -> RecordKind:
        """The kind of the file to rewrite."""
        if self.located is not None:
            return self.located.kind
        return RecordKind.AUDIT if self.named is Named.AUDIT else RecordKind.INSPECTION


def find(loaded: Loaded, ident: str) -> Target:
    """The thing ``ident`` names, or a usage error suggesting the nearest id of any kind."""
    records = loaded.records
    found: dict[str, Target] = {}
    for s in records.inspections:
        found[s.model.id] = Target(Named.INSPECTION, s.model.id, s.path, s.model)
        if s.model.statutory_response:
            response = s.model.id + RESPONSE_SUFFIX
            found[response] = Target(Named.RESPONSE, response, s.path, s.model)
    for s in records.audits:
        found[s.model.id] = Target(Named.AUDIT, s.model.id, s.path, s.model)
    for path, loc, item in tracked(records):
        found[item.id] = Target(Named.ITEM, item.id, path, item, Located(path, loc, item))
    if ident in found:
        return found[ident]
    raise no_such_id(ident, found, "finding, audit action, response, audit or inspection")
