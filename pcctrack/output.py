"""Where command output goes: results to stdout, diagnostics and warnings to stderr, and
(in GitHub Actions) a Markdown summary appended to the job summary file.

Rich decides about colour (only on a terminal, never with NO_COLOR set); plain formats
(JSON, CSV, Markdown, diagnostics) are written as-is, never through rich's markup.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

from pcctrack import settings
from pcctrack.reporters.diagnostics import for_people


PIPED_WIDTH = 160


@dataclass
class Output:
    """Standard output and error. Plain text goes straight to the streams (sys.stdout as it is
    at the time, as an unconfigured rich console would); rich is loaded only for a table."""

    summary_file: Path | None = None
    """GitHub's GITHUB_STEP_SUMMARY: Markdown appended here shows on the workflow run's page."""
    _console: Console | None = None

    @classmethod
    def standard(cls) -> Output:
        return cls(settings.step_summary_file())

    def write(self, text: str) -> None:
        """Plain text to stdout, byte for byte."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def write_for_people(self, text: str) -> None:
        """Text for a person at a terminal to stdout, with record text's control characters
        escaped so that a record can never drive the terminal."""
        self.write(for_people(text))

    def write_bytes(self, data: bytes) -> None:
        """Bytes to stdout unchanged (CRLF line ends, byte-order marks, binary formats)."""
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()

    def write_err(self, text: str) -> None:
        """Plain text to stderr (a diagnostics report), control characters escaped."""
        sys.stderr.write(for_people(text))

    def note(self, text: str) -> None:
        """A line for the person at the terminal, on stderr."""
        sys.stderr.write(for_people(text) + "\n")

    def warn(self, text: str) -> None:
        sys.stderr.write(f"pcctrack: warning: {for_people(text)}\n")

    def show(self, renderable: Any) -> None:
        """A rich table (or text) on stdout: the only output that needs rich, so JSON and CSV
        listings never import it."""
        if self._console is None:
            from rich.console import Console  # not imported by --help, --version or plain formats

            console = Console(highlight=False)
            if not console.is_terminal and "COLUMNS" not in os.environ:
                # Piped tables are read in wide logs and files, not an 80-column terminal.
                console = Console(highlight=False, width=PIPED_WIDTH)
            self._console = console
        self._console.print(renderable)

    def add_summary(self, build: Callable[[], str]) -> None:
        """Append the Markdown ``build`` makes to the job summary, if there is one.

        Built only when there is a summary to add to: a national listing's table takes
        longer to format than the rest of a warm run.

        Appended, never truncated: every step of a job writes to the same file, and earlier
        steps' summaries must survive. A summary that cannot be written is a warning, not a
        failure, because the records themselves were still checked.
        """
        if self.summary_file is None:
            return
        try:
            with self.summary_file.open("a", encoding="utf-8") as handle:
                handle.write(build())
        except OSError as exc:
            self.warn(f"could not add to the job summary {self.summary_file}: {exc.strerror or exc}")
