"""PDF through WeasyPrint, an optional extra: `pip install 'pcctrack[pdf]'`."""

from __future__ import annotations

from pcctrack.errors import UsageProblem

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF for screen readers (PDF/UA-1), which WeasyPrint can produce."""


def html_to_pdf(html: str) -> bytes:
    """Print an HTML document (with its own @page rules) to tagged PDF bytes."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise UsageProblem(
            "--format pdf needs WeasyPrint, which is not installed: run "
            "`pip install 'pcctrack[pdf]'` (or use --format html and print from a browser)"
        ) from None
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
