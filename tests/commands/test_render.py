"""`pcctrack render`: the published response, as the office would publish it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run

GOLDEN = Path(__file__).parent / "golden"
# Whether Cleveland Police is quoted in each report is not recoverable from the sources, so
# every bundled response is a draft until the office answers the form's question.
BUNDLED = {"gbcse-progress-2025": ["--draft"], "peel-2023-25": ["--draft"], "ncpi-2025": ["--draft"]}
SEEDED = REPO / "records"


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("record", sorted(BUNDLED))
def test_bundled_inspections_render_as_their_golden_files(bundled: Path, golden, record: str, fmt: str) -> None:
    result = run("render", record, "--format", fmt, *BUNDLED[record])
    assert result.exit_code == 0, result.stderr
    golden(GOLDEN / f"{record}.{fmt}", result.stdout)


@pytest.fixture
def answered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled records once the office has answered 'is the force quoted?' on each form."""
    target = tmp_path / "records"
    shutil.copytree(SEEDED, target)
    for path in (target / "inspections").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("force_quoted: null", "force_quoted: true"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    return target


@pytest.mark.parametrize("record", ["gbcse-progress-2025", "peel-2023-25"])
def test_a_bundled_response_is_refused_only_for_the_forms_unanswered_question(bundled: Path, record: str) -> None:
    result = run("render", record)
    assert result.exit_code == 1 and result.stdout == ""
    assert "cannot be published as it stands: 1 gap to fill" in result.stderr
    assert "force_quoted: the form asks whether Cleveland Police is quoted in the report" in result.stderr


@pytest.mark.parametrize("record", ["gbcse-progress-2025", "peel-2023-25"])
def test_once_the_form_is_answered_the_response_is_complete(answered: Path, record: str) -> None:
    result = run("render", record)
    assert result.exit_code == 0, result.stderr
    assert "**Gap:**" not in result.stdout and "Draft" not in result.stdout and "ot recorded" not in result.stdout
    assert "- **Is Cleveland Police quoted in the report?** Yes" in result.stdout


def test_the_ncpi_response_is_refused_naming_every_gap(answered: Path) -> None:
    result = run("render", "ncpi-2025")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines()[1:] == [
        "  - types: no 'Type of inspection' box is ticked; record the boxes the form ticks",
        "  - ncpi-2025-coc-1 (Cause of concern): the source cuts its text off (truncated: true); add the full text from the report",
        "  - ncpi-2025-coc-2 (Cause of concern): the source cuts its text off (truncated: true); add the full text from the report",
        "  - ncpi-2025-afi-2 (Area for improvement): the source cuts its text off (truncated: true); add the full text from the report",
        "  - force_response: no response from the force is recorded; add the chief constable's comments",
        "  - pcc_response.comments is empty: the PCC's own comments must be published",
        "  - pcc_response.scrutiny: the scrutiny meeting of 2025-04-01 has been held but has no outcome: record what the PCC concluded",
    ]


def test_the_draft_banner_lists_every_gap_and_each_is_marked_where_it_falls(bundled: Path) -> None:
    document = run("render", "ncpi-2025", "--draft").stdout
    banner = document[: document.index("## Inspection details")]
    assert "8 gaps must be filled before this response can be published" in banner
    assert banner.count("\n> - ") == 8
    assert document.count("**Gap:**") == 8
    assert "The source is incomplete" not in document and "No response from the force" not in document


def test_the_heading_is_the_reports_title_with_the_commissioners(answered: Path) -> None:
    document = run("render", "peel-2023-25").stdout
    assert document.startswith("Response by the Police and Crime Commissioner for Cleveland\n\n# PEEL 2023-2025: An inspection of Cleveland Police\n")
    page = run("render", "peel-2023-25", "--format", "html").stdout
    assert '<p class="kicker">Response by the Police and Crime Commissioner for Cleveland</p>\n<h1>PEEL 2023-2025: An inspection of Cleveland Police</h1>' in page


def test_a_published_document_prints_no_database_gaps(answered: Path) -> None:
    for record in ("gbcse-progress-2025", "peel-2023-25"):
        for fmt in ("md", "html"):
            document = run("render", record, "--format", fmt).stdout
            assert "ot recorded" not in document and "For office use only" not in document  # no dates yet


def test_areas_for_improvement_sit_under_their_graded_area(answered: Path) -> None:
    document = run("render", "peel-2023-25").stdout
    section = document[document.index("### Investigating crime"): document.index("### Protecting vulnerable people")]
    assert "Areas for improvement:\n\n- Cleveland Police doesn't consistently achieve appropriate outcomes for victims\n- Cleveland Police needs to make sure it completes a victim needs assessment when appropriate\n" in section
    assert section.index("Areas for improvement:") < section.index("Main findings:")
    assert "## Areas for improvement" not in document


def test_numbers_are_printed_only_as_the_report_printed_them(answered: Path) -> None:
    document = run("render", "peel-2023-25").stdout
    assert "Area for improvement 1" not in document and "Recommendation 1" not in document
    gbcse = run("render", "gbcse-progress-2025").stdout
    findings = gbcse[: gbcse.index("## Force response to recommendations")]
    assert findings.count("### Recommendation 1\n") == 2  # the 2023 report's and this report's own
    assert "\n## Area for improvement\n\nAll chief constables should work" in gbcse


def test_the_forces_position_is_never_printed_from_a_bare_status(answered: Path) -> None:
    for record in ("gbcse-progress-2025", "peel-2023-25"):
        assert "The Force's position" not in run("render", record).stdout


def test_a_scheduled_meeting_reads_as_scheduled_and_a_held_one_as_held(answered: Path) -> None:
    peel = run("render", "peel-2023-25").stdout
    assert "A Scrutiny Meeting is scheduled to be held on 21 May 2025. At this meeting, the PCC will be looking to:\n" in peel
    gbcse = run("render", "gbcse-progress-2025").stdout
    assert (
        "At the Scrutiny Meeting held on 1 April 2025, the topic of Child Protection and Child Exploitation was "
        "considered. During this session, the PCC was looking to:\n" in gbcse
    )


def test_the_responses_date_sets_the_tense_and_signs_the_letter(answered: Path) -> None:
    target = answered / "inspections" / "peel-2023-25.yaml"
    text = target.read_text(encoding="utf-8").replace("pcc_response:\n", "pcc_response:\n  date: 2025-06-02\n", 1)
    target.write_text(text, encoding="utf-8")
    document = run("render", "peel-2023-25").stdout
    assert "A Scrutiny Meeting is scheduled" not in document  # 21 May is before 2 June: held, with no outcome
    assert run("render", "peel-2023-25").exit_code == 1
    document = run("render", "peel-2023-25", "--draft").stdout
    assert "A Scrutiny Meeting was held on 21 May 2025. During this session, the PCC was looking to:" in document
    assert (
        "Police and Crime Commissioner for Cleveland  \nOffice of the Police and Crime Commissioner for Cleveland  \n2 June 2025\n"
        in document
    )


def test_an_office_logo_is_embedded_in_html(answered: Path) -> None:
    (answered / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    config = answered / "pcctrack.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    page = run("render", "peel-2023-25", "--format", "html").stdout
    assert '<img class="logo" src="data:image/svg+xml;base64,' in page
    assert 'alt="Office of the Police and Crime Commissioner for Cleveland logo"' in page
    assert "data:image" not in run("render", "peel-2023-25").stdout


def test_a_logo_outside_the_records_folder_is_refused(answered: Path) -> None:
    config = answered / "pcctrack.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "logo: ../../etc/passwd.png\n", encoding="utf-8")
    result = run("render", "peel-2023-25", "--format", "html")
    assert result.exit_code == 2 and "logo: ../../etc/passwd.png is outside the records folder" in result.stderr


def test_rendering_twice_gives_the_same_bytes(bundled: Path) -> None:
    first = run("render", "peel-2023-25", "--format", "html", "--draft").stdout
    assert run("render", "peel-2023-25", "--format", "html", "--draft").stdout == first


FORM_HEADINGS = [
    "## Inspection details",
    "- **Title of inspection:**",
    "- **Date inspection published:**",
    "- **Type of inspection:**",
    "## Executive summary of report",
    "## Force response to recommendations",
    "## PCC response to inspection",
    "### Comment by the PCC",
    "Police and Crime Commissioner for Cleveland  \nOffice of the Police and Crime Commissioner for Cleveland",
]


@pytest.mark.parametrize("record", sorted(BUNDLED))
def test_every_response_has_the_forms_headings_in_order(bundled: Path, record: str) -> None:
    assert appear_in_order(run("render", record, *BUNDLED[record]).stdout, FORM_HEADINGS)


def appear_in_order(document: str, passages: list[str]) -> bool:
    positions = [document.find(p) for p in passages]
    return -1 not in positions and positions == sorted(positions)


def test_a_missing_statement_of_action_names_the_recommendation(records: Path) -> None:
    result = run("render", "test-inspection")
    assert result.exit_code == 1
    assert "test-inspection-rec-1 (Recommendation): a recommendation to the force with no force_response" in result.stderr
    assert "PCC's own comments" in result.stderr
    assert result.stdout == ""


def test_a_draft_marks_each_gap_in_the_document(records: Path) -> None:
    result = run("render", "test-inspection", "--draft")
    assert result.exit_code == 0
    assert "> **Draft: not for publication.** 5 gaps must be filled" in result.stdout
    assert "**Gap:** test-inspection-rec-1 (Recommendation): a recommendation to the force with no force\\_response" in result.stdout
    assert "**Gap:** pcc\\_response.comments is empty" in result.stdout


def test_a_record_can_be_named_by_its_file(bundled: Path) -> None:
    by_path = run("render", "records/inspections/peel-2023-25.yaml", "--draft")
    assert by_path.exit_code == 0 and by_path.stdout == run("render", "peel-2023-25", "--draft").stdout


def test_an_unknown_record_is_a_usage_error_with_a_suggestion(bundled: Path) -> None:
    result = run("render", "peel-2023-24")
    assert result.exit_code == 2
    assert "no inspection with id 'peel-2023-24'" in result.stderr and "did you mean 'peel-2023-25'?" in result.stderr


def test_output_goes_to_a_file_when_asked(bundled: Path, tmp_path: Path) -> None:
    target = tmp_path / "peel.html"
    result = run("render", "peel-2023-25", "--format", "html", "--draft", "-o", str(target))
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
    result = run("render", "peel-2023-25", "--draft", "--records", str(tmp_path / "records"))
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
    page = run("render", "peel-2023-25", "--format", "html", "--draft", "--records", str(tmp_path / "records")).stdout
    assert "thead { display: table-header-group; }" in page and ":root { --accent: #5b2a86; }" in page


def test_templates_option_comes_before_the_folder_beside_records(bundled: Path, tmp_path: Path) -> None:
    shutil.copytree(bundled, tmp_path / "records")
    for folder, word in (("templates", "beside"), ("mine", "option")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "response.md.j2").write_text(word + "\n", encoding="utf-8")
    result = run("render", "peel-2023-25", "--draft", "--records", str(tmp_path / "records"), "--templates", str(tmp_path / "mine"))
    assert result.stdout == "option\n"


def test_the_type_boxes_read_like_the_form(answered: Path) -> None:
    page = run("render", "gbcse-progress-2025", "--format", "html").stdout
    assert (
        '<li><span class="box" aria-hidden="true">☒</span> National<span class="visually-hidden"> (ticked)</span></li>' in page
    )
    assert '<span class="box" aria-hidden="true">☐</span> Cleveland Specific<span class="visually-hidden"> (not ticked)</span>' in page
    assert "National: yes" not in page and "Specific: no" not in page
    assert "- **Type of inspection:** [ ] Cleveland Specific; [x] National;" in run("render", "gbcse-progress-2025").stdout


def test_hmicfrs_national_status_is_printed_as_the_progress_report_prints_it(answered: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pcctrack.documents import response

    monkeypatch.setattr(response, "_national_status", lambda f: "incomplete" if f.id == "gbcse-2023-rec-2" else None)
    document = run("render", "gbcse-progress-2025").stdout
    assert "should be updated frequently, at least annually.\n\nStatus: Incomplete\n\n### Recommendation 3" in document
    assert document.count("Status: ") == 1


SOURCE_ORDER = {
    "the group-based CSE force response, with its lead-in": ("gbcse-progress-2025", [
        "A plenary session has taken place to discuss the actions",
        "Initial results of the discussions are detailed below:",
        "### Recommendation 1\n\nThe Force has already adopted the IICSA definition",
        "### Recommendation 6\n\nThe Force is in a strong position nationally",
        "### Recommendation 2 (from original report)\n\nWhen this recommendation was initially issued",
        "Ongoing progress will be tracked through the relevant Force delivery group",
        "## PCC response to inspection",
    ]),
    "the PEEL force response, with its lead-in and closing words": ("peel-2023-25", [
        "The Force has accepted all 8 Areas for Improvement (AFI)",
        "Initial response to the actions is as follows:",
        "- Cleveland Police should improve the way it flags vulnerable people on its incident logs\n\nThe Force has made improvements",
        "Force specific actions from PEEL reports, like these, can only be closed by HMICFRS.",
        "The Force continues to actively work to satisfy all recommendations and AFIs.",
    ]),
    "the scrutiny meeting's published evidence and outcome": ("gbcse-progress-2025", [
        "provide reassurance to the public that the Force is making the necessary improvements at pace.",
        "At the meeting, the PCC requested an update on the progress the Force had made",
        "In response, the following evidence was provided:\n\n- The Force is making good progress",
        "The PCC was partly assured by the evidence submitted by the Force.",
    ]),
}


@pytest.mark.parametrize("case", sorted(SOURCE_ORDER))
def test_published_text_keeps_the_sources_order(answered: Path, case: str) -> None:
    record, passages = SOURCE_ORDER[case]
    assert appear_in_order(run("render", record).stdout, passages)


def test_nothing_the_source_lacks_is_added_to_the_scrutiny_text(answered: Path) -> None:
    assert "Assurance:" not in run("render", "gbcse-progress-2025").stdout  # the outcome says it, in the source's words
    peel = run("render", "peel-2023-25").stdout
    assert "topic of PEEL" not in peel and "21 May 2025: PEEL" not in peel


def test_the_office_box_shows_only_the_dates_recorded(answered: Path) -> None:
    target = answered / "inspections" / "peel-2023-25.yaml"
    text = target.read_text(encoding="utf-8").replace("milestones:\n  published: true\n", "milestones:\n  published: true\n  forwarded_home_office: 2025-06-01\n")
    target.write_text(text, encoding="utf-8")
    document = run("render", "peel-2023-25").stdout
    assert document.endswith("## For office use only\n\n- Response forwarded to Home Office: 1 June 2025\n")


def test_a_status_logged_by_a_named_role_is_printed_as_the_forces_position(answered: Path) -> None:
    target = answered / "inspections" / "gbcse-progress-2025.yaml"
    text = target.read_text(encoding="utf-8")
    logged = (
        "    log:\n      - date: 2025-11-20\n        status: completed\n        by: Chief Officer lead (GAIN Board)\n"
        "        note: Definition adopted in all policies.\n"
    )
    start = text.index("  - id: gbcse-2025-rec-1\n")
    end = text.index("    tags:\n", start)
    target.write_text(text[:end] + logged + text[end:], encoding="utf-8")
    document = run("render", "gbcse-progress-2025").stdout
    assert "The Force's position: Completed (reported by Chief Officer lead (GAIN Board), 20 November 2025)" in document
    assert document.count("The Force's position") == 1


def test_a_finding_placed_under_an_area_the_report_did_not_grade_is_still_printed(answered: Path) -> None:
    target = answered / "inspections" / "peel-2023-25.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("    area: Investigating crime\n", "    area: Investigations\n", 1), encoding="utf-8")
    document = run("render", "peel-2023-25").stdout
    assert "## Area for improvement\n\nCleveland Police doesn't consistently achieve appropriate outcomes for victims" in document
