"""Where command output goes: results to stdout, diagnostics and warnings to stderr.

Rich decides about colour (only on a terminal, never with NO_COLOR set); plain formats
(JSON, CSV, Markdown, diagnostics) are written as-is, never through rich's markup.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


PIPED_WIDTH = 160


@dataclass
class Output:
    out: Console
    err: Console

    @classmethod
    def standard(cls) -> Output:
        from rich.console import Console  # not imported by --help or --version

        out = Console(highlight=False)
        if not out.is_terminal and "COLUMNS" not in os.environ:
            # Piped tables are read in wide logs and files, not an 80-column terminal.
            out = Console(highlight=False, width=PIPED_WIDTH)
        return cls(out, Console(stderr=True, highlight=False))

    def write(self, text: str) -> None:
        """Plain text to stdout, byte for byte."""
        self.out.file.write(text)
        self.out.file.flush()

    def note(self, text: str) -> None:
        """A line for the person at the terminal, on stderr."""
        self.err.file.write(text + "\n")

    def warn(self, text: str) -> None:
        self.err.file.write(f"pcctrack: warning: {text}\n")

    def show(self, renderable: Any) -> None:
        self.out.print(renderable)
