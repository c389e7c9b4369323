"""PDF through WeasyPrint, an optional extra: `pip install 'pcctrack[pdf]'`.

A template override comes from the records repository, so it may ask WeasyPrint for
`file:///etc/passwd` as an attachment or for `http://...` images, stylesheets and fonts.
WeasyPrint is given a URL fetcher that refuses every URL except `data:` URLs (which are
already inside the document) and files shipped in pcctrack's own templates folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from pcctrack.boundary.files import is_within
from pcctrack.errors import UsageProblem

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF for screen readers (PDF/UA-1), which WeasyPrint can produce."""
ASSETS = Path(__file__).resolve().parent.parent / "templates"
"""The only folder whose files a document may load."""


def allowed(url: str) -> bool:
    """Whether WeasyPrint may load ``url``: nothing from the network or the wider disk."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "data":
        return True
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(os.path.realpath(url2pathname(parts.path)))
    return is_within(path, ASSETS) and path.is_file()


def _fetcher() -> Any:
    """WeasyPrint's own fetcher, limited to what `allowed` lets through (a class since
    WeasyPrint 68 or so, a function before)."""
    from weasyprint import urls

    if not hasattr(urls, "URLFetcher"):
        def fetch(url: str) -> Any:
            return urls.default_url_fetcher(_checked(url))

        return fetch

    class Fetcher(urls.URLFetcher):  # type: ignore[misc, name-defined]
        def fetch(self, url: str, headers: Any = None) -> Any:
            return super().fetch(_checked(url), headers)

    return Fetcher(allowed_protocols=("data", "file"), allow_redirects=False)


def _checked(url: str) -> str:
    if not allowed(url):
        raise ValueError(f"pcctrack does not let documents load {url}")
    return url


def html_to_pdf(html: str) -> bytes:
    """Print an HTML document (with its own @page rules) to tagged PDF bytes."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise UsageProblem(
            "--format pdf needs WeasyPrint, which is not installed: run "
            "`pip install 'pcctrack[pdf]'` (or use --format html and print from a browser)"
        ) from None
    return HTML(string=html, url_fetcher=_fetcher()).write_pdf(pdf_variant=PDF_VARIANT)
