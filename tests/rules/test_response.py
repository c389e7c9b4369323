"""A response is complete or refused: each rule that finds a gap, tested without files."""

from __future__ import annotations

from datetime import date
from typing import Any

from pcctrack.models import Inspection
from pcctrack.rules.response import action_statement, force_position, gaps, is_held, label

COMPLETE: dict[str, Any] = {
    "id": "i",
    "title": "I",
    "published": "2025-01-15",
    "types": ["national"],
    "force_quoted": False,
    "summary": "HMICFRS inspected.",
    "force_response": "The Force accepts the report.",
    "pcc_response": {"comments": "We welcome the report."},
}


def inspection(*findings: dict[str, Any], **overrides: Any) -> Inspection:
    data = {**COMPLETE, "findings": [{"kind": "recommendation", "text": "Do it.", **f} for f in findings], **overrides}
    return Inspection.model_validate(data)


def places(found: Inspection) -> list[str]:
    return [g.where for g in gaps(found, "Test Police")]


def test_a_complete_record_has_no_gaps() -> None:
    assert gaps(inspection({"id": "r1", "force_response": "Done in May."})) == []


def test_an_open_force_recommendation_without_the_forces_words_is_a_gap() -> None:
    found = gaps(inspection({"id": "r1", "number": "1", "status": "in-progress"}))
    assert [g.where for g in found] == ["r1"]
    assert found[0].message.startswith("r1 (Recommendation 1): a recommendation to the force with no force_response")


def test_recommendations_to_other_bodies_need_no_statement() -> None:
    assert places(inspection({"id": "r1", "addressees": ["home-office"]})) == []


def test_a_status_field_alone_never_answers_for_the_force() -> None:
    found = inspection({"id": "a", "status": "completed", "national_status": "completed"}, {"id": "b", "superseded_by": "a"})
    assert places(found) == ["a", "b"]
    assert [action_statement(found, f) for f in found.findings] == [None, None]


def test_a_status_logged_by_a_named_role_is_the_forces_position() -> None:
    found = inspection({"id": "a", "log": [
        {"date": "2025-02-01", "note": "Plan agreed.", "status": "in-progress"},
        {"date": "2025-03-01", "note": "Training delivered to all officers.", "status": "completed", "by": "Head of Safeguarding"},
    ]})
    assert places(found) == []
    position = force_position(found.findings[0])
    assert position is not None and position.note == "Training delivered to all officers."
    unsourced = inspection({"id": "a", "log": [{"date": "2025-02-01", "note": "Done.", "status": "completed"}]})
    assert force_position(unsourced.findings[0]) is None and places(unsourced) == ["a"]


def test_a_passage_of_the_general_response_answers_only_if_it_is_there_word_for_word() -> None:
    general = "Of the 4 recommendations all have been completed\nand signed off except for Recommendation 2."
    quoted = "all have been completed and signed off"
    assert places(inspection({"id": "a", "general_response_passage": quoted}, force_response=general)) == []
    misquoted = gaps(inspection({"id": "a", "general_response_passage": "all have been completed"}, force_response="None are."))
    assert [g.where for g in misquoted] == ["a", "a"]
    assert "not word for word" in misquoted[0].message


def test_the_forces_own_words_come_first() -> None:
    found = inspection({"id": "a", "force_response": "Done in May.", "general_response_passage": "accepts"})
    assert action_statement(found, found.findings[0]) == "Done in May."


def test_truncated_source_text_is_a_gap() -> None:
    found = inspection({"id": "c", "kind": "cause-of-concern", "text": "how the Force responds", "truncated": True})
    assert places(found) == ["c"] and "cuts its text off" in gaps(found)[0].message


def test_unticked_type_boxes_and_an_unanswered_quoted_question_are_gaps() -> None:
    found = gaps(inspection(types=[], force_quoted=None), "Test Police")
    assert [g.where for g in found] == ["types", "force_quoted"]
    assert "whether Test Police is quoted" in found[1].message


def test_a_heading_with_nothing_under_it_is_a_gap() -> None:
    found = inspection(summary="  ", force_response=None, judgements=[{"area": "Leadership"}])
    assert places(found) == ["summary", "judgement:Leadership", "force_response"]


def test_an_area_for_improvement_placed_under_a_judgement_fills_it() -> None:
    found = inspection(
        {"id": "a", "kind": "area-for-improvement", "area": "Leadership", "text": "Lead better."},
        judgements=[{"area": "Leadership"}],
    )
    assert places(found) == []


def test_missing_pcc_comments_are_a_gap() -> None:
    assert places(inspection(pcc_response={"comments": None})) == ["comments"]


def test_a_held_meeting_without_an_outcome_is_a_gap_and_a_scheduled_one_is_not() -> None:
    meetings = [{"date": "2025-04-01", "topic": "CSE", "held": True}, {"date": "2025-05-21", "held": False}]
    found = gaps(inspection(pcc_response={"comments": "Yes.", "scrutiny": meetings}))
    assert [g.where for g in found] == ["meeting-1"]
    assert "scrutiny meeting of 2025-04-01 has been held but has no outcome" in found[0].message


def test_a_meeting_whose_tense_nothing_states_is_a_gap() -> None:
    found = inspection(pcc_response={"comments": "Yes.", "scrutiny": [{"date": "2025-04-01"}]})
    assert places(found) == ["meeting-1"]


def test_the_responses_date_decides_the_tense_before_what_the_source_states() -> None:
    found = inspection(pcc_response={"comments": "Yes.", "scrutiny": [{"date": "2025-04-01", "held": True}]})
    meeting = found.pcc_response.scrutiny[0]
    assert is_held(meeting, None) is True
    assert is_held(meeting, date(2025, 3, 1)) is False
    assert is_held(meeting, date(2025, 4, 1)) is True


def test_meetings_not_for_publication_need_nothing() -> None:
    catch_up = {"date": "2025-01-16", "kind": "catch-up", "internal": ["notes"]}
    assert places(inspection(pcc_response={"comments": "Yes.", "scrutiny": [catch_up]})) == []


def test_a_finding_is_named_by_the_number_the_report_printed_or_by_its_kind_alone() -> None:
    found = inspection({"id": "a", "number": "2"}, {"id": "b"})
    assert [label(f) for f in found.findings] == ["Recommendation 2", "Recommendation"]
