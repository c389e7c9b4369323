"""The publishable rule: personal data and redaction markers, only in published fields."""

from __future__ import annotations

import pytest

from pcctrack.models import Action, Config, Inspection
from pcctrack.records import RecordSet, Sourced
from pcctrack.rules.publishable import check, phone_numbers
from tests.rules.factories import action, audit, record_set

INSPECTION = {
    "id": "peel",
    "title": "PEEL inspection",
    "published": "2025-01-10",
    "types": ["force-specific"],
    "summary": "Questions to analyst.one@example.police.uk please.",
    "findings": [
        {"id": "peel-rec-1", "kind": "recommendation", "text": "Call (01642) 301653 for details."},
        {"id": "peel-afi-1", "kind": "area-for-improvement", "text": "Nothing personal here.",
         "internal": ["Raised by [REDACTED] on 07700 900123."]},
    ],
    "pcc_response": {"scrutiny": [{
        "date": "2025-02-01", "topic": "Scrutiny", "outcome": "Assured by [name redacted].",
        "internal": ["Attendees: [REDACTED], someone@example.org."],
    }]},
    "internal": ["FOI: [REDACTED]; contact foi@example.org."],
}


def _problems(**records: object) -> list[tuple[tuple, str]]:
    found = check(RecordSet(**records))  # type: ignore[arg-type]
    return [(p.loc, p.message.split(" in a published field")[0]) for p in found]


def test_flags_personal_data_and_markers_in_published_fields_only() -> None:
    inspection = Inspection.model_validate(INSPECTION)
    assert _problems(inspections=[Sourced("i.yaml", inspection)]) == [
        (("summary",), "an email address (analyst.one@example.police.uk)"),
        (("findings", 0, "text"), "a phone number ((01642) 301653)"),
        (("pcc_response", "scrutiny", 0, "outcome"), "a redaction marker ([name redacted])"),
    ]


def test_walks_every_record_kind_including_keys() -> None:
    """Config keys (roles) reach published documents as owners, so they are read too."""
    config = Config.model_validate({"roles": {"Analyst (a.b@example.org)": ["<redacted>"]}})
    action = Action.model_validate({
        "id": "a-1", "audit": "a", "number": 1, "priority": "High",
        "action": "Agree with ████ by March.", "internal": ["[REDACTED]"],
    })
    problems = check(RecordSet(config=config, config_path="pcctrack.yaml", actions=[Sourced("a.yaml", action)]))
    assert [(p.path, p.loc, p.at_key) for p in problems] == [
        ("pcctrack.yaml", ("roles", "Analyst (a.b@example.org)"), True),
        ("pcctrack.yaml", ("roles", "Analyst (a.b@example.org)", 0), False),
        ("a.yaml", ("action",), False),
    ]


def test_clean_records_give_nothing() -> None:
    clean = {k: v for k, v in INSPECTION.items() if k not in ("summary", "findings", "pcc_response")}
    assert check(RecordSet(inspections=[Sourced("i.yaml", Inspection.model_validate(clean))])) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("ring 01642 301653 or 020 7946 0018", ["01642 301653", "020 7946 0018"]),
        ("+44 (0)1642 301653, +44 7700 900123", ["+44 (0)1642 301653", "+44 7700 900123"]),
        ("07700900123", ["07700900123"]),
        ("on 01/04/2025, 6,780 victims, ref 2.25/26, 2015 2016 2017", []),
        ("PO Box 01234; version 0.25", []),
    ],
)
def test_phone_numbers_are_uk_numbers_not_dates_or_counts(text: str, numbers: list[str]) -> None:
    assert phone_numbers(text) == numbers


def test_a_restricted_audit_is_never_published_so_never_read() -> None:
    leaky = action(action="Call the PVP Hub on 01642 301653.")
    assert [p.loc for p in check(record_set(audits=[audit()], actions=[leaky]))] == [("action",)]
    assert check(record_set(audits=[audit(restricted=True)], actions=[leaky])) == []


def test_an_edit_is_refused_only_for_personal_data_it_adds() -> None:
    from pcctrack.rules.publishable import introduced

    before = Inspection.model_validate(INSPECTION)
    assert introduced(before, before) == []  # what the record already held is validate --publishable's concern
    edited = dict(INSPECTION, findings=[*INSPECTION["findings"], {  # type: ignore[list-item]
        "id": "peel-rec-2", "kind": "recommendation", "text": "Ask jo.bloggs@example.org or ring 07700 900456.",
        "internal": ["Office contact: 01642 301653, foi@example.org."],
    }])
    assert introduced(before, Inspection.model_validate(edited)) == [
        (("findings", 2, "text"), "an email address (jo.bloggs@example.org)"),
        (("findings", 2, "text"), "a phone number (07700 900456)"),
    ]
    assert [loc for loc, _ in introduced(None, before)] == [("summary",), ("findings", 0, "text")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("call 07700\u00a0900123", "a phone number (07700 900123)"),
        ("ring \uff10\uff11\uff16\uff14\uff12 301653", "a phone number (01642 301653)"),
        ("+44-1642-301-653 or", "a phone number (+44-1642-301-653)"),
        ("0044 1642 301653", "a phone number (0044 1642 301653)"),
        ("01642.301653", "a phone number (01642.301653)"),
        ("07700\u200b900\u200b123", "a phone number (07700900123)"),
        ("mail name\u200b@force.police.uk", "an email address (name@force.police.uk)"),
        ("name\uff20force.police.uk", "an email address (name@force.police.uk)"),
        ("(name redacted)", "a redaction marker ((name redacted))"),
        ("{details removed}", "a redaction marker ({details removed})"),
        ("[name withheld]", "a redaction marker ([name withheld])"),
        ("the officer, REDACTED, said", "a redaction marker (REDACTED)"),
        ("\u25a0\u25a0\u25a0\u25a0", "a redaction marker (\u25a0\u25a0\u25a0\u25a0)"),
        ("Officer XXXX attended", "a redaction marker (XXXX)"),
        ("Officer *** attended", "a redaction marker (***)"),
        ("[RE\u00adDACTED]", "a redaction marker ([REDACTED])"),
    ],
)
def test_variants_copied_from_pdfs_and_word_are_found(text: str, found: str) -> None:
    from pcctrack.rules.publishable import _findings

    assert [message.split(" in a published field")[0] for message in _findings(text)] == [found]


@pytest.mark.parametrize("text", ["the passage was redacted in 2020", "xxxx", "a **bold** word", "on 01/04/2025, 6,780 victims"])
def test_ordinary_prose_is_not_a_marker(text: str) -> None:
    from pcctrack.rules.publishable import _findings

    assert list(_findings(text)) == []
