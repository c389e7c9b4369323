"""Where the records are and what day it is, from options, environment or surroundings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from pcctrack.errors import UsageProblem
from pcctrack.files import find_records_dir
from pcctrack.reporters.diagnostics import DiagnosticFormat


def records_dir(option: Path | None) -> Path:
    """The records folder: --records / PCCTRACK_RECORDS, else the nearest records/ above."""
    if option is not None:
        if not option.is_dir():
            raise UsageProblem(f"the records folder {option} does not exist or is not a folder")
        return option
    found = find_records_dir(Path.cwd())
    if found is None:
        raise UsageProblem(
            "no records/ folder here or in any folder above: run pcctrack inside a records "
            "repository, or pass --records DIR (or set PCCTRACK_RECORDS)"
        )
    return found


def as_of(option: str | None, today: date | None = None, option_name: str = "--as-of") -> date:
    """The date everything is measured against: --as-of / PCCTRACK_AS_OF, else today."""
    if option is None or option == "":
        return today or date.today()
    try:
        return date.fromisoformat(option.strip())
    except ValueError:
        raise UsageProblem(f"{option_name} {option!r} is not a date written YYYY-MM-DD") from None


def diagnostic_format(chosen: DiagnosticFormat, environ: Mapping[str, str] = os.environ) -> DiagnosticFormat:
    """Resolve `auto`: GitHub annotations inside GitHub Actions, plain text everywhere else.

    GitHub sets GITHUB_ACTIONS=true on its runners, so a records repository's workflow needs
    no --format option to get annotations on the pull request's diff.
    """
    if chosen is not DiagnosticFormat.AUTO:
        return chosen
    return DiagnosticFormat.GITHUB if environ.get("GITHUB_ACTIONS") == "true" else DiagnosticFormat.TEXT


def step_summary_file(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The file GitHub Actions shows as the job summary (GITHUB_STEP_SUMMARY), if any."""
    value = environ.get("GITHUB_STEP_SUMMARY", "")
    return Path(value) if value else None
