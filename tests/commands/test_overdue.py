"""`pcctrack overdue` as analysts and scripts use it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from inline_snapshot import snapshot

from tests.conftest import REPO, run


def bundled(*args: str):  # type: ignore[no-untyped-def]
    return run(*args, "--records", str(REPO / "records"), "--as-of", "2026-11-21")


def test_bundled_records_list_the_overdue_rsm_actions_and_force_recommendations() -> None:
    result = bundled("overdue", "--format", "json")
    assert result.exit_code == 0
    listed = {row["id"]: row for row in json.loads(result.stdout)}
    rsm = {f"rsm-vulnerability-2526-{n}" for n in range(1, 6)}
    force_recs = {"gbcse-2025-rec-1", "gbcse-2025-rec-2", "gbcse-2025-rec-4", "gbcse-2025-rec-6"}
    assert rsm | force_recs <= set(listed)
    # Recommendations addressed only to other bodies are not the force's overdue work.
    assert not {"gbcse-2025-rec-3", "gbcse-2025-rec-5", "gbcse-2023-rec-1"} & set(listed)
    high = listed["rsm-vulnerability-2526-3"]
    assert (high["owner"], high["priority"], high["due"], high["days_overdue"]) == (
        "PVP Hub Manager",
        "High",
        "2025-08-31",
        447,
    )
    assert listed["gbcse-2025-rec-4"]["owner"] == "Chief Officer lead (GAIN Board)"
    days = [row["days_overdue"] for row in listed.values()]
    assert days == sorted(days, reverse=True)


def test_json_rows_carry_the_documented_fields(records) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(run("overdue", "--as-of", "2026-01-01", "--format", "json").stdout)
    required = {"id", "source", "kind", "title", "owner", "priority", "due", "original_due", "days_overdue", "status", "file"}
    assert rows and all(required <= set(row) for row in rows)


def test_table_for_people(records) -> None:  # type: ignore[no-untyped-def]
    result = run("overdue", "--as-of", "2026-01-01")
    assert result.exit_code == 0
    assert result.stdout == snapshot("""\
Overdue as of 1 January 2026: 3 items
┏━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Days ┃ ID                       ┃ Kind           ┃ Owner                ┃ Priority ┃ Due        ┃ Status      ┃ Title                                        ┃
┡━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│  296 │ test-inspection.response │ PCC response   │ Office of the PCC    │          │ 2025-03-11 │ unpublished │ PCC response: Test Constabulary PEEL         │
│      │                          │                │                      │          │            │             │ inspection                                   │
│  276 │ test-inspection-rec-1    │ recommendation │ Head of Safeguarding │          │ 2025-03-31 │ in-progress │ By 31 March 2025, the force should improve.  │
│  123 │ test-audit-1             │ audit action   │ Head of Safeguarding │ High     │ 2025-08-31 │ in-progress │ The force will review the safeguarding       │
│      │                          │                │                      │          │            │             │ dashboard.                                   │
└──────┴──────────────────────────┴────────────────┴──────────────────────┴──────────┴────────────┴─────────────┴──────────────────────────────────────────────┘
""")


def test_csv_has_every_field_and_neutralises_formulas(records) -> None:  # type: ignore[no-untyped-def]
    action = records / "audits" / "test-audit" / "action-1.yaml"
    action.write_text(action.read_text().replace("The force will review", "=HYPERLINK(1) The force will review"))
    rows = list(csv.DictReader(io.StringIO(run("overdue", "--as-of", "2026-01-01", "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == ["test-inspection.response", "test-inspection-rec-1", "test-audit-1"]
    assert rows[2]["title"].startswith("'=HYPERLINK")
    assert rows[2]["days_overdue"] == "123"


def test_markdown_escapes_table_syntax(records) -> None:  # type: ignore[no-untyped-def]
    action = records / "audits" / "test-audit" / "action-1.yaml"
    action.write_text(action.read_text().replace("safeguarding dashboard", "dashboard | with a pipe"))
    out = run("overdue", "--as-of", "2026-01-01", "--format", "markdown").stdout
    assert "dashboard \\| with a pipe" in out


def test_filters_and_due_within(records) -> None:  # type: ignore[no-untyped-def]
    def listed(*args: str) -> list[str]:
        return [r["id"] for r in json.loads(run("overdue", "--format", "json", *args).stdout)]

    assert listed("--as-of", "2026-01-01", "--priority", "high") == ["test-audit-1"]
    assert listed("--as-of", "2026-01-01", "--owner", "safeguarding", "--source", "inspection") == ["test-inspection-rec-1"]
    assert listed("--as-of", "2025-03-01", "--due-within", "30") == ["test-inspection.response", "test-inspection-rec-1"]
    assert listed("--as-of", "2025-01-01") == []


def test_environment_supplies_records_and_date(records, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path.parent)
    monkeypatch.setenv("PCCTRACK_RECORDS", str(records))
    monkeypatch.setenv("PCCTRACK_AS_OF", "2025-04-01")
    rows = json.loads(run("overdue", "--format", "json").stdout)
    assert [r["id"] for r in rows] == ["test-inspection.response", "test-inspection-rec-1"]


def test_usage_errors_exit_2_with_a_clear_message(records, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad_date = run("overdue", "--as-of", "2026-02-30")
    assert bad_date.exit_code == 2
    assert "--as-of '2026-02-30' is not a date written YYYY-MM-DD" in bad_date.stderr
    missing = run("overdue", "--records", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr
    assert run("overdue", "--format", "yaml").exit_code == 2


def test_no_records_folder_anywhere_is_a_usage_error(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    result = run("overdue")
    assert result.exit_code == 2
    assert "no records/ folder here or in any folder above" in result.stderr


def test_records_folder_is_found_walking_up(records, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(records / "audits" / "test-audit")
    assert run("overdue", "--as-of", "2026-01-01", "--format", "json").exit_code == 0


def test_broken_file_is_left_out_with_a_warning_not_hidden(records) -> None:  # type: ignore[no-untyped-def]
    (records / "inspections" / "broken.yaml").write_text("id: [unclosed\n")
    result = run("overdue", "--as-of", "2026-01-01", "--format", "json")
    assert result.exit_code == 1  # an answer from the rest is not the whole answer
    assert "records/inspections/broken.yaml" in result.stderr and "incomplete" in result.stderr
    assert len(json.loads(result.stdout)) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("overdue", "--owner", "Nobody"), "--owner 'Nobody' is part of no owner or lead role"),
        (("overdue", "--priority", "Critical"), "--priority 'Critical' is on no audit's priority scale (levels: High, Medium, Low)"),
        (("status", "--priority", "Critical"), "--priority 'Critical' is on no audit's priority scale"),
        (("export", "--owner", "Nobody"), "--owner 'Nobody' is part of no owner or lead role"),
        (("report", "--owner", "Nobody"), "--owner 'Nobody' is part of no owner or lead role"),
    ],
)
def test_a_filter_that_matches_nothing_is_not_good_news(args: tuple[str, ...], message: str) -> None:
    result = bundled(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr


def test_filters_read_any_case_and_the_declared_other_spellings() -> None:
    high = json.loads(bundled("overdue", "--priority", "high", "--format", "json").stdout)
    assert [row["id"] for row in high] == ["rsm-vulnerability-2526-3"]
    by_alias = json.loads(bundled("export", "--format", "json", "--owner", "opcc").stdout)
    assert by_alias and {row["owner"] for row in by_alias} == {"Office of the PCC"}


def test_record_text_in_a_markdown_listing_is_never_a_link_or_an_image(records: Path) -> None:  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    action = records / "audits" / "test-audit" / "action-1.yaml"
    hostile = "[Click here](https://evil.example) ![x](http://evil.example/i.png) <b>bold</b> *em* mail me@evil.example"
    action.write_text(action.read_text().replace("The force will review the safeguarding dashboard.", f'"{hostile}"'))
    listing = run("overdue", "--as-of", "2026-01-01", "--format", "markdown")
    assert listing.exit_code == 0, listing.stderr
    page = MarkdownIt("commonmark").enable("table").render(listing.stdout)
    assert "<a " not in page and "<img" not in page and "<b>" not in page and "<em>" not in page
    assert hostile.replace("<", "&lt;").replace(">", "&gt;")[:60] in page
