"""An analyst's whole day by commands only (issue 13's "Done when"): a new audit with three
actions and its assurance, findings added to a new inspection, updates, a verification, a
response published and sent to the Home Secretary, and the committee pack; `git` then shows
exactly the intended lines and files, and the tree still validates for publication."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands.conftest import changed_lines
from tests.conftest import git, run

DAY = "2026-11-21"
VICTIMS = "rsm-victims-code-compliance-2526"

COMMANDS = [
    ["new", "audit", "--auditor", "RSM UK Risk Assurance Services LLP", "--title", "Victims Code Compliance",
     "--reference", "2.25/26", "--financial-year", "2025/26", "--priorities", "High, Medium, Low",
     "--final-issued", "2026-10-14", "--assurance-scale", "Substantial, Reasonable, Partial, No assurance",
     "--assurance", "Partial"],
    ["new", "action", "--audit", VICTIMS, "--priority", "High", "--owner", "Superintendent (Prevention)", "--due", "2026-12-31",
     "--action", "The Force will make sure every victim is offered a needs assessment within the Code's timescales."],
    ["new", "action", "--audit", VICTIMS, "--priority", "Medium", "--owner", "PVP Hub Manager", "--due", "2027-03-31",
     "--action", "The Force will record when victims are told of their right to make a Victim Personal Statement."],
    ["new", "action", "--audit", VICTIMS, "--priority", "Low", "--owner", "PVP Hub Manager", "--due", "2027-03-31",
     "--action", "The Force will report Victims' Code compliance to the Victims Board each quarter."],
    ["new", "inspection", "--title", "Cleveland Police: An inspection of custody", "--published", "2026-10-01",
     "--types", "force-specific"],
    ["new", "finding", "--inspection", "custody-2026", "--kind", "cause-of-concern", "--number", "1",
     "--text", "The force does not consistently make sure detainees are safe in custody."],
    ["new", "finding", "--inspection", "custody-2026", "--kind", "recommendation", "--number", "1", "--due", "2027-03-31",
     "--owner", "Superintendent (Prevention)",
     "--text", "By 31 March 2027, the force should make sure every detainee has a risk assessment reviewed at each handover."],
    ["new", "finding", "--inspection", "custody-2026", "--kind", "area-for-improvement",
     "--text", "The force should improve how it records the use of force in custody."],
    ["update", "custody-2026-afi-1", "--target", "2027-06-30", "--reason", "Agreed at the custody improvement board",
     "--agreed-by", "Superintendent (Prevention)"],
    ["update", f"{VICTIMS}-1", "--status", "in-progress", "--by", "Superintendent (Prevention)",
     "--note", "Needs assessment form revised; training booked.",
     "--internal-note", "Training dates held in the Victims Board minutes."],
    ["update", "rsm-vulnerability-2526-4", "--status", "implemented", "--by", "Chief Inspector (Complex Exploitation Team)",
     "--date", "2026-04-02", "--evidence", "CET terms of reference v2 (March 2026)",
     "--note", "Responsibilities now set out in the CET terms of reference."],
    ["update", "rsm-vulnerability-2526-4", "--verdict", "implemented", "--by", "RSM follow-up audit",
     "--note", "Follow-up audit 4.26/27: implemented."],
    ["update", "custody-2026.response", "--comments-requested", "2026-10-02", "--chief-constable-comments", "2026-10-30",
     "--published", "2026-11-18", "--forwarded-home-office", "2026-11-19", "--sent-hmicfrs", "2026-11-19"],
]


def test_a_days_work_by_commands_changes_only_the_intended_lines(
    bundled_repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PCCTRACK_AS_OF", DAY)
    for command in COMMANDS:
        result = run(*command)
        assert result.exit_code == 0, (command, result.stderr)
    assert run("validate", "--publishable").exit_code == 0

    assert git(bundled_repo, "status", "--porcelain", "--untracked-files=all").splitlines() == [
        " M records/audits/rsm-vulnerability-2526/action-4.yaml",
        f"?? records/audits/{VICTIMS}/action-1.yaml",
        f"?? records/audits/{VICTIMS}/action-2.yaml",
        f"?? records/audits/{VICTIMS}/action-3.yaml",
        f"?? records/audits/{VICTIMS}/audit.yaml",
        "?? records/inspections/custody-2026.yaml",
    ]
    assert changed_lines(bundled_repo) == [
        "+status: implemented",
        "+  - date: 2026-04-02",
        "+    status: implemented",
        "+    by: Chief Inspector (Complex Exploitation Team)",
        "+    note: Responsibilities now set out in the CET terms of reference.",
        "+    evidence:",
        "+      - CET terms of reference v2 (March 2026)",
        "+  - date: 2026-11-21",
        "+    verdict: implemented",
        "+    by: RSM follow-up audit",
        "+    note: 'Follow-up audit 4.26/27: implemented.'",
    ]
    assert Path("records/inspections/custody-2026.yaml").read_text() == (
        "id: custody-2026\n"
        "title: 'Cleveland Police: An inspection of custody'\n"
        "published: 2026-10-01\n"
        "types:\n"
        "  - force-specific\n"
        "findings:\n"
        "  - id: custody-2026-coc-1\n"
        "    kind: cause-of-concern\n"
        "    number: '1'\n"
        "    text: The force does not consistently make sure detainees are safe in custody.\n"
        "  - id: custody-2026-rec-1\n"
        "    kind: recommendation\n"
        "    number: '1'\n"
        "    text: By 31 March 2027, the force should make sure every detainee has a risk assessment reviewed at each handover.\n"
        "    owner: Superintendent (Prevention)\n"
        "    due: 2027-03-31\n"
        "  - id: custody-2026-afi-1\n"
        "    kind: area-for-improvement\n"
        "    text: The force should improve how it records the use of force in custody.\n"
        "    targets:\n"
        "      - date: 2027-06-30\n"
        "        reason: Agreed at the custody improvement board\n"
        "        agreed_by: Superintendent (Prevention)\n"
        "        set_on: 2026-11-21\n"
        "    log:\n"
        "      - date: 2026-11-21\n"
        "        note: 'Target date set to 2027-06-30: Agreed at the custody improvement board (set by Superintendent (Prevention)).'\n"
        "milestones:\n"
        "  comments_requested: 2026-10-02\n"
        "  chief_constable_comments: 2026-10-30\n"
        "  published: 2026-11-18\n"
        "  forwarded_home_office: 2026-11-19\n"
        "  sent_hmicfrs: 2026-11-19\n"
    )
    assert Path(f"records/audits/{VICTIMS}/action-1.yaml").read_text() == (
        f"id: {VICTIMS}-1\n"
        f"audit: {VICTIMS}\n"
        "number: 1\n"
        "action: The Force will make sure every victim is offered a needs assessment within the Code's timescales.\n"
        "priority: High\n"
        "owner: Superintendent (Prevention)\n"
        "due: 2026-12-31\n"
        "status: in-progress\n"
        "log:\n"
        "  - date: 2026-11-21\n"
        "    status: in-progress\n"
        "    by: Superintendent (Prevention)\n"
        "    note: Needs assessment form revised; training booked.\n"
        "internal:\n"
        "  - Training dates held in the Victims Board minutes.\n"
    )

    pack = tmp_path_factory.mktemp("pack") / "pack.md"
    assert run("report", "-o", str(pack)).exit_code == 0
    text = pack.read_text()
    assert "| 21 November 2026 | rsm-vulnerability-2526-4 | audit action |" in text  # closed since the last committee
    assert "| Cleveland Police: An inspection of custody (custody-2026) | 1 October 2026 | 25 November 2026 | 18 November 2026 | Published on time |" in text
    assert "The force's 36 tracked items" in text  # the bundled 29, three actions, three findings and a response
    assert "| PVP Hub Manager | 3 | 1 |" in text  # the two new actions beside the bundled one
    assert "custody-2026-coc-1" in text  # a cause of concern with no date is listed
    assert "Training dates" not in text  # the office-only note stays in the office
