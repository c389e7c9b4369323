"""`pcctrack report`: the tracker pack a committee reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run

GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2026-11-21"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_bundled_pack_matches_its_golden_file(bundled: Path, golden, fmt: str) -> None:
    result = run("report", "--as-of", AS_OF, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    golden(GOLDEN / f"report.{fmt}", result.stdout)


def test_the_pack_agrees_with_overdue(bundled: Path) -> None:
    pack = run("report", "--as-of", AS_OF).stdout
    overdue = run("overdue", "--as-of", AS_OF, "--format", "json").stdout
    ids = re.findall(r'"id": "([^"]+)"', overdue)
    section = pack.split("## Overdue items")[1].split("## Awaiting verification")[0]
    assert [line.split(" | ")[1] for line in section.splitlines() if line.startswith("| ") and line.split(" | ")[0].strip("| ").isdigit()] == ids


def test_filters_narrow_every_section(bundled: Path) -> None:
    pack = run("report", "--as-of", AS_OF, "--source", "audit").stdout
    assert "Showing only items with source: audit." in pack
    assert "gbcse" not in pack and "rsm-vulnerability-2526-3" in pack
    assert "No statutory responses are tracked." in pack


def test_items_falling_due_are_listed_with_days_left(bundled: Path) -> None:
    pack = run("report", "--as-of", "2026-07-15", "--due-within", "30").stdout
    section = pack.split("## Falling due from 15 July 2026 to 14 August 2026")[1].split("##")[0]
    assert "| 16 | gbcse-2025-rec-4 |" in section and "| 16 | gbcse-2025-rec-6 |" in section


def test_completed_since_lists_closures_on_the_day_the_verifier_confirmed_them(records: Path) -> None:
    run("update", "test-inspection-rec-1", "--status", "completed", "--by", "Head of Safeguarding", "--date", "2025-10-01", "--as-of", "2026-01-01")
    claimed = run("report", "--as-of", "2026-01-01", "--since", "2025-09-01").stdout
    assert "| test-inspection-rec-1 |" not in claimed.split("## Completed from 1 September 2025 to 1 January 2026")[1].split("##")[0]
    assert "| 92 | test-inspection-rec-1 |" in claimed.split("## Awaiting verification")[1].split("##")[0]
    run("update", "test-inspection-rec-1", "--verdict", "closed", "--by", "HMICFRS", "--date", "2025-11-20", "--as-of", "2026-01-01")
    pack = run("report", "--as-of", "2026-01-01", "--since", "2025-09-01").stdout
    section = pack.split("## Completed from 1 September 2025 to 1 January 2026")[1].split("##")[0]
    assert "| 20 November 2025 | test-inspection-rec-1 |" in section


def test_the_shipped_responses_are_published_with_no_date_recorded_not_late(bundled: Path) -> None:
    pack = run("report", "--as-of", AS_OF).stdout
    section = pack.split("## PCC responses and statutory deadlines")[1].split("##")[0]
    assert section.count("Published (date not recorded)") == 3 and "Not published" not in section


def test_a_pack_as_of_a_past_committee_date_shows_what_that_committee_saw(bundled: Path) -> None:
    pack = run("report", "--as-of", "2025-06-30").stdout
    assert "rsm-vulnerability-2526" not in pack  # the audit's final report was issued in November 2025
    assert "gbcse-2025" not in pack  # the progress report was published in October 2025
    assert "| 90 | ncpi-2025-afi-1 |" not in pack and "| 166 | ncpi-2025-afi-1 |" in pack  # undated for 166 days then


def test_a_bad_since_date_is_a_usage_error(bundled: Path) -> None:
    result = run("report", "--since", "2025-13-01")
    assert result.exit_code == 2 and "--since '2025-13-01' is not a date" in result.stderr


def test_the_html_pack_has_charts_with_text_alternatives_and_no_script(bundled: Path) -> None:
    page = run("report", "--as-of", AS_OF, "--format", "html").stdout
    assert page.count('<svg role="img"') == 3
    for chart in ("chart-status", "chart-ageing", "chart-timeline"):
        assert f'<title id="{chart}-title">' in page and f'<desc id="{chart}-desc">' in page
    assert "<script" not in page.lower() and "javascript:" not in page.lower()


def test_slipped_dates_show_original_current_and_days(records: Path) -> None:
    action = records / "audits" / "test-audit" / "action-1.yaml"
    action.write_text(
        action.read_text(encoding="utf-8")
        + "revised_due:\n"
        + "  - {date: 2025-10-31, reason: Supplier delay, agreed_by: Audit Committee}\n"
        + "  - {date: 2025-12-31, reason: Further delay, agreed_by: Audit Committee}\n",
        encoding="utf-8",
    )
    pack = run("report", "--as-of", "2026-01-01").stdout
    section = pack.split("## Slipped dates")[1].split("##")[0]
    assert "| test-audit-1 | Head of Safeguarding | 31 August 2025 | 31 December 2025 | 2 | 122 |" in section


def test_open_items_by_owner_counts_only_the_forces_work(bundled: Path) -> None:
    pack = run("report", "--as-of", AS_OF).stdout
    section = pack.split("## Open items by owner")[1].split("##")[0]
    assert "| Chief Officer lead (GAIN Board) | 4 | 4 |" in section
    assert "| No owner recorded | 13 | 1 |" in section  # the PEEL and NCPI AFIs among them; not the Home Office's work


def test_a_restricted_audits_actions_are_in_the_pack_without_their_text(records: Path) -> None:
    audit = records / "audits" / "test-audit" / "audit.yaml"
    audit.write_text(audit.read_text(encoding="utf-8") + "restricted: true\n", encoding="utf-8")
    pack = run("report", "--as-of", AS_OF).stdout
    assert "test-audit-1" in pack and "Action of a restricted audit report" in pack
    assert "safeguarding dashboard" not in pack
    assert "safeguarding dashboard" in run("overdue", "--as-of", AS_OF, "--format", "json").stdout  # the office still sees it


def test_counts_agree_with_their_nouns_and_periods_name_both_ends(records: Path) -> None:
    pack = run("report", "--as-of", "2026-01-01", "--due-within", "1", "--source", "audit").stdout
    assert "The force's 1 tracked item: 1 open, 0 awaiting verification, 1 overdue, 0 open with no date; 0 items falling due" in pack
    assert "falling due from 1 January 2026 to 2 January 2026" in pack
    assert "end of that period" not in pack and " 1 days" not in pack and "1 items" not in pack


def test_every_table_and_chart_has_its_own_numbered_caption(bundled: Path) -> None:
    page = run("report", "--as-of", AS_OF, "--format", "html").stdout
    captions = re.findall(r"<(?:caption|figcaption)>(.*?)</(?:caption|figcaption)>", page)
    assert page.count("<table") == page.count("<caption>") and page.count("<figure>") == page.count("<figcaption>") == 3
    assert len(set(captions)) == len(captions)
    assert [c.split(":")[0] for c in captions if c.startswith("Figure")] == ["Figure 1", "Figure 2", "Figure 3"]


def test_summaries_end_at_a_word_and_the_full_text_is_in_the_appendix(bundled: Path) -> None:
    page = run("report", "--as-of", AS_OF, "--format", "html").stdout
    assert '<a class="id" href="#item-gbcse-2023-rec-2">gbcse-2023-rec-2</a><span class="report">Inspection of the effectiveness' in page
    appendix = page.split('<h2 id="in-full">Items in full</h2>')[1]
    assert '<dt id="item-gbcse-2023-rec-2">' in appendix
    assert "should be updated frequently, at least annually.</dd>" in appendix  # the last words of its text
    assert "their f…" not in page
    overdue = page.split('id="overdue"')[1].split("</table>")[0]  # the overdue table prints each item whole
    assert "should be updated frequently, at least annually.</td>" in overdue


def test_the_wide_tables_print_on_landscape_pages_and_ids_never_break(bundled: Path) -> None:
    page = run("report", "--as-of", AS_OF, "--format", "html").stdout
    assert "@page landscape { size: A4 landscape; }" in page and ".wide { page: landscape; }" in page
    assert '<section class="wide" aria-labelledby="overdue-heading">' in page
    assert ".id { white-space: nowrap; }" in page and "overflow-wrap: anywhere" not in page


def test_responses_are_named_by_their_reports_title(bundled: Path) -> None:
    pack = run("report", "--as-of", AS_OF).stdout
    assert "| PEEL 2023-2025: An inspection of Cleveland Police (peel-2023-25) | 10 April 2025 | 4 June 2025 |  | Published (date not recorded) |" in pack


def test_a_pack_from_the_warm_cache_is_the_pack_read_afresh(records: Path, private_cache: Path) -> None:
    fresh = run("report", "--as-of", "2026-01-01", "--format", "html").stdout
    assert run("report", "--as-of", "2026-01-01", "--format", "html").stdout == fresh
    action = records / "audits" / "test-audit" / "action-1.yaml"
    action.write_text(action.read_text(encoding="utf-8").replace("due: 2025-08-31", "due: 2099-08-31"), encoding="utf-8")
    changed = run("report", "--as-of", "2026-01-01", "--format", "html").stdout
    assert changed != fresh
    for entry in private_cache.iterdir():
        entry.unlink()
    assert run("report", "--as-of", "2026-01-01", "--format", "html").stdout == changed


def test_the_pack_refuses_a_tree_with_an_unreadable_file_even_from_a_warm_cache(records: Path) -> None:
    assert run("report", "--as-of", "2026-01-01").exit_code == 0
    (records / "audits" / "test-audit" / "action-1.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    refused = run("report", "--as-of", "2026-01-01")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "would leave out 1 record file that could not be read (records/audits/test-audit/action-1.yaml)" in refused.stderr
    draft = run("report", "--as-of", "2026-01-01", "--draft")
    assert draft.exit_code == 1 and "records/audits/test-audit/action-1.yaml" in draft.stdout


def test_a_replayed_pack_follows_an_edited_override_template(records: Path) -> None:
    mine = records.parent / "templates"
    mine.mkdir()
    (mine / "report.md.j2").write_text("First pack for {{ force }}\n", encoding="utf-8")
    assert run("report", "--as-of", "2026-01-01").stdout == "First pack for Test Constabulary\n"
    assert run("report", "--as-of", "2026-01-01").stdout == "First pack for Test Constabulary\n"
    (mine / "report.md.j2").write_text("Second pack for {{ force }}\n", encoding="utf-8")
    assert run("report", "--as-of", "2026-01-01").stdout == "Second pack for Test Constabulary\n"
