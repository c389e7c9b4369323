"""`pcctrack render`: the published response, as the office would publish it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run

GOLDEN = Path(__file__).parent / "golden"
# ncpi-2025 has no PCC comments in its source, so it can only be rendered as a draft.
BUNDLED = {"gbcse-progress-2025": [], "peel-2023-25": [], "ncpi-2025": ["--draft"]}


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("record", sorted(BUNDLED))
def test_bundled_inspections_render_as_their_golden_files(bundled: Path, golden, record: str, fmt: str) -> None:
    result = run("render", record, "--format", fmt, *BUNDLED[record])
    assert result.exit_code == 0, result.stderr
    golden(GOLDEN / f"{record}.{fmt}", result.stdout)


def test_rendering_twice_gives_the_same_bytes(bundled: Path) -> None:
    first = run("render", "peel-2023-25", "--format", "html").stdout
    assert run("render", "peel-2023-25", "--format", "html").stdout == first


def test_the_response_carries_every_recommendation_due_date_and_grade(bundled: Path) -> None:
    gbcse = run("render", "gbcse-progress-2025").stdout
    for due in ("31 December 2024", "30 May 2025", "31 March 2025", "31 March 2026", "30 June 2024", "31 July 2026", "31 December 2026"):
        assert f"**Due:** {due}" in gbcse
    assert gbcse.count("Recommendation ") >= 15 and "**Due:** With immediate effect" in gbcse
    peel = run("render", "peel-2023-25").stdout
    for area, grade in [("Investigating crime", "Requires improvement"), ("Responding to the public", "Adequate"), ("Managing offenders and suspects", "Good")]:
        assert f"| {area} | {grade} |" in peel


SEED_HEADINGS = [
    "# Response by the PCC to HMICFRS inspections of Cleveland Police",
    "## Inspection details",
    "- **Title of inspection:**",
    "- **Date inspection published:**",
    "- **Type of inspection:**",
    "- **Is Cleveland Police quoted in the report?**",
    "## Executive summary of report",
    "## Force response to recommendations",
    "## PCC response to inspection",
    "### Comment by the PCC",
    "## For office use only",
    "| Response forwarded to Home Office |",
    "| Response published on PCC website |",
]


@pytest.mark.parametrize("record", sorted(BUNDLED))
def test_every_response_has_the_forms_headings(bundled: Path, record: str) -> None:
    document = run("render", record, *BUNDLED[record]).stdout
    positions = [document.find(h) for h in SEED_HEADINGS]
    assert -1 not in positions and positions == sorted(positions)


def test_a_missing_statement_of_action_names_the_recommendation(records: Path) -> None:
    result = run("render", "test-inspection")
    assert result.exit_code == 1
    assert "test-inspection-rec-1: recommendation (unnumbered) to the force has no force_response" in result.stderr
    assert "PCC's own comments" in result.stderr
    assert result.stdout == ""


def test_a_draft_marks_each_gap_in_the_document(records: Path) -> None:
    result = run("render", "test-inspection", "--draft")
    assert result.exit_code == 0
    assert "> **Draft: not for publication.** 2 things must be added" in result.stdout
    assert "**Gap:** no statement of what action has been or will be taken, or why none." in result.stdout
    assert "**Gap:** the PCC's comments have not been recorded." in result.stdout


def test_a_record_can_be_named_by_its_file(bundled: Path) -> None:
    by_path = run("render", "records/inspections/peel-2023-25.yaml")
    assert by_path.exit_code == 0 and by_path.stdout == run("render", "peel-2023-25").stdout


def test_an_unknown_record_is_a_usage_error_with_a_suggestion(bundled: Path) -> None:
    result = run("render", "peel-2023-24")
    assert result.exit_code == 2
    assert "no inspection with id 'peel-2023-24'" in result.stderr and "did you mean 'peel-2023-25'?" in result.stderr


def test_output_goes_to_a_file_when_asked(bundled: Path, tmp_path: Path) -> None:
    target = tmp_path / "peel.html"
    result = run("render", "peel-2023-25", "--format", "html", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.fixture
def hostile(records: Path) -> Path:
    shutil.copyfile(FIXTURES / "documents" / "hostile.yaml", records / "inspections" / "hostile.yaml")
    return records


def test_hostile_text_is_inert_in_html(hostile: Path) -> None:
    page = run("render", "hostile", "--format", "html").stdout
    assert "<script" not in page and "<img" not in page and "<iframe" not in page and "<svg" not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert page.count("<h1>") == 1 and page.count("</main>") == 1
    assert "{{ 7 * 7 }}" in page and "49" not in page and "42" not in page
    assert "__globals__" in page and "&lt;class" not in page  # printed as text, never evaluated
    assert 'href="javascript' not in page and "<dd>javascript:alert(&#39;link&#39;)</dd>" in page
    assert "LEAK-MARKER" not in page


def test_hostile_text_is_inert_in_markdown(hostile: Path) -> None:
    from markdown_it import MarkdownIt

    document = run("render", "hostile").stdout
    page = MarkdownIt("commonmark").enable("table").render(document)
    for tag in ("<script", "<img", "<iframe", "<svg", "<a ", "<u>", "<b>", "<i>", "<code>", "<em>", "<br>", "<ol>", "<blockquote>"):
        assert tag not in page, tag
    assert page.count("<h1>") == 1
    assert "{{ 7 \\* 7 }}" in document and "49" not in document
    assert "LEAK-MARKER" not in document


def test_a_web_link_to_the_full_report_is_a_link(records: Path) -> None:
    target = records / "inspections" / "test-inspection.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "link: https://hmicfrs.invalid/report\n", encoding="utf-8")
    page = run("render", "test-inspection", "--draft", "--format", "html").stdout
    assert '<a href="https://hmicfrs.invalid/report">Test Constabulary PEEL inspection</a>' in page


def test_a_missing_templates_folder_is_a_usage_error(records: Path) -> None:
    result = run("render", "test-inspection", "--templates", "no-such-folder")
    assert result.exit_code == 2 and "--templates no-such-folder: no such folder" in result.stderr


def test_shipped_templates_can_be_overridden_beside_records(bundled: Path, tmp_path: Path) -> None:
    shutil.copytree(bundled, tmp_path / "records")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "response.md.j2").write_text("Response to {{ inspection.title }}\n", encoding="utf-8")
    result = run("render", "peel-2023-25", "--records", str(tmp_path / "records"))
    assert result.stdout == "Response to PEEL 2023-2025: An inspection of Cleveland Police\n"


def test_a_template_cannot_reach_python_internals(records: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "response.md.j2").write_text("{{ inspection.__class__.__mro__ }}", encoding="utf-8")
    result = run("render", "test-inspection", "--draft", "--templates", str(tmp_path / "mine"))
    assert result.exit_code == 2
    assert "template response.md.j2" in result.stderr and "Traceback" not in result.stderr


def test_a_template_using_an_undefined_value_fails_loudly(records: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "response.md.j2").write_text("{{ inspection.no_such_field }}", encoding="utf-8")
    result = run("render", "test-inspection", "--draft", "--templates", str(tmp_path / "mine"))
    assert result.exit_code == 2 and "no_such_field" in result.stderr


def test_an_override_can_build_on_the_shipped_template(bundled: Path, tmp_path: Path) -> None:
    shutil.copytree(bundled, tmp_path / "records")
    (tmp_path / "templates").mkdir()
    example = bundled.parent / "templates" / "style.css.example"
    shutil.copyfile(example, tmp_path / "templates" / "style.css")
    page = run("render", "peel-2023-25", "--format", "html", "--records", str(tmp_path / "records")).stdout
    assert "thead { display: table-header-group; }" in page and ":root { --accent: #5b2a86; }" in page


def test_templates_option_comes_before_the_folder_beside_records(bundled: Path, tmp_path: Path) -> None:
    shutil.copytree(bundled, tmp_path / "records")
    for folder, word in (("templates", "beside"), ("mine", "option")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "response.md.j2").write_text(word + "\n", encoding="utf-8")
    result = run("render", "peel-2023-25", "--records", str(tmp_path / "records"), "--templates", str(tmp_path / "mine"))
    assert result.stdout == "option\n"
