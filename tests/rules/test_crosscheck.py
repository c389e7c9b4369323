"""Cross-record checks, each pointing at the offending value."""

from __future__ import annotations

from datetime import date

from pcctrack.models import Config
from pcctrack.rules.crosscheck import check
from tests.rules.factories import action, audit, finding, inspection, record_set

AS_OF = date(2026, 11, 21)


def found(records):  # type: ignore[no-untyped-def]
    return [(p.path, p.loc, p.message) for p in check(records, AS_OF)]


def test_clean_records_have_no_problems() -> None:
    records = record_set(inspections=[inspection(findings=[finding()])], audits=[audit()], actions=[action()])
    assert found(records) == []


def test_duplicate_ids_across_records_are_reported_where_they_repeat() -> None:
    records = record_set(inspections=[inspection(findings=[finding("aud-1")])], audits=[audit()], actions=[action("aud-1")])
    assert found(records) == [
        ("audits/aud/aud-1.yaml", ("id",), "duplicate id 'aud-1': already used in inspections/insp.yaml; ids must be unique")
    ]


def test_references_must_resolve() -> None:
    superseded = finding("insp-rec-1", superseded_by="insp-rec-9", related=["aud-1"])
    records = record_set(inspections=[inspection(findings=[superseded, finding("insp-rec-2")])], actions=[action(audit="nope")])
    messages = found(records)
    assert ("inspections/insp.yaml", ("findings", 0, "superseded_by"), "unknown finding 'insp-rec-9': did you mean 'insp-rec-2'?") in messages
    assert ("audits/aud/aud-1.yaml", ("audit",), "unknown audit 'nope'") in messages
    assert not any("related" in str(loc) for _, loc, _ in messages)  # aud-1 exists


def test_priority_must_be_on_the_audits_own_scale() -> None:
    records = record_set(audits=[audit()], actions=[action(priority="Advisory")])
    assert found(records) == [
        ("audits/aud/aud-1.yaml", ("priority",), "priority: 'Advisory' is not on aud's scale: use one of High, Medium, Low")
    ]


def test_dates_must_be_coherent() -> None:
    bad = action(
        revised_due=[{"date": "2025-07-01", "reason": "r", "agreed_by": "Audit Committee"}],
        log=[{"date": "2025-09-02", "note": "b"}, {"date": "2025-09-01", "note": "a"}, {"date": "2027-01-01", "note": "c"}],
    )
    locs = [loc for _, loc, _ in found(record_set(audits=[audit()], actions=[bad]))]
    assert locs == [("revised_due", 0, "date"), ("log", 1, "date"), ("log", 2, "date")]


def test_each_log_entry_speaks_with_one_voice_and_a_verdict_says_whose() -> None:
    both = {"date": "2025-09-01", "note": "n", "status": "completed", "verdict": "implemented", "by": "RSM"}
    anonymous = {"date": "2025-09-02", "note": "n", "verdict": "implemented"}
    bad = action(status="completed", log=[both, anonymous])
    locs = [loc for _, loc, _ in found(record_set(audits=[audit()], actions=[bad]))]
    assert locs == [("log", 0, "verdict"), ("log", 1, "verdict")]
    drift = action(status="open", log=[{"date": "2025-09-01", "note": "n", "status": "in-progress"}])
    assert [loc for _, loc, _ in found(record_set(audits=[audit()], actions=[drift]))] == [("status",)]


def test_owners_and_tags_must_be_declared_when_the_config_declares_them() -> None:
    config = Config(roles={"PVP Hub Manager": []}, tags={"strand:domestic-abuse": "Domestic abuse"})
    records = record_set(audits=[audit()], actions=[action(owner="Jane Smith", tags=["strand:domestic-abus"])], config=config)
    assert [loc for _, loc, _ in found(records)] == [("tags", 0), ("owner",)]
    assert found(record_set(audits=[audit()], actions=[action(owner="Jane Smith")])) == []


def test_two_findings_of_one_kind_may_not_share_a_number_from_the_same_report() -> None:
    findings = [
        finding("insp-rec-1", number="2"),
        finding("insp-rec-2", number="2", origin="An earlier report"),  # that report's own 2
        finding("insp-afi-1", number="2", kind="area-for-improvement"),  # another kind
        finding("insp-rec-3", number="2"),
    ]
    assert found(record_set(inspections=[inspection(findings=findings)])) == [(
        "inspections/insp.yaml",
        ("findings", 3, "number"),
        "recommendation 2 is already findings[0] from the same report: each number is printed once; correct the number or the origin",
    )]


def test_an_area_for_improvement_sits_under_one_of_its_inspections_judgements() -> None:
    placed = finding("insp-afi-1", kind="area-for-improvement", area="Investigating crime")
    lost = finding("insp-afi-2", kind="area-for-improvement", area="Responding")
    records = record_set(inspections=[inspection(judgements=[{"area": "Investigating crime"}], findings=[placed, lost])])
    assert [(loc, message.split(":")[0].split(" (")[0]) for _, loc, message in found(records)] == [
        (("findings", 1, "area"), "unknown judgement area 'Responding'")
    ]


def test_an_assurance_opinion_near_the_firms_scale_gets_a_did_you_mean() -> None:
    opinion = audit(assurance_scale=["Substantial assurance", "Reasonable assurance", "Partial assurance", "No assurance"],
                    assurance="Partially Assured")
    assert found(record_set(audits=[opinion])) == [
        ("audits/aud/audit.yaml", ("assurance",), "assurance: 'Partially Assured' is not on the audit's scale: did you mean "
         "'Partial assurance'? (use one of Substantial assurance, Reasonable assurance, Partial assurance, No assurance)")
    ]
