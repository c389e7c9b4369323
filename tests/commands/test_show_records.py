"""`pcctrack show` for a whole audit, a whole inspection and a PCC response: every id
`overdue` prints can be shown."""

from __future__ import annotations

import json
from pathlib import Path

from inline_snapshot import snapshot

from tests.conftest import run

AS_OF = "2026-11-21"


def test_every_id_overdue_prints_can_be_shown(bundled_repo: Path) -> None:
    listed = json.loads(run("overdue", "--as-of", AS_OF, "--format", "json").stdout)
    listed += json.loads(run("overdue", "--undated", "--as-of", AS_OF, "--format", "json").stdout)
    assert len(listed) > 10
    for row in listed:
        shown = run("show", row["id"], "--as-of", AS_OF)
        assert (shown.exit_code, shown.stdout.split(":")[0]) == (0, row["id"]), shown.stderr


def test_a_response_not_yet_published_shows_its_steps_and_how_late_it_is(bundled_repo: Path) -> None:
    assert run("new", "inspection", "--title", "Cleveland Police: An inspection of custody", "--published", "2026-10-01",
               "--types", "force-specific", "--as-of", AS_OF).exit_code == 0
    assert run("update", "custody-2026.response", "--comments-requested", "2026-10-02", "--as-of", AS_OF).exit_code == 0
    result = run("show", "custody-2026.response", "--as-of", "2026-12-01")
    assert result.stdout == snapshot("""\
custody-2026.response: the PCC's response (Police Act 1996, s.55)
Inspection:  custody-2026: Cleveland Police: An inspection of custody
File:        records/inspections/custody-2026.yaml:7
Owner:       Office of the PCC
Deadline:    25 November 2026: day 56 from publication (1 October 2026)
Status:      not published: 6 days overdue as of 1 December 2026

Steps:
  Chief constable's comments requested: 2 October 2026
  Chief constable's comments received:  not recorded
  Published on the PCC's website:       not recorded
  Sent to the Home Secretary:           not recorded
  Sent to HMICFRS:                      not recorded
""")


def test_a_whole_audit_with_each_actions_standing(bundled_repo: Path) -> None:
    assert run("update", "rsm-vulnerability-2526-4", "--status", "implemented", "--by", "Chief Inspector (Complex Exploitation Team)",
               "--date", "2026-04-02", "--as-of", AS_OF).exit_code == 0
    assert run("update", "rsm-vulnerability-2526-4", "--verdict", "implemented", "--by", "RSM follow-up audit",
               "--date", "2026-06-15", "--as-of", AS_OF).exit_code == 0
    assert run("update", "rsm-vulnerability-2526-3", "--status", "completed", "--date", "2026-11-01", "--as-of", AS_OF).exit_code == 0
    result = run("show", "rsm-vulnerability-2526", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split("\nInternal")[0] == snapshot("""\
rsm-vulnerability-2526: audit 'Vulnerability'
Auditor:     RSM UK Risk Assurance Services LLP
Reference:   2.25/26 (2025/26)
File:        records/audits/rsm-vulnerability-2526/audit.yaml:1
Issued:      3 November 2025 (final report)
Assurance:   no opinion recorded
Priorities:  High, Medium, Low

Actions (5): 3 open, 1 awaiting verification, 1 closed, 3 overdue as of 21 November 2026

  rsm-vulnerability-2526-1 (management action, Medium): open (none stated); 386 days overdue
    Owner: Detective Chief Inspector (Child Abuse and Vulnerable Adults (CAVA)); due 31 October 2025
    The 4P Plan for each vulnerability strand will be created and used to monitor and track actions.

  rsm-vulnerability-2526-2 (management action, Low): open (none stated); 235 days overdue
    Owner: Detective Chief Inspector (Child Abuse and Vulnerable Adults (CAVA)); due 31 March 2026
    The Force will consider whether capacity can be secured to implement a compliance function
    within the PVP Hub…

  rsm-vulnerability-2526-3 (management action, High): completed: awaiting verification by internal
      audit since 1 November 2026
    Owner: PVP Hub Manager; due 31 August 2025
    The Force will urgently strengthen the functionality and accuracy regarding Power BI dashboards
    with respect…

  rsm-vulnerability-2526-4 (management action, Medium): closed on 15 June 2026 (implemented, on the
      word of internal audit), 288 days after its due date
    Owner: Chief Inspector (Complex Exploitation Team); due 31 August 2025
    The Force will ensure responsibilities for missing persons and child exploitation cases are
    clear, and…

  rsm-vulnerability-2526-5 (management action, Medium): open (none stated); 325 days overdue
    Owner: Superintendent (Prevention); due 31 December 2025
    The Force will review the current arrangements for the Missing Person Team, with any outcomes
    actioned and…
""")
    data = json.loads(run("show", "rsm-vulnerability-2526", "--format", "json", "--as-of", AS_OF).stdout)
    assert [(i["id"], i["state"]) for i in data["items"]][2:4] == [
        ("rsm-vulnerability-2526-3", "awaiting-verification"), ("rsm-vulnerability-2526-4", "closed"),
    ]


def test_a_whole_inspection_with_its_response_and_each_findings_standing(bundled_repo: Path) -> None:
    result = run("show", "gbcse-progress-2025", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    head = result.stdout.split("\n\n")[0:3]
    assert head == snapshot(["""\
gbcse-progress-2025: inspection 'Inspection of the effectiveness of police and law enforcement
    bodies' response to group-based child sexual exploitation - A progress report'
Published:   24 October 2025 by HMICFRS
Types:       national
File:        records/inspections/gbcse-progress-2025.yaml:1
Response:    published (date not recorded) (`pcctrack show gbcse-progress-2025.response`)\
""", 'Findings (16): 5 open, 4 closed, 5 overdue, 7 addressed only to other bodies as of 21 November 2026', """\
  gbcse-2023-rec-1 (recommendation): open (none stated); addressed to home-office, department-for-
      education, welsh-government, national-crime-agency, npcc, college-of-policing, not the force
    Owner: (none); due 31 December 2024
    By 31 December 2024, the Home Office, the Department for Education, the Welsh Government, the
    National Crime…\
"""])


def test_a_responses_json_carries_its_steps_and_its_row(bundled_repo: Path) -> None:
    data = json.loads(run("show", "ncpi-2025.response", "--format", "json", "--as-of", AS_OF).stdout)
    assert (data["id"], data["inspection"], data["milestones"]["published"], data["line"]) == (
        "ncpi-2025.response", "ncpi-2025", True, 107,
    )
    assert [(r["id"], r["state"], r["due"]) for r in data["items"]] == [("ncpi-2025.response", "closed", "2025-03-11")]
