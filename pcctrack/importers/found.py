"""What an import read from a report, with where each value came from: the data between
reading a report and writing draft records, and what `--format json` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class Value:
    """One value read from the report."""

    value: Any
    where: str
    """The page and line (PDF), heading (HTML, Word) or line (text) it was read from."""
    check: str | None = None
    """Why a reviewer should look at it; written as a `# check:` comment."""


@dataclass
class Item:
    """A recommendation, area for improvement, cause of concern or management action."""

    kind: str
    where: str
    fields: dict[str, Value] = field(default_factory=dict)
    earlier: str | None = None
    """For an item first issued in an earlier report, that report as the heading names it."""
    area: str | None = None
    """The graded area (inspection) or audit area the item sits under."""

    def get(self, name: str) -> Any:
        """The value read for ``name``, or None where the report gave none."""
        found = self.fields.get(name)
        return None if found is None else found.value


@dataclass
class Extraction:
    """One report read from a file: an inspection (the PCC's response form or the
    inspectorate's report) or an internal audit report."""

    kind: str
    where: str
    fields: dict[str, Value] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """What the report should give and the import did not find: left out of the records."""
    left_out: list[str] = field(default_factory=list)
    """What the import found and deliberately did not write (personal data, meeting notes)."""
    outcomes: list[Item] = field(default_factory=list)
    """A follow-up report's grades of earlier management actions (kind 'outcome')."""
    unstated: list[str] = field(default_factory=list)
    """What a report may state and this one does not (an advisory review's assurance opinion):
    nothing is missing, and nothing is recorded."""

    def get(self, name: str) -> Any:
        """The value read for ``name``, or None where the report gave none."""
        found = self.fields.get(name)
        return None if found is None else found.value

    def as_json(self) -> dict[str, Any]:
        """The extraction as plain data, for `--format json`."""

        def plain(value: Any) -> Any:
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            return value

        def values(fields: dict[str, Value]) -> dict[str, Any]:
            return {k: {"value": plain(v.value), "where": v.where, **({"check": v.check} if v.check else {})} for k, v in fields.items()}

        def items(found: list[Item]) -> list[dict[str, Any]]:
            return [{"kind": i.kind, "where": i.where, "earlier": i.earlier, "area": i.area, "fields": values(i.fields)} for i in found]

        return {
            "kind": self.kind,
            "where": self.where,
            "fields": values(self.fields),
            "items": items(self.items),
            "outcomes": items(self.outcomes),
            "missing": self.missing,
            "left_out": self.left_out,
            "unstated": self.unstated,
        }
