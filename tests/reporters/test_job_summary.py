"""The Markdown that GitHub shows on a workflow run's summary page."""

from __future__ import annotations

from pcctrack.diagnostics import Diagnostic
from pcctrack.reporters.job_summary import MAX_PROBLEM_ROWS, validate_summary


def test_a_flood_of_problems_is_cut_short_and_says_where_the_rest_are() -> None:
    problems = [Diagnostic(f"records/inspections/r{n:04}.yaml", 1, 1, "broken") for n in range(MAX_PROBLEM_ROWS + 3)]
    text = validate_summary(problems, checked=len(problems))
    assert text.count("| broken |") == MAX_PROBLEM_ROWS
    assert f"r{MAX_PROBLEM_ROWS - 1:04}.yaml" in text and f"r{MAX_PROBLEM_ROWS:04}.yaml" not in text
    assert "3 more problems not shown here: see the step's log." in text


def test_messages_cannot_break_the_table_or_turn_into_html() -> None:
    problem = Diagnostic("records/x.yaml", 2, 3, "put it in audits/<audit>/audit.yaml | not here")
    row = validate_summary([problem], checked=1).splitlines()[-2]
    assert row == "| records/x.yaml | 2 | 3 | put it in audits/\\<audit\\>/audit.yaml \\| not here |"


def test_record_text_in_a_summary_is_neither_a_link_an_image_nor_a_terminal_escape() -> None:
    from markdown_it import MarkdownIt

    message = "unknown owner '[text](https://evil.example) ![x](http://evil.example/i.png) me@evil.example \x1b[2J'"
    section = validate_summary([Diagnostic("records/x.yaml", 2, 3, message)], checked=1)
    page = MarkdownIt("commonmark").enable("table").render(section)
    assert "<a " not in page and "<img" not in page and "\x1b" not in page
    assert "[text](https://evil.example) ![x](http://evil.example/i.png) me@evil.example \\x1b[2J" in page
