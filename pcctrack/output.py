"""Where command output goes: results to stdout, diagnostics and warnings to stderr, and
(in GitHub Actions) a Markdown summary appended to the job summary file.

Rich decides about colour (only on a terminal, never with NO_COLOR set); plain formats
(JSON, CSV, Markdown, diagnostics) are written as-is, never through rich's markup.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

from pcctrack import settings


PIPED_WIDTH = 160


@dataclass
class Output:
    out: Console
    err: Console
    summary_file: Path | None = None
    """GitHub's GITHUB_STEP_SUMMARY: Markdown appended here shows on the workflow run's page."""

    @classmethod
    def standard(cls) -> Output:
        from rich.console import Console  # not imported by --help or --version

        out = Console(highlight=False)
        if not out.is_terminal and "COLUMNS" not in os.environ:
            # Piped tables are read in wide logs and files, not an 80-column terminal.
            out = Console(highlight=False, width=PIPED_WIDTH)
        return cls(out, Console(stderr=True, highlight=False), settings.step_summary_file())

    def write(self, text: str) -> None:
        """Plain text to stdout, byte for byte."""
        self.out.file.write(text)
        self.out.file.flush()

    def write_bytes(self, data: bytes) -> None:
        """Bytes to stdout unchanged (CRLF line ends, byte-order marks, binary formats)."""
        self.out.file.flush()
        self.out.file.buffer.write(data)
        self.out.file.buffer.flush()

    def note(self, text: str) -> None:
        """A line for the person at the terminal, on stderr."""
        self.err.file.write(text + "\n")

    def warn(self, text: str) -> None:
        self.err.file.write(f"pcctrack: warning: {text}\n")

    def show(self, renderable: Any) -> None:
        self.out.print(renderable)

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
