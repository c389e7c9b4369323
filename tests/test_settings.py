"""Settings that come from the environment: which report format `auto` means."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcctrack import settings
from pcctrack.reporters.diagnostics import DiagnosticFormat
from tests.conftest import run


@pytest.mark.parametrize(
    ("environ", "chosen", "expected"),
    [
        ({"GITHUB_ACTIONS": "true"}, DiagnosticFormat.AUTO, DiagnosticFormat.GITHUB),
        ({"GITHUB_ACTIONS": "false"}, DiagnosticFormat.AUTO, DiagnosticFormat.TEXT),
        ({"CI": "true"}, DiagnosticFormat.AUTO, DiagnosticFormat.TEXT),
        ({}, DiagnosticFormat.AUTO, DiagnosticFormat.TEXT),
        ({"GITHUB_ACTIONS": "true"}, DiagnosticFormat.JSON, DiagnosticFormat.JSON),
        ({"GITHUB_ACTIONS": "true"}, DiagnosticFormat.TEXT, DiagnosticFormat.TEXT),
    ],
)
def test_auto_means_github_annotations_only_on_github(
    environ: dict[str, str], chosen: DiagnosticFormat, expected: DiagnosticFormat
) -> None:
    assert settings.diagnostic_format(chosen, environ) is expected


def test_the_job_summary_file_comes_from_github() -> None:
    assert settings.step_summary_file({"GITHUB_STEP_SUMMARY": "/run/summary.md"}) == Path("/run/summary.md")
    assert settings.step_summary_file({"GITHUB_STEP_SUMMARY": ""}) is None
    assert settings.step_summary_file({}) is None


@pytest.mark.parametrize(
    "args, message",
    [
        (["overdue", "--due-within", "999999999"], "--due-within takes a whole number of at most 36500"),
        (["report", "--as-of", "0001-01-01"], "--as-of 0001-01-01 is outside the dates pcctrack accepts (1900 to 2199): check the year"),
        (["overdue", "--as-of", "9999-12-31"], "--as-of 9999-12-31 is outside the dates pcctrack accepts (1900 to 2199): check the year"),
        (["overdue", "--as-of", "20250101"], "--as-of '20250101' is not a date written YYYY-MM-DD"),
        (["overdue", "--as-of", "2025-W01-1"], "--as-of '2025-W01-1' is not a date written YYYY-MM-DD"),
        (["new", "inspection", "--title", "X", "--published", "9999-12-31", "--types", "national"], "--published 9999-12-31 is outside"),
    ],
)
def test_far_or_mis_written_dates_in_options_are_usage_errors(records, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.exit_code == 2 and message in " ".join(result.stderr.split()), result.stderr
