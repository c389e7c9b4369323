"""Build records in code, so rule tests need no files."""

from __future__ import annotations

from datetime import date
from typing import Any

from pcctrack.models import Action, Audit, Config, Inspection
from pcctrack.records import RecordSet, Sourced
from pcctrack.rules.items import Item, Source


def inspection(**overrides: Any) -> Inspection:
    data: dict[str, Any] = {
        "id": "insp",
        "title": "An inspection",
        "published": "2025-01-15",
        "types": ["force-specific"],
        "findings": [],
    }
    data.update(overrides)
    return Inspection.model_validate(data)


def finding(id: str = "insp-rec-1", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": id, "kind": "recommendation", "text": "Do better. Soon."}
    data.update(overrides)
    return data


def audit(**overrides: Any) -> Audit:
    data: dict[str, Any] = {
        "id": "aud",
        "auditor": "Auditors LLP",
        "reference": "1.25/26",
        "title": "Safeguarding",
        "priority_scale": [{"name": "High"}, {"name": "Medium"}, {"name": "Low"}],
    }
    data.update(overrides)
    return Audit.model_validate(data)


def action(id: str = "aud-1", **overrides: Any) -> Action:
    data: dict[str, Any] = {
        "id": id,
        "audit": "aud",
        "number": 1,
        "action": "The force will act.",
        "priority": "Medium",
        "owner": "PVP Hub Manager",
        "due": "2025-08-31",
    }
    data.update(overrides)
    return Action.model_validate(data)


def record_set(
    inspections: list[Inspection] = (),  # type: ignore[assignment]
    audits: list[Audit] = (),  # type: ignore[assignment]
    actions: list[Action] = (),  # type: ignore[assignment]
    config: Config | None = None,
) -> RecordSet:
    return RecordSet(
        config=config or Config(),
        inspections=[Sourced(f"inspections/{m.id}.yaml", m) for m in inspections],
        audits=[Sourced(f"audits/{m.id}/audit.yaml", m) for m in audits],
        actions=[Sourced(f"audits/aud/{m.id}.yaml", m) for m in actions],
    )


def item(**overrides: Any) -> Item:
    """An Item as `resolve` leaves it, for rules that take items rather than records."""
    data: dict[str, Any] = dict(
        id="a", source=Source.AUDIT, kind="management-action", title="T", text="T", owner="Role", lead=None,
        priority="High", priority_rank=0, due=date(2025, 8, 31), original_due=date(2025, 8, 31), revisions=0,
        target=None, status=None, confirmed_status=None, national_status=None, state="open", closed_on=None,
        claimed_on=None, closed_by="internal audit", is_forces=True, national=False, record="r", file="f", tags=(),
        addressees=(), opened_on=date(2025, 1, 10), latest_on=None, latest_note=None, events=(), settled_on=None,
    )
    data.update(overrides)
    return Item(**data)
