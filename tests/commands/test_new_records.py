"""`pcctrack new finding` and the audit's facts on `new audit`: ids in the bundled style,
only the intended lines added, and personal data refused before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands.conftest import changed_lines
from tests.conftest import run

AS_OF = "2026-11-21"


def test_a_finding_is_appended_with_the_reports_next_id(bundled_repo: Path) -> None:
    result = run(
        "new", "finding", "--inspection", "ncpi-2025", "--kind", "recommendation", "--number", "3",
        "--text", "Within three months, the force should review how it responds to children who go missing.",
        "--timescale", "Within three months", "--owner", "Superintendent (Prevention)", "--as-of", AS_OF,
    )
    assert (result.exit_code, result.stdout) == (0, "ncpi-2025-rec-3\n"), result.stderr
    assert result.stderr == "created finding ncpi-2025-rec-3 in records/inspections/ncpi-2025.yaml\n"
    assert changed_lines(bundled_repo) == [
        "+  - id: ncpi-2025-rec-3",
        "+    kind: recommendation",
        "+    number: '3'",
        "+    text: Within three months, the force should review how it responds to children who go missing.",
        "+    owner: Superintendent (Prevention)",
        "+    timescale: Within three months",
        "+",  # set apart by a blank line, as the report's other findings are
    ]
    assert run("validate", "--as-of", AS_OF).exit_code == 0
    shown = run("show", "ncpi-2025-rec-3", "--as-of", AS_OF).stdout
    assert "Due:         15 April 2025 (from 'Within three months'); 585 days overdue" in shown


def test_afis_and_other_bodies_findings_follow_the_bundled_numbering(bundled_repo: Path) -> None:
    afi = run("new", "finding", "--inspection", "peel-2023-25", "--kind", "afi",
              "--text", "Cleveland Police should improve how it records stop and search.", "--as-of", AS_OF)
    assert afi.stdout == "peel-2023-25-afi-9\n"
    rec = run("new", "finding", "--inspection", "gbcse-progress-2025", "--kind", "recommendation", "--number", "7",
              "--addressees", "home-office, npcc", "--due", "2027-03-31",
              "--text", "By 31 March 2027, the Home Office and the NPCC should publish guidance.", "--as-of", AS_OF)
    assert rec.stdout == "gbcse-2025-rec-7\n", rec.stderr
    assert run("validate", "--as-of", AS_OF).exit_code == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--inspection", "ncpi-2024", "--kind", "afi", "--text", "x"], 2, "no inspection has the id 'ncpi-2024'"),
        (["--inspection", "ncpi-2025", "--kind", "concern", "--text", "x"], 2, "--kind 'concern' is not a kind of finding"),
        (["--inspection", "ncpi-2025", "--kind", "rec", "--text", "x", "--due", "2025-06-30", "--timescale", "Soon"], 2, "not both"),
        (["--inspection", "ncpi-2025", "--kind", "rec", "--text", "x", "--owner", "A Person"], 2, "--owner 'A Person' is not a role declared in pcctrack.yaml"),
        (["--inspection", "ncpi-2025", "--kind", "rec", "--text", "x", "--addressees", "home office"], 1, "addressees[0]"),
        (["--inspection", "ncpi-2025", "--kind", "rec", "--text", "Contact jo.bloggs@example.org"], 2,
         "the new finding would put an email address (jo.bloggs@example.org) in findings[4].text"),
        (["--inspection", "ncpi-2025", "--kind", "rec"], 2, "a new finding needs --text"),
    ],
)
def test_a_refused_finding_leaves_the_inspection_byte_identical(bundled_repo: Path, args: list[str], code: int, message: str) -> None:
    before = Path("records/inspections/ncpi-2025.yaml").read_bytes()
    result = run("new", "finding", *args, "--as-of", AS_OF)
    assert (result.exit_code, "Traceback" in result.stderr) == (code, False), result.stderr
    assert message in result.stderr
    assert Path("records/inspections/ncpi-2025.yaml").read_bytes() == before


def test_a_new_audit_carries_its_final_date_and_opinion_and_a_short_id(bundled_repo: Path) -> None:
    result = run(
        "new", "audit", "--auditor", "RSM UK Risk Assurance Services LLP", "--title", "Victims Code Compliance",
        "--reference", "2.25/26", "--priorities", "High, Medium, Low", "--final-issued", "2026-01-20",
        "--assurance-scale", "Substantial, Reasonable, Partial, No assurance", "--assurance", "Reasonable", "--as-of", AS_OF,
    )
    assert result.stdout == "records/audits/rsm-victims-code-compliance-2526/audit.yaml\n", result.stderr
    assert Path("records/audits/rsm-victims-code-compliance-2526/audit.yaml").read_text() == (
        "# yaml-language-server: $schema=../../../schema/audit.schema.json\n" if Path("schema").is_dir() else ""
    ) + (
        "id: rsm-victims-code-compliance-2526\n"
        "auditor: RSM UK Risk Assurance Services LLP\n"
        "reference: 2.25/26\n"
        "title: Victims Code Compliance\n"
        "dates:\n"
        "  final_issued: 2026-01-20\n"
        "priority_scale:\n"
        "  - name: High\n"
        "  - name: Medium\n"
        "  - name: Low\n"
        "assurance_scale:\n"
        "  - Substantial\n"
        "  - Reasonable\n"
        "  - Partial\n"
        "  - No assurance\n"
        "assurance: Reasonable\n"
    )


def test_a_new_record_with_personal_data_is_not_created(bundled_repo: Path) -> None:
    result = run("new", "action", "--audit", "rsm-vulnerability-2526", "--priority", "Low", "--owner", "PVP Hub Manager",
                 "--due", "2026-12-31", "--action", "Ring the PVP Hub on 01642 301653 weekly.", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "a phone number (01642 301653) in action of records/audits/rsm-vulnerability-2526/action-6.yaml" in result.stderr
    assert not Path("records/audits/rsm-vulnerability-2526/action-6.yaml").exists()
    kept = run("new", "action", "--audit", "rsm-vulnerability-2526", "--priority", "Low", "--owner", "PVP Hub Manager",
               "--due", "2026-12-31", "--action", "The PVP Hub will review the dashboard weekly.",
               "--internal-note", "Hub contact: 01642 301653.", "--as-of", AS_OF)
    assert kept.exit_code == 0, kept.stderr
    assert Path("records/audits/rsm-vulnerability-2526/action-6.yaml").read_text().endswith(
        "due: 2026-12-31\ninternal:\n  - 'Hub contact: 01642 301653.'\n"
    )


def test_on_a_terminal_a_finding_is_asked_for(bundled_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pcctrack.commands import new as command

    answers = iter(["peel-2023-25", "area-for-improvement", "Cleveland Police should improve how it answers 101 calls."])
    asked: list[str] = []
    monkeypatch.setattr(command, "prompter", lambda: lambda label: asked.append(label) or next(answers))
    result = run("new", "finding", "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (0, "peel-2023-25-afi-9\n"), result.stderr
    assert [getattr(q, "label", q) for q in asked][:1] == ["Inspection id"] and len(asked) == 3
