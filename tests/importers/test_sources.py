"""Reading a file into paragraphs: hostile files are refused with a clear error; layout
artefacts (running footers, hyphenated line ends, Markdown markers) do not reach the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcctrack.importers import sources
from pcctrack.importers.document import mend
from pcctrack.importers.sources import Para
from tests.conftest import run
from tests.importers import hostile


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("bomb.pdf", lambda p: p.write_bytes(hostile.pdf_bomb()), "bomb.pdf: refused: part of the PDF unpacks to more than 20 MB or more objects than any report holds (a PDF bomb?); save it again from its source, or copy its text into a .txt file"),
        ("scan.pdf", lambda p: p.write_bytes(hostile.pdf_without_text()), "scan.pdf: no text found (a scanned image? run it through OCR first, or copy its text into a .txt file)"),
        ("bomb.docx", lambda p: p.write_bytes(hostile.docx_bomb()), "bomb.docx: refused: the Word file unpacks to 209,715,208 bytes in 2 parts (a zip bomb?); a report's text is far smaller: save it again from Word, or copy its text into a .txt file"),
        ("deep.html", lambda p: p.write_text(hostile.deep_html(), encoding="utf-8"), "deep.html:1:1298: refused: elements nested more than 256 deep; no report page nests like this"),
        ("huge.txt", hostile.huge_file, "huge.txt: 60 MiB is larger than a report can be (50 MiB); import the report itself, not a bundle"),
        ("binary.txt", lambda p: p.write_bytes(b"\x00\x01garbage"), "binary.txt: binary data (a NUL byte at offset 0); import a PDF, .docx, HTML or UTF-8 text file"),
        ("latin1.txt", lambda p: p.write_bytes("Recommendation 1\n\nBy 31 March 2026, the force should caf\xe9.".encode("latin-1")), "latin1.txt: byte 56 is not UTF-8; save the text as UTF-8 and import it again"),
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "broken.docx: not a readable Word file (BadZipFile: File is not a zip file); save it again as .docx"),
        ("empty.txt", lambda p: p.write_text("\n\n", encoding="utf-8"), "empty.txt: no text found"),
    ],
    ids=lambda v: v if isinstance(v, str) and "." in v and len(v) < 20 else "",
)
def test_hostile_and_unreadable_files_are_refused_with_what_to_do(records: Path, name: str, make: object, message: str) -> None:
    path = Path(name)
    make(path)  # type: ignore[operator]
    before = sorted(p.relative_to(records) for p in records.rglob("*"))
    result = run("import", name, "--records", str(records))
    assert result.exit_code == 2
    assert result.stderr == f"pcctrack: error: {message}\n"
    assert sorted(p.relative_to(records) for p in records.rglob("*")) == before


def test_a_word_hyphenated_at_a_line_end_is_joined_as_the_report_spells_it() -> None:
    lines = [("The force works with safe-", "line 1"), ("guarding partners and under-", "line 2"), ("represented groups.", "line 3"), ("", "line 4"), ("Safeguarding matters.", "line 5")]
    paras = sources._dehyphenate(list(sources.paragraphs(lines)))
    assert paras == [
        Para("The force works with safeguarding partners and under-represented groups.", "line 1"),
        Para("Safeguarding matters.", "line 5"),
    ]


def test_markdown_markers_and_bullets_become_plain_paragraphs() -> None:
    lines = [("### **Areas for improvement**", "line 1"), ("#### ***The Force needs more officers***", "line 2"), ("• first", "line 3"), ("- second", "line 4")]
    assert [p.text for p in sources.paragraphs(lines)] == ["Areas for improvement", "The Force needs more officers", "- first", "- second"]


def test_a_pdf_loses_its_running_footer_and_keeps_its_paragraphs(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from tests.importers.layouts import to_pdf

    text = "\n\n".join(f"Paragraph {n} says something long enough to be a sentence of a report, and it ends here." for n in range(120))
    path = tmp_path / "long.pdf"
    path.write_bytes(to_pdf(text))
    paras = mend(sources.read(path, "long.pdf"))
    assert [p.text for p in paras] == [f"Paragraph {n} says something long enough to be a sentence of a report, and it ends here." for n in range(120)]
    assert paras[-1].where.startswith("page 7, line ")


def test_html_that_leaves_out_optional_end_tags_is_not_taken_for_deep_nesting(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_text("<html><body>" + "<p>A paragraph." * 400 + "<ul>" + "<li>An item" * 300 + "</ul></body></html>", encoding="utf-8")
    paras = sources.read(page, "old.html")
    assert [p.text for p in paras] == ["A paragraph."] * 400 + ["- An item"] * 300


def _encrypted(tmp_path: Path, user_password: str) -> Path:
    pytest.importorskip("weasyprint")
    from pypdf import PdfReader, PdfWriter

    from pcctrack.documents.pdf import html_to_pdf

    writer = PdfWriter(clone_from=PdfReader(__import__("io").BytesIO(html_to_pdf("<p>Recommendation 1</p><p>By 31 March 2026, the force should act.</p>"))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as f:
        writer.write(f)
    return path


def test_a_pdf_encrypted_only_against_copying_is_read(tmp_path: Path) -> None:
    paras = sources.read(_encrypted(tmp_path, ""), "locked.pdf")
    assert [p.text for p in paras] == ["Recommendation 1", "By 31 March 2026, the force should act."]


def test_a_pdf_that_needs_a_password_is_refused(tmp_path: Path) -> None:
    with pytest.raises(sources.ImportRefused, match=r"^locked.pdf: the PDF needs a password to open; save an unprotected copy and import that$"):
        sources.read(_encrypted(tmp_path, "secret"), "locked.pdf")
