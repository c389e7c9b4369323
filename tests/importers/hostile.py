"""Files built to hurt a reader, for the tests and for scripts/measure_import.py."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies, with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _page(content: bytes, compressed: bool) -> bytes:
    stream = zlib.compress(content, 9) if compressed else content
    flate = b" /Filter /FlateDecode" if compressed else b""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), flate) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_bomb() -> bytes:
    """One page whose content stream inflates from about 250 KiB to 256 MiB."""
    return _page(b" " * (256 * 1024 * 1024), compressed=True)


def pdf_without_text() -> bytes:
    """A page that only draws (a scan has no text layer either)."""
    return _page(b"0 0 1 rg 100 100 300 300 re f", compressed=False)


def docx_bomb() -> bytes:
    """A Word package whose document part inflates from about 200 KiB to 200 MiB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):
                part.write(chunk)
    return out.getvalue()


def deep_html(depth: int = 100_000) -> str:
    """Elements nested far deeper than any page."""
    return "<!DOCTYPE html><html><body>" + "<div>" * depth + "Recommendation 1" + "</div>" * depth + "</body></html>"


def huge_file(path: Path, size: int = 60 * 1024 * 1024) -> Path:
    """A sparse file larger than any report (costs no disk)."""
    with path.open("wb") as f:
        f.truncate(size)
    return path
