"""New ids: short, in the bundled records' style, never taken."""

from __future__ import annotations

from pcctrack.rules.ids import audit_id, finding_id, free_id, inspection_id, next_action_number, slug


def test_slugs_and_free_ids() -> None:
    assert slug("PEEL 2025/27: Cleveland!") == "peel-2025-27-cleveland"
    assert free_id("peel-2025", {"peel-2025", "peel-2025-2"}) == "peel-2025-3"
    assert free_id("ncpi-2026", {"peel-2025"}) == "ncpi-2026"
    assert next_action_number(["1", "2", "5"]) == 6
    assert next_action_number(["1.1", "1.2", "R3"]) == 4
    assert next_action_number([]) == 1


def test_audit_ids_look_like_the_bundled_one() -> None:
    assert audit_id("RSM UK Risk Assurance Services LLP", "Vulnerability", "2.25/26") == "rsm-vulnerability-2526"
    assert audit_id("RSM UK Risk Assurance Services LLP", "Victims Code Compliance", "2.25/26") == "rsm-victims-code-compliance-2526"
    assert audit_id("Mazars LLP", "Mazars audit of the use of overtime in the custody suites", "MZ/14") == "mazars-use-overtime-custody"
    assert audit_id("TIAA", "Payroll", "OPCC/03", "2024/25") == "tiaa-payroll-2425"


def test_inspection_ids_leave_out_the_force_and_filler_words() -> None:
    title = "Cleveland Police: National child protection inspection"
    assert inspection_id(title, 2025, force="Cleveland Police") == "national-child-protection-2025"
    assert inspection_id("An inspection of the police response to fraud", 2026) == "police-response-fraud-2026"


def test_finding_ids_follow_the_reports_own_prefix() -> None:
    ncpi = [("ncpi-2025-coc-1", False), ("ncpi-2025-coc-2", False), ("ncpi-2025-afi-1", False)]
    taken = [i for i, _ in ncpi]
    assert finding_id("ncpi-2025", ncpi, "recommendation", "3", taken) == "ncpi-2025-rec-3"
    assert finding_id("ncpi-2025", ncpi, "cause-of-concern", None, taken) == "ncpi-2025-coc-3"
    assert finding_id("ncpi-2025", ncpi, "cause-of-concern", "2", taken) == "ncpi-2025-coc-3"  # 2 is taken
    gbcse = [("gbcse-2023-rec-1", True), ("gbcse-2025-rec-1", False), ("gbcse-2025-rec-6", False)]
    assert finding_id("gbcse-progress-2025", gbcse, "recommendation", None, [i for i, _ in gbcse]) == "gbcse-2025-rec-7"
    assert finding_id("new-2026", [], "area-for-improvement", "1.2", []) == "new-2026-afi-1"


def test_an_inspection_whose_title_names_its_year_does_not_repeat_it() -> None:
    assert inspection_id("PEEL 2023-2025: An inspection of Cleveland Police", 2025, "Cleveland Police") == "peel-2023-2025"
