"""`pcctrack export`: CSV that Excel opens safely, a real XLSX table, an ICS that re-imports."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from tests.conftest import AS_OF, run

ACTION = Path("records/audits/test-audit/action-1.yaml")


def set_action_text(text: str) -> None:
    old = "action: The force will review the safeguarding dashboard."
    ACTION.write_text(ACTION.read_text().replace(old, f"action: {json.dumps(text)}"))


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_has_a_bom_and_neutralises_formulas(records: Path, start: str) -> None:
    set_action_text(f"{start}HYPERLINK(\"http://evil\") review")
    result = run("export", "--format", "csv", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeffid,source,kind,")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == ["test-inspection.response", "test-inspection-rec-1", "test-audit-1", "test-inspection-afi-1"]
    assert rows[2]["title"] == f"'{start}HYPERLINK(\"http://evil\") review"
    assert rows[2]["days_overdue"] == "123"


def test_filters_are_those_of_overdue(records: Path) -> None:
    owner = json.loads(run("export", "-f", "json", "--owner", "safeguarding", "--as-of", AS_OF).stdout)
    assert [r["id"] for r in owner] == ["test-inspection-rec-1", "test-audit-1"]
    overdue = json.loads(run("export", "-f", "json", "--overdue", "--source", "inspection", "--as-of", AS_OF).stdout)
    assert [r["id"] for r in overdue] == ["test-inspection-rec-1"]
    soon = json.loads(run("export", "-f", "json", "--due-within", "30", "--as-of", "2025-08-15").stdout)
    assert [r["id"] for r in soon] == ["test-audit-1"]


def test_xlsx_is_a_styled_table_with_date_cells(records: Path, tmp_path: Path) -> None:
    set_action_text("=1+1 review")
    out = tmp_path / "items.xlsx"
    result = run("export", "--format", "xlsx", "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "wrote 4 items" in result.stderr
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["Id", "Source", "Kind", "Title"]
    assert ws.freeze_panes == "A2"
    assert ws[1][0].font.bold
    assert list(ws.tables) == ["Items"] and ws.tables["Items"].ref == "A1:AD5"
    row = {h: c for h, c in zip(headers, ws[4])}  # most urgent first: the audit action is third
    assert row["Id"].value == "test-audit-1"
    assert row["Due"].is_date and row["Due"].value.date() == date(2025, 8, 31)
    assert row["Title"].data_type == "s" and row["Title"].value == "=1+1 review"
    assert row["Days overdue"].value == 123


def test_xlsx_with_nothing_to_list_still_has_filters(records: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.xlsx"
    assert run("export", "-f", "xlsx", "-o", str(out), "--priority", "Low", "--as-of", AS_OF).exit_code == 0
    ws = openpyxl.load_workbook(out).active
    assert ws.auto_filter.ref == "A1:AD1" and ws.max_row == 1


def test_xlsx_needs_an_output_file(records: Path) -> None:
    result = run("export", "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o FILE" in result.stderr


def test_ics_has_one_all_day_event_per_open_dated_item_with_stable_uids(records: Path) -> None:
    first = Calendar.from_ical(run("export", "-f", "ics", "--as-of", AS_OF).stdout_bytes)
    events = first.walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == [
        "test-audit-1@pcctrack", "test-inspection-afi-1@pcctrack", "test-inspection-rec-1@pcctrack",
        "test-inspection.response@pcctrack",
    ]
    target = next(e for e in events if e["UID"] == "test-inspection-afi-1@pcctrack")  # an AFI has only the force's target
    assert target.decoded("DTSTART") == date(2026, 6, 30) and str(target["SUMMARY"]).startswith("Target: ")
    audit = next(e for e in events if e["UID"] == "test-audit-1@pcctrack")
    assert audit.decoded("DTSTART") == date(2025, 8, 31)
    assert audit.decoded("DTEND") == date(2025, 9, 1)
    assert "Safeguarding Lead" not in str(audit["DESCRIPTION"])  # canonical role shown
    assert "Head of Safeguarding" in str(audit["DESCRIPTION"])

    run("update", "test-audit-1", "--revise-due", "2026-03-31", "--reason", "Supplier", "--agreed-by", "Audit Committee", "--as-of", AS_OF)
    again = Calendar.from_ical(run("export", "-f", "ics", "--as-of", AS_OF).stdout_bytes)
    moved = next(e for e in again.walk("VEVENT") if e["UID"] == "test-audit-1@pcctrack")
    assert moved.decoded("DTSTART") == date(2026, 3, 31)
    assert moved["SEQUENCE"] == 1


def test_a_missing_export_package_says_how_to_install_it(records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    result = run("export", "-f", "ics", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "ICS export needs the icalendar package: install it with: python3 -m pip install 'pcctrack[export]'" in result.stderr


@pytest.mark.parametrize("start", ["\u200b=", "\ufeff+", "\u00a0-", "\uff1d", "\uff20", " \u2060="])
def test_formulas_behind_invisible_or_full_width_characters_are_neutralised(records: Path, start: str) -> None:
    set_action_text(f"{start}HYPERLINK(\"http://evil\") review")
    result = run("export", "--format", "csv", "--as-of", AS_OF)
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[2]["title"].startswith("'") and rows[2]["title"].endswith("HYPERLINK(\"http://evil\") review")
