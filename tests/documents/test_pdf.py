"""`--format pdf`: tagged A4 PDF through WeasyPrint, or a clear message without it."""

from __future__ import annotations

import builtins
import re
import struct
import zlib
from pathlib import Path

import pytest

from tests.conftest import run


def test_a_tagged_pdf_is_written(bundled: Path, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="pip install 'pcctrack[pdf]'")
    target = tmp_path / "peel.pdf"
    result = run("render", "peel-2023-25", "--draft", "--format", "pdf", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    content = inflated(data)
    assert data.startswith(b"%PDF") and b"/StructTreeRoot" in content and b"pdfuaid:part" in content
    assert b"/MediaBox [0 0 595" in content  # A4
    again = tmp_path / "again.pdf"
    run("render", "peel-2023-25", "--draft", "--format", "pdf", "-o", str(again))
    assert again.read_bytes() == data


def inflated(pdf: bytes) -> bytes:
    """The PDF with every Flate stream decompressed, so its structure can be searched."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_a_pdf_is_never_written_to_the_terminal(bundled: Path) -> None:
    pytest.importorskip("weasyprint", reason="pip install 'pcctrack[pdf]'")
    result = run("render", "peel-2023-25", "--draft", "--format", "pdf")
    assert result.exit_code == 2 and "give -o FILE" in result.stderr and result.stdout == ""


def test_without_weasyprint_the_message_says_how_to_get_it(bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_weasyprint(name: str, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    result = run("report", "--format", "pdf", "-o", str(tmp_path / "pack.pdf"))
    assert result.exit_code == 2
    assert "pip install 'pcctrack[pdf]'" in result.stderr and "Traceback" not in result.stderr


def test_the_offices_logo_is_embedded_in_the_pdf(records: Path, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="pip install 'pcctrack[pdf]'")
    (records / "logo.png").write_bytes(one_pixel_png())
    config = records / "pcctrack.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    target = tmp_path / "draft.pdf"
    assert run("render", "test-inspection", "--draft", "--format", "pdf", "-o", str(target)).exit_code == 0
    assert b"/Subtype /Image" in inflated(target.read_bytes())


def one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x1d\x4f\x91")) + chunk(b"IEND", b"")
