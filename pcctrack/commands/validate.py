"""`pcctrack validate`: every problem in the records, with its file, line and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pcctrack import settings
from pcctrack.checker import check
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
    checked = check(root, as_of, only=paths or None, for_publication=publishable)
    diagnostics = checked.diagnostics
    fmt = settings.diagnostic_format(fmt)
    if fmt is DiagnosticFormat.JSON:
        output.write(as_json(diagnostics))
    else:
        if fmt is DiagnosticFormat.GITHUB:
            output.write(github(diagnostics))
        output.write_err(text(diagnostics))
    if paths:
        count = len(checked.named)
        scope = f" in {', '.join(printable(str(p)) for p in paths)} (other records were read only to resolve references)"
    else:
        count, scope = checked.read, ""
    output.note(summary(diagnostics, count, scope))
    if checked.outside:
        n = len(checked.outside)
        output.note(
            f"{n} other record file{'s' if n != 1 else ''} outside it {'have' if n != 1 else 'has'} problems "
            f"({printable(', '.join(checked.outside))}): run `pcctrack validate` for the whole tree"
        )
    output.add_summary(lambda: validate_summary(diagnostics, count))
    return EXIT_FINDINGS if errors(diagnostics) else EXIT_OK
