"""`pcctrack validate`: every problem in the records, with its file, line and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pcctrack import settings
from pcctrack.boundary.files import display_path
from pcctrack.checker import check, expand
from pcctrack.errors import EXIT_FINDINGS, EXIT_OK, UsageProblem
from pcctrack.output import Output
from pcctrack.reporters.diagnostics import DiagnosticFormat, as_json, errors, github, printable, summary, text
from pcctrack.reporters.job_summary import validate_summary


def run(
    root: Path, paths: list[Path], as_of: date, fmt: DiagnosticFormat, output: Output, publishable: bool = False
) -> int:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageProblem(f"no such file or folder: {', '.join(missing)}")
    read, diagnostics = check(root, as_of, only=paths or None, for_publication=publishable)
    fmt = settings.diagnostic_format(fmt)
    if fmt is DiagnosticFormat.JSON:
        output.write(as_json(diagnostics))
    else:
        if fmt is DiagnosticFormat.GITHUB:
            output.write(github(diagnostics))
        output.write_err(text(diagnostics))
    if paths:
        wanted = {display_path(p) for p in expand(paths)}
        checked = len(wanted)
        scope = f" in {', '.join(printable(str(p)) for p in paths)} (other records were read only to resolve references)"
    else:
        checked, scope = read, ""
    output.note(summary(diagnostics, checked, scope))
    output.add_summary(lambda: validate_summary(diagnostics, checked))
    return EXIT_FINDINGS if errors(diagnostics) else EXIT_OK
