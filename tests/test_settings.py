"""Settings that come from the environment: which report format `auto` means."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcctrack import settings
from pcctrack.reporters.diagnostics import DiagnosticFormat


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
