"""`pcctrack update` on a response, an audit, and office-only notes: facts recorded by
command, only the intended lines changed, and refusals leave every file byte-identical."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.commands.conftest import changed_lines
from tests.conftest import run

NCPI = Path("records/inspections/ncpi-2025.yaml")
AUDIT = Path("records/audits/rsm-vulnerability-2526/audit.yaml")
ACTION_3 = Path("records/audits/rsm-vulnerability-2526/action-3.yaml")


def test_the_response_id_overdue_prints_can_be_shown_and_updated(bundled_repo: Path) -> None:
    result = run(
        "update", "ncpi-2025.response", "--published", "2025-03-05", "--forwarded-home-office", "2025-03-06",
        "--sent-hmicfrs", "2025-03-06", "--as-of", "2026-11-21",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "updated ncpi-2025.response in records/inspections/ncpi-2025.yaml\n"
        "  published: 2025-03-05\n"
        "  sent to the Home Secretary: 2025-03-06\n"
        "  sent to HMICFRS: 2025-03-06\n"
    )
    assert changed_lines(bundled_repo) == [
        "-  published: true",
        "+  published: 2025-03-05",
        "+  forwarded_home_office: 2025-03-06",
        "+  sent_hmicfrs: 2025-03-06",
    ]
    assert run("validate", "--as-of", "2026-11-21").exit_code == 0
    shown = run("show", "ncpi-2025.response", "--as-of", "2026-11-21")
    assert shown.exit_code == 0, shown.stderr
    assert "Status:      published on 5 March 2025\n" in shown.stdout


def test_a_new_inspections_response_gets_its_milestones_block(bundled_repo: Path) -> None:
    assert run("new", "inspection", "--title", "Cleveland Police: An inspection of custody", "--published", "2026-10-01",
               "--types", "force-specific", "--as-of", "2026-11-21").stdout == "records/inspections/custody-2026.yaml\n"
    listed = json.loads(run("overdue", "--source", "response", "--as-of", "2026-11-30", "--format", "json").stdout)
    assert [(r["id"], r["days_overdue"]) for r in listed] == [("custody-2026.response", 5)]
    result = run("update", "custody-2026.response", "--comments-requested", "2026-10-02",
                 "--published-undated", "--as-of", "2026-11-30")
    assert result.exit_code == 0, result.stderr
    assert Path("records/inspections/custody-2026.yaml").read_text().endswith(
        "findings: []\nmilestones:\n  comments_requested: 2026-10-02\n  published: true\n"
    )
    assert json.loads(run("overdue", "--source", "response", "--as-of", "2026-11-30", "--format", "json").stdout) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["ncpi-2025.response", "--published", "2025-01-10"], 1, "published 2025-01-10 is before the report was published (2025-01-15)"),
        (["ncpi-2025.response", "--sent-hmicfrs", "2026-12-01"], 2, "--sent-hmicfrs 2026-12-01 is after 2026-11-21"),
        (["ncpi-2025.response", "--published-undated"], 2, "already recorded as yes, date not recorded: nothing to change"),
        (["ncpi-2025.response", "--status", "completed"], 2, "--status is for a finding or an action"),
        (["ncpi-2025.response", "--final-issued", "2025-02-01"], 2, "--final-issued cannot be recorded on a response"),
        (["ncpi-2025.response"], 2, "nothing to record"),
        (["ncpi-2025.response", "--published", "2025-02-01", "--date", "2025-02-01"], 2, "--date dates a log entry"),
        (["ncpi-2025", "--published", "2025-02-01"], 2, "ncpi-2025 is an inspection: update its findings by their ids, or its statutory response as ncpi-2025.response"),
        (["ncpi-2025.respons", "--published", "2025-02-01"], 2, "did you mean 'ncpi-2025.response'?"),
        (["rsm-vulnerability-2526", "--final-issued", "2025-11-04"], 2, "final report issued is already recorded as 2025-11-03"),
        (["rsm-vulnerability-2526", "--assurance", "Reasonable"], 1, "assurance: 'Reasonable' is not on the audit's scale"),
        (["rsm-vulnerability-2526", "--superseded-by", "rsm-vulnerabilty-2627"], 1, "unknown audit 'rsm-vulnerabilty-2627'"),
        (["rsm-vulnerability-2526-3", "--published", "2025-02-01"], 2, "is a finding or audit action; the response's steps"),
        (["rsm-vulnerability-2526-3", "--note", "Ask jo.bloggs@example.org"], 2,
         "would put an email address (jo.bloggs@example.org) in log[1].note"),
        (["rsm-vulnerability-2526-3", "--status", "completed", "--evidence", "Call 01642 301653"], 2,
         "a phone number (01642 301653) in log[1].evidence[0]"),
    ],
)
def test_refusals_leave_every_file_byte_identical(bundled_repo: Path, args: list[str], code: int, message: str) -> None:
    before = {p: p.read_bytes() for p in Path("records").rglob("*.yaml")}
    result = run("update", *args, "--as-of", "2026-11-21")
    assert (result.exit_code, "Traceback" in result.stderr) == (code, False), result.stderr
    assert message in result.stderr
    assert {p: p.read_bytes() for p in Path("records").rglob("*.yaml")} == before


def test_personal_data_is_refused_with_the_way_to_keep_it(bundled_repo: Path) -> None:
    result = run("update", "rsm-vulnerability-2526-3", "--note", "Chased; ring 07700 900123", "--as-of", "2026-11-21")
    assert result.stderr == (
        "pcctrack: error: the update would put a phone number (07700 900123) in log[1].note of "
        "records/audits/rsm-vulnerability-2526/action-3.yaml, a field that is published, so nothing was written: "
        "leave it out, or keep it in an office-only note with --internal-note\n"
    )
    kept = run("update", "rsm-vulnerability-2526-3", "--note", "Chased the owner.",
               "--internal-note", "Owner on leave; deputy on 07700 900123.", "--as-of", "2026-11-21")
    assert kept.exit_code == 0, kept.stderr
    assert changed_lines(bundled_repo) == [
        "+  - date: 2026-11-21",
        "+    note: Chased the owner.",
        "+internal:",
        "+  - Owner on leave; deputy on 07700 900123.",
    ]
    assert run("validate", "--publishable", "--as-of", "2026-11-21").exit_code == 0


def test_audit_facts_and_an_internal_note_on_the_audit(bundled_repo: Path) -> None:
    result = run(
        "update", "rsm-vulnerability-2526", "--assurance-scale", "Substantial, Reasonable, Partial, No assurance",
        "--assurance", "Partial", "--internal-note", "Opinion confirmed by RSM at Audit Committee.", "--as-of", "2026-11-21",
    )
    assert result.exit_code == 0, result.stderr
    assert changed_lines(bundled_repo) == [
        "+assurance_scale:",
        "+  - Substantial",
        "+  - Reasonable",
        "+  - Partial",
        "+  - No assurance",
        "+assurance: Partial",
        "+  - Opinion confirmed by RSM at Audit Committee.",
    ]
    assert "\n\nassurance_scale:" not in AUDIT.read_text()  # the blank line stays before the next section
    assert run("validate", "--publishable", "--as-of", "2026-11-21").exit_code == 0


def test_an_internal_note_alone_adds_no_log_entry(bundled_repo: Path) -> None:
    result = run("update", "ncpi-2025-coc-1", "--internal-note", "FOI request about missing children received.", "--as-of", "2026-11-21")
    assert result.exit_code == 0, result.stderr
    assert changed_lines(bundled_repo) == ["+      - FOI request about missing children received."]
    shown = run("show", "ncpi-2025-coc-1", "--as-of", "2026-11-21").stdout
    assert "Log: no updates recorded" in shown and "FOI request about missing children received." in shown


def test_an_audit_superseded_by_a_later_one_closes_its_actions_on_that_ones_date(bundled_repo: Path) -> None:
    created = run("new", "audit", "--auditor", "RSM UK Risk Assurance Services LLP", "--title", "Vulnerability follow-up",
                  "--reference", "4.26/27", "--priorities", "High, Medium, Low", "--final-issued", "2026-09-01", "--as-of", "2026-11-21")
    assert created.stdout == "records/audits/rsm-vulnerability-follow-up-2627/audit.yaml\n", created.stderr
    result = run("update", "rsm-vulnerability-2526", "--superseded-by", "rsm-vulnerability-follow-up-2627", "--as-of", "2026-11-21")
    assert result.exit_code == 0, result.stderr
    assert changed_lines(bundled_repo) == ["+superseded_by: rsm-vulnerability-follow-up-2627"]
    shown = run("show", "rsm-vulnerability-2526", "--as-of", "2026-11-21").stdout
    assert "Superseded by: rsm-vulnerability-follow-up-2627\n" in shown
    assert "Actions (5): 5 closed as of 21 November 2026" in shown
