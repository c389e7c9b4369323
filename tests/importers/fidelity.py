"""How closely imported records reproduce the bundled, hand-checked ones.

Items are matched by kind, by whether they come from an earlier report, and by number (or
order, for unnumbered areas for improvement). Only what the source states is compared:
numbers, text, dates, timescales, priorities, owners, addressees, HMICFRS's national statuses, titles and responses, and
the report's own details; statuses are not (the bundled records are being corrected there).
Text is compared after whitespace is normalised and Markdown bold markers are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from pcctrack.records import RecordSet

FINDING_FIELDS = ["number", "title", "text", "due", "timescale", "addressees", "national_status", "truncated", "force_response"]
ACTION_FIELDS = ["number", "action", "priority", "owner", "due", "area", "finding"]
INSPECTION_FIELDS = ["title", "published", "programme", "types", "summary", "force_response"]
JUDGEMENT_FIELDS = ["area", "grade", "summary", "main_findings", "promising_practice"]
AUDIT_FIELDS = ["auditor", "reference", "title", "area", "financial_year", "report_status", "dates", "priority_scale", "assurance_scale", "assurance", "background", "conclusion"]


def norm(value: Any) -> Any:
    """A value as compared: text with whitespace collapsed and bold markers dropped."""
    if isinstance(value, BaseModel):
        return norm(value.model_dump())
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, (list, tuple)):
        return [norm(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return " ".join(value.replace("**", "").split())
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _empty(value: Any) -> bool:
    return value is None or value == [] or value is False


@dataclass
class Score:
    """One document's figures."""

    name: str
    expected: int = 0
    found: int = 0
    extra: int = 0
    item_equal: int = 0
    item_compared: int = 0
    report_equal: int = 0
    report_compared: int = 0
    differences: list[str] = field(default_factory=list)

    def compare(self, where: str, fields: list[str], want: Any, got: Any, items: bool) -> None:
        for name in fields:
            a, b = getattr(want, name, None), getattr(got, name, None)
            if _empty(a) and _empty(b):
                continue
            equal = norm(a) == norm(b)
            if items:
                self.item_compared += 1
                self.item_equal += equal
            else:
                self.report_compared += 1
                self.report_equal += equal
            if not equal:
                self.differences.append(f"{where}.{name}")

    def row(self) -> str:
        return (
            f"| {self.name} | {self.found} / {self.expected} | {self.extra} | "
            f"{self.item_equal} / {self.item_compared} | {self.report_equal} / {self.report_compared} |"
        )


def _keys(items: list[Any], earlier: Any) -> dict[tuple[str, bool, str], Any]:
    keyed: dict[tuple[str, bool, str], Any] = {}
    counts: dict[tuple[str, bool], int] = {}
    for item in items:
        kind = getattr(item, "kind", "action")
        group = (str(kind), bool(earlier(item)))
        counts[group] = counts.get(group, 0) + 1
        number = getattr(item, "number", None)
        keyed[(*group, str(number) if number is not None else f"#{counts[group]}")] = item
    return keyed


def _items(score: Score, expected: list[Any], imported: list[Any], fields: list[str], earlier: Any) -> None:
    want, got = _keys(expected, earlier), _keys(imported, earlier)
    score.expected += len(want)
    score.found += len(want.keys() & got.keys())
    score.extra += len(got.keys() - want.keys())
    for key in sorted(want.keys() & got.keys()):
        score.compare("/".join(map(str, key)), fields, want[key], got[key], items=True)


def score_inspection(name: str, bundled: RecordSet, imported: RecordSet, title: str) -> Score:
    """The figures for the inspection titled ``title``."""
    score = Score(name)
    want = next(s.model for s in bundled.inspections if s.model.title == title)
    got = next((s.model for s in imported.inspections if s.model.title == title), None)
    if got is None:
        score.expected = len(want.findings)
        return score
    score.compare("inspection", INSPECTION_FIELDS, want, got, items=False)
    score.compare("inspection.pcc_response", ["comments"], want.pcc_response, got.pcc_response, items=False)
    for n, judgement in enumerate(want.judgements):
        other = next((j for j in got.judgements if j.area == judgement.area), None)
        score.compare(f"judgements[{n}]", JUDGEMENT_FIELDS, judgement, other, items=False)
    _items(score, want.findings, got.findings, FINDING_FIELDS, lambda f: f.origin)
    return score


def score_audit(name: str, bundled: RecordSet, imported: RecordSet, reference: str) -> Score:
    """The figures for the audit with this reference and its actions."""
    score = Score(name)
    want = next(s.model for s in bundled.audits if s.model.reference == reference)
    got = next((s.model for s in imported.audits if s.model.reference == reference), None)
    expected_actions = [s.model for s in bundled.actions if s.model.audit == want.id]
    if got is None:
        score.expected = len(expected_actions)
        return score
    score.compare("audit", AUDIT_FIELDS, want, got, items=False)
    _items(score, expected_actions, [s.model for s in imported.actions if s.model.audit == got.id], ACTION_FIELDS, lambda a: False)
    return score
