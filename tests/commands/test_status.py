"""`pcctrack status`: roll-up counts for committees."""

from __future__ import annotations

import json

from inline_snapshot import snapshot

from tests.conftest import REPO, run


def test_bundled_audit_matches_the_reports_own_table() -> None:
    """The RSM report agreed one high, three medium and one low priority action."""
    result = run("status", "--records", str(REPO / "records"), "--as-of", "2026-11-21", "--source", "audit", "--format", "json")
    totals = json.loads(result.stdout)["totals"]
    assert totals["counts"] == {"High": 1, "Medium": 3, "Low": 1}
    assert totals["total"] == 5


def test_table_by_status(records) -> None:  # type: ignore[no-untyped-def]
    result = run("status", "--as-of", "2026-01-01", "--format", "markdown")
    assert result.stdout == snapshot("""\
The force's tracked items by status and priority, as of 1 January 2026

| Status | High | Medium | Low | (none) | Total | Open | Awaiting verification | Overdue | No date |
| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: |
| in-progress | 1 | 0 | 0 | 1 | 2 | 2 | 0 | 2 | 0 |
| open | 0 | 0 | 0 | 1 | 1 | 1 | 0 | 0 | 0 |
| unpublished | 0 | 0 | 0 | 1 | 1 | 1 | 0 | 1 | 0 |
| Total | 1 | 0 | 0 | 3 | 4 | 4 | 0 | 3 | 0 |
""")


def test_by_owner_and_tag(records) -> None:  # type: ignore[no-untyped-def]
    by_owner = json.loads(run("status", "--as-of", "2026-01-01", "--by", "owner", "--format", "json").stdout)
    assert {r["key"]: r["total"] for r in by_owner["rows"]} == {
        "Head of Safeguarding": 2,
        "Office of the PCC": 1,
        "(none)": 1,
    }
    by_tag = json.loads(run("status", "--as-of", "2026-01-01", "--by", "tag", "--format", "json").stdout)
    assert {r["key"]: r["total"] for r in by_tag["rows"]} == {"strand:missing-persons": 1, "(none)": 3}


def test_unknown_grouping_is_a_usage_error(records) -> None:  # type: ignore[no-untyped-def]
    assert run("status", "--by", "colour").exit_code == 2


def test_by_priority_is_the_scale_in_its_own_order_with_empty_levels(bundled) -> None:  # type: ignore[no-untyped-def]
    result = run("status", "--by", "priority", "--as-of", "2026-11-21", "--format", "markdown", "--source", "audit")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "The force's tracked items by priority, as of 21 November 2026"
    assert lines[2] == "| Priority | Total | Open | Awaiting verification | Overdue | No date |"
    assert [line.split(" | ")[0] for line in lines[4:]] == ["| High", "| Medium", "| Low", "| Total"]
    before = run("status", "--by", "priority", "--as-of", "2026-11-21", "--format", "json", "--priority", "High")
    assert [row["key"] for row in json.loads(before.stdout)["rows"]] == ["High", "Medium", "Low"]
