"""Section 55: which recommendations still need a statement of action."""

from __future__ import annotations

from typing import Any

from pcctrack.models import Inspection
from pcctrack.rules.response import action_statement, gaps


def inspection(*findings: dict[str, Any], comments: str | None = "We welcome the report.") -> Inspection:
    return Inspection.model_validate(
        {
            "id": "i",
            "title": "I",
            "published": "2025-01-15",
            "types": ["national"],
            "findings": [{"kind": "recommendation", "text": "Do it.", **f} for f in findings],
            "pcc_response": {"comments": comments},
        }
    )


def test_an_open_force_recommendation_without_a_response_is_a_gap() -> None:
    found = gaps(inspection({"id": "r1", "number": "1", "status": "in-progress"}))
    assert [g.finding_id for g in found] == ["r1"]
    assert "recommendation 1" in found[0].message and "force_response" in found[0].message


def test_recommendations_to_other_bodies_need_no_statement() -> None:
    assert gaps(inspection({"id": "r1", "addressees": ["home-office"]})) == []


def test_closed_superseded_or_completed_recommendations_are_answered_by_their_status() -> None:
    found = inspection(
        {"id": "a", "log": [{"date": "2025-05-01", "note": "Revisit.", "verdict": "completed", "by": "HMICFRS"}]},
        {"id": "b", "superseded_by": "a"},
        {"id": "c", "status": "completed", "national_status": "incomplete"},
    )
    assert gaps(found) == []
    statements = [action_statement(f) for f in found.findings]
    assert statements == [
        "HMICFRS shows this as completed.",
        "Superseded by a later recommendation (a).",
        "The force reports this as completed; HMICFRS shows it nationally as incomplete.",
    ]


def test_the_forces_own_words_come_first() -> None:
    found = inspection({"id": "a", "national_status": "completed", "force_response": "Done in May."})
    assert action_statement(found.findings[0]) == "Done in May."


def test_missing_pcc_comments_are_a_gap() -> None:
    found = gaps(inspection(comments=None))
    assert [g.finding_id for g in found] == [None]
