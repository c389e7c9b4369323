"""Where the records are and what day it is, from options, environment or surroundings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pcctrack.errors import UsageProblem
from pcctrack.boundary.files import find_records_dir
from pcctrack.reporters.diagnostics import DiagnosticFormat
from pcctrack.rules.answers import Refused, a_date

if TYPE_CHECKING:
    from pcctrack.rules.editing import Revision


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


def as_of(option: str | None, today: date | None = None) -> date:
    """The date everything is measured against: --as-of / PCCTRACK_AS_OF, else today."""
    if option is None or option == "":
        return today or date.today()
    return date_option("--as-of", option)


def date_option(name: str, value: str) -> date:
    """A date given on the command line, or a usage error naming the option."""
    text = value.strip()
    try:
        return a_date(text)
    except Refused as exc:
        raise UsageProblem(f"{name} {exc}") from None


def dated_options(given: dict[str, str | None]) -> dict[str, date]:
    """The date options given (name -> date), each checked as a date."""
    return {name: date_option(name, value) for name, value in given.items() if value is not None}


def listed(value: str) -> list[str]:
    """A comma-separated option as its items: 'High, Medium, Low'."""
    return [part.strip() for part in value.split(",") if part.strip()]


def revision(on: str | None, reason: str | None, agreed_by: str | None, option: str = "--revise-due") -> Revision | None:
    """--revise-due (or --target) with its --reason and --agreed-by: all three or none, since
    committees ask why every date moved and who agreed it."""
    if on is None:
        return None
    missing = [name for name, value in (("--reason", reason), ("--agreed-by", agreed_by)) if not value]
    if missing:
        raise UsageProblem(f"{option} needs --reason and --agreed-by with it: add {', '.join(missing)}")
    from pcctrack.rules.editing import Revision  # the models load only for an edit

    return Revision(date_option(option, on), reason, agreed_by)  # type: ignore[arg-type]


def dated_change(
    revise_due: str | None, target: str | None, reason: str | None, agreed_by: str | None
) -> tuple[Revision | None, Revision | None]:
    """The revised due date and the target date an update asks for (one of them at most, as
    --reason and --agreed-by can explain only one)."""
    if revise_due is not None and target is not None:
        raise UsageProblem("give --revise-due or --target, not both: each needs its own --reason and --agreed-by")
    if revise_due is None and target is None and (reason is not None or agreed_by is not None):
        raise UsageProblem("--reason and --agreed-by go with --revise-due or --target")
    return revision(revise_due, reason, agreed_by), revision(target, reason, agreed_by, "--target")


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
