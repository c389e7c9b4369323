"""What counts as open, due and owned, across findings, actions and responses."""

from __future__ import annotations

from datetime import date

from pcctrack.models import Config
from pcctrack.rules.items import Source, items, summarise
from tests.rules.factories import action, audit, finding, inspection, record_set


def by_id(records):  # type: ignore[no-untyped-def]
    return {i.id: i for i in items(records)}


def test_current_due_is_the_latest_revision_and_original_is_kept() -> None:
    revised = action(
        revised_due=[
            {"date": "2025-10-31", "reason": "Capacity", "agreed_by": "Audit Committee"},
            {"date": "2026-01-31", "reason": "Awaiting system change", "agreed_by": "Audit Committee"},
        ]
    )
    item = by_id(record_set(audits=[audit()], actions=[revised]))["aud-1"]
    assert (item.due, item.original_due, item.revisions) == (date(2026, 1, 31), date(2025, 8, 31), 2)


def test_a_force_specific_finding_closes_only_on_hmicfrs_verdict() -> None:
    claim = {"date": "2025-06-01", "note": "Done.", "status": "completed", "by": "GAIN Board"}
    rejected = {"date": "2025-09-01", "note": "Revisit.", "verdict": "incomplete", "by": "HMICFRS"}
    confirmed = {"date": "2025-09-01", "note": "Revisit.", "verdict": "closed", "by": "HMICFRS"}
    found = by_id(
        record_set(
            inspections=[
                inspection(
                    findings=[
                        finding("insp-rec-1", status="completed", log=[claim, rejected]),
                        finding("insp-rec-2", status="completed", log=[claim, confirmed]),
                        finding("insp-rec-3", status="completed"),
                    ]
                )
            ]
        )
    )
    assert found["insp-rec-1"].is_open and found["insp-rec-1"].effective_status == "incomplete"
    assert found["insp-rec-2"].is_closed and found["insp-rec-2"].closed_on == date(2025, 9, 1)
    assert found["insp-rec-3"].awaiting and found["insp-rec-3"].closed_by == "HMICFRS"


def test_each_inspection_owes_a_statutory_response_due_on_day_56() -> None:
    found = by_id(record_set(inspections=[inspection(published="2025-01-15")]))
    response = found["insp.response"]
    assert response.source is Source.RESPONSE
    assert response.due == date(2025, 3, 11)  # 56 days beginning with 15 January
    assert response.is_open and response.status == "unpublished"


def test_published_response_is_closed_and_no_response_when_not_statutory() -> None:
    published = inspection(milestones={"published": "2025-03-01"})
    assert not by_id(record_set(inspections=[published]))["insp.response"].is_open
    national = inspection(statutory_response=False)
    assert "insp.response" not in by_id(record_set(inspections=[national]))


def test_owner_spellings_map_to_the_canonical_role() -> None:
    config = Config(roles={"DCI (CAVA)": ["DCI (Adult Safeguarding)"], "PVP Hub Manager": []})
    records = record_set(audits=[audit()], actions=[action(owner="DCI (Adult Safeguarding)")], config=config)
    assert by_id(records)["aud-1"].owner == "DCI (CAVA)"


def test_priority_rank_follows_the_audit_firms_own_scale() -> None:
    scale = audit(priority_scale=[{"name": "Fundamental"}, {"name": "Significant"}, {"name": "Housekeeping"}])
    records = record_set(audits=[scale], actions=[action(priority="Housekeeping")])
    assert by_id(records)["aud-1"].priority_rank == 2


def test_summarise_keeps_the_first_sentence_within_the_limit() -> None:
    assert summarise("Do better.  Then more.") == "Do better."
    assert summarise("x" * 200, limit=10) == "xxxxxxxxx…"


def test_a_summary_ends_at_a_word_never_inside_one() -> None:
    text = "By 31 December 2024, all chief constables should make sure that their forces have problem profiles."
    short = summarise(text, limit=72)
    assert short == "By 31 December 2024, all chief constables should make sure that their…"
    assert len(short) <= 72 and text.startswith(short[:-1])
