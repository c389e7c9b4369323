"""Who closes what, when, and against which date: each rule on small records, without files."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from pcctrack.choices import Status
from pcctrack.models import Config
from pcctrack.rules import crosscheck, ledger
from pcctrack.rules.editing import EditRefused, Revision, UpdateRequest, plan_update
from pcctrack.rules.items import items
from pcctrack.rules.rollup import GroupBy, rollup
from pcctrack.rules.selection import Filters, awaiting_verification, overdue, undated
from pcctrack.rules.trends import completed_since
from tests.rules.factories import action, audit, finding, inspection, record_set

AS_OF = date(2026, 11, 21)


def by_id(records):  # type: ignore[no-untyped-def]
    return {i.id: i for i in items(records)}


def claim(day: str, status: str = "completed") -> dict[str, str]:
    return {"date": day, "note": "The owner reports it done.", "status": status, "by": "GAIN Board"}


def verdict(day: str, status: str, by: str = "HMICFRS") -> dict[str, str]:
    return {"date": day, "note": "Verified.", "verdict": status, "by": by}


def test_a_claim_the_verifier_has_not_answered_awaits_verification_and_leaves_the_overdue_list() -> None:
    claimed = finding("insp-rec-1", due="2025-06-30", status="completed", log=[claim("2025-09-01")])
    records = record_set(inspections=[inspection(findings=[claimed], statutory_response=False)])
    everything = items(records)
    assert overdue(everything, AS_OF) == []
    [waiting] = awaiting_verification(everything)
    assert (waiting.id, waiting.closed_by, waiting.days_waiting(AS_OF)) == ("insp-rec-1", "HMICFRS", 446)


def test_hmicfrs_status_in_a_national_report_is_the_national_position_not_a_verdict() -> None:
    national = inspection(types=["national"], statutory_response=False, findings=[
        finding("rec-4", due="2024-12-31", status="completed", national_status="incomplete"),
        finding("rec-2", due="2024-12-31", national_status="incomplete"),
    ])
    found = by_id(record_set(inspections=[national]))
    assert found["rec-4"].is_closed and found["rec-4"].closed_by == "owner"
    assert found["rec-4"].national_status == "incomplete" and found["rec-4"].confirmed_status is None
    assert found["rec-2"].is_open and overdue(found.values(), AS_OF) == [found["rec-2"]]


def test_who_closes_what_is_the_offices_setting() -> None:
    config = Config(verification={"area_for_improvement": "owner", "owner_closes_priorities": ["Low"]})
    afi = finding("afi-1", kind="area-for-improvement", status="completed", log=[claim("2025-05-01")])
    low = action("aud-1", priority="Low", status="implemented", log=[claim("2025-10-01", "implemented")])
    high = action("aud-2", priority="High", status="implemented", log=[claim("2025-10-01", "implemented")])
    found = by_id(record_set(inspections=[inspection(findings=[afi])], audits=[audit()], actions=[low, high], config=config))
    assert found["afi-1"].is_closed and found["aud-1"].is_closed
    assert found["aud-2"].awaiting and found["aud-2"].closed_by == "internal audit"


def test_closing_is_a_dated_event_and_late_completion_says_how_late() -> None:
    done = action("aud-1", due="2025-08-31", status="implemented",
                  log=[claim("2025-10-01", "implemented"), verdict("2025-10-20", "implemented", "RSM follow-up audit")])
    [item] = items(record_set(audits=[audit()], actions=[done]))
    assert (item.closed_on, item.days_late()) == (date(2025, 10, 20), 50)
    assert completed_since([item], date(2025, 10, 1), AS_OF) == [item]


def test_update_to_a_closing_status_writes_a_dated_entry_with_who_said_so() -> None:
    change = plan_update(action(), UpdateRequest(date=date(2026, 1, 5), status=None, verdict=Status.IMPLEMENTED, by="RSM follow-up audit"), AS_OF)
    assert change.log_entry == {"date": date(2026, 1, 5), "verdict": "implemented", "by": "RSM follow-up audit", "note": "Verdict: implemented."}
    with pytest.raises(EditRefused, match="--by"):
        plan_update(action(), UpdateRequest(date=date(2026, 1, 5), verdict=Status.IMPLEMENTED), AS_OF)


def test_the_inspectorates_date_is_never_moved_by_the_force_which_sets_its_own_target() -> None:
    rec = inspection(findings=[finding("insp-rec-1", due="2026-03-31")]).findings[0]
    with pytest.raises(EditRefused, match="--target"):
        plan_update(rec, UpdateRequest(date=AS_OF, revision=Revision(date(2027, 3, 31), "Slipped", "GAIN Board")), AS_OF, inspectorate_dated=True)
    moved = finding("insp-rec-1", due="2026-03-31", revised_due=[{"date": "2027-03-31", "reason": "r", "agreed_by": "GAIN Board"}])
    problems = crosscheck.check(record_set(inspections=[inspection(findings=[moved])]), AS_OF)
    assert [p.loc for p in problems] == [("findings", 0, "revised_due")]


def test_overdue_against_the_date_and_behind_the_forces_target_are_told_apart() -> None:
    target = {"date": "2026-01-31", "reason": "Board plan", "agreed_by": "GAIN Board", "set_on": "2025-06-01"}
    afi = finding("afi-1", kind="area-for-improvement", targets=[target])
    rec = finding("rec-1", due="2026-06-30", targets=[{**target, "date": "2026-03-31"}])
    everything = items(record_set(inspections=[inspection(findings=[afi, rec], statutory_response=False)]))
    found = {i.id: (i.days_overdue(AS_OF), i.days_behind_target(AS_OF)) for i in overdue(everything, AS_OF)}
    assert found == {"afi-1": (None, 294), "rec-1": (144, 235)}


def test_nothing_open_is_invisible_undated_work_is_listed_with_its_age() -> None:
    afi = finding("afi-1", kind="area-for-improvement")
    immediate = finding("rec-9", timescale="With immediate effect")
    within = finding("rec-10", timescale="Within three months")
    found = items(record_set(inspections=[inspection(published="2025-01-15", findings=[afi, immediate, within], statutory_response=False)]))
    [lost] = undated(found)
    assert (lost.id, lost.due, lost.age_days(AS_OF)) == ("afi-1", None, 675)
    dates = {i.id: i.due for i in found}
    assert dates["rec-9"] == date(2025, 1, 15) and dates["rec-10"] == date(2025, 4, 15)
    warned = list(crosscheck.warnings(record_set(inspections=[inspection(findings=[afi])]), AS_OF))
    assert [w.severity for w in warned] == ["warning"] and "675 days" in warned[0].message


def test_published_with_no_date_recorded_is_not_unpublished() -> None:
    found = by_id(record_set(inspections=[inspection(published="2025-01-15", milestones={"published": True})]))
    response = found["insp.response"]
    assert response.is_closed and response.closed_on is None and response.status == "published"
    assert overdue(found.values(), AS_OF) == []


def test_force_totals_leave_out_findings_addressed_only_to_others() -> None:
    theirs = finding("rec-1", due="2025-03-31", addressees=["home-office"])
    result = rollup(items(record_set(inspections=[inspection(findings=[theirs], statutory_response=False)])), GroupBy.STATUS, AS_OF)
    assert (result.totals.total, result.totals.open, result.others) == (0, 0, 1)


def test_as_of_a_past_day_shows_the_tracker_as_it_stood_then() -> None:
    acted = action(
        "aud-1",
        due="2025-08-31",
        revised_due=[{"date": "2026-03-31", "reason": "Restructure", "agreed_by": "Audit Committee", "agreed_on": "2025-12-10"}],
        status="implemented",
        log=[claim("2025-11-03", "in-progress"), claim("2026-04-02", "implemented")],
    )
    later = audit(id="aud-2", dates={"final_issued": "2026-02-01"})
    records = record_set(
        inspections=[inspection(published="2025-01-15", milestones={"published": "2025-03-20"})],
        audits=[audit(dates={"final_issued": "2025-07-01"}), later],
        actions=[acted, action("aud-2-1", audit="aud-2")],
    )
    now = items(records)
    then = {i.id: i for i in ledger.as_of_view(now, date(2025, 12, 1))}
    assert "aud-2-1" not in then  # issued after that day
    assert (then["aud-1"].status, then["aud-1"].due, then["aud-1"].revisions) == ("in-progress", date(2025, 8, 31), 0)
    assert then["insp.response"].is_closed
    early = {i.id: i for i in ledger.as_of_view(now, date(2025, 3, 1))}
    assert early["insp.response"].status == "unpublished" and early["insp.response"].is_open
    today = {i.id: i for i in ledger.as_of_view(now, AS_OF)}
    assert (today["aud-1"].status, today["aud-1"].due, today["aud-1"].state) == ("implemented", date(2026, 3, 31), "awaiting-verification")


def test_an_audit_superseded_by_a_later_one_never_leaves_its_actions_overdue() -> None:
    old = audit(superseded_by="aud-2")
    new = audit(id="aud-2", dates={"final_issued": "2026-02-01"})
    found = by_id(record_set(audits=[old, new], actions=[action("aud-1")]))
    assert found["aud-1"].is_closed and found["aud-1"].confirmed_status == "superseded"
    assert found["aud-1"].closed_on == date(2026, 2, 1)


def test_action_numbers_are_kept_as_printed() -> None:
    assert action(number="1.1").number == "1.1" and action(number=4).number == "4"
    with pytest.raises(ValidationError, match="in quotes"):
        action(number=1.10)


def test_an_audits_assurance_opinion_is_on_its_firms_scale() -> None:
    scale = ["Substantial", "Reasonable", "Partial", "No assurance"]
    bad = audit(assurance_scale=scale, assurance="Partially Assured")
    problems = crosscheck.check(record_set(audits=[bad]), AS_OF)
    assert [p.loc for p in problems] == [("assurance",)]
    assert "did you mean 'Partial'?" in problems[0].message


def test_owner_filter_matches_the_lead_and_declared_spellings() -> None:
    config = Config(roles={"Office of the PCC": ["OPCC"], "Chief Officer lead": [], "Delivery lead": []})
    rec = finding("rec-1", due="2025-03-31", owner="Delivery lead", lead="Chief Officer lead")
    everything = items(record_set(inspections=[inspection(findings=[rec])], config=config))
    assert [i.id for i in everything if Filters(owner="OPCC").with_roles(config.roles).accepts(i)] == ["insp.response"]
    assert [i.id for i in everything if Filters(owner="chief officer").accepts(i)] == ["rec-1"]


def test_a_reference_into_a_file_that_failed_to_load_is_not_called_unknown() -> None:
    rec = finding("rec-1", related=["ncpi-2025-coc-1"])
    problems = crosscheck.check(record_set(inspections=[inspection(findings=[rec])]), AS_OF, {"ncpi-2025-coc-1": "inspections/ncpi-2025.yaml"})
    assert [p.message for p in problems] == [
        "related id 'ncpi-2025-coc-1' is defined in inspections/ncpi-2025.yaml, which has errors: "
        "fix that file and this reference resolves"
    ]
