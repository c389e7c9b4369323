"""From a template and its context to the bytes of a finished document, in any format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pcctrack.documents import environment
from pcctrack.choices import DocFormat
from pcctrack.documents.pdf import html_to_pdf


def produce(template: str, fmt: DocFormat, context: dict[str, Any], overrides: list[Path]) -> bytes:
    """The document as bytes: UTF-8 text for Markdown and HTML, a PDF printed from the HTML."""
    text = environment.render(template, fmt, context, overrides)
    return html_to_pdf(text) if fmt is DocFormat.PDF else text.encode("utf-8")
