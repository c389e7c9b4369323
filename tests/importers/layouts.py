"""The seeds' report text laid out as a publisher would: HTML (headings, lists, tables), a
Word document and a PDF printed by the project's own PDF path, with a running footer."""

from __future__ import annotations

import html
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
"""The seed documents, beside the repository as `../shared/seeds/`."""
NCPI = SEEDS / "000_dba6b45f155b7f07.txt"
RSM_AND_RESPONSES = SEEDS / "004_da6f52cb20e39c5f.txt"

_RULE = re.compile(r"^[\s\-|:=]*$")


def blocks(text: str) -> list[tuple[str, object]]:
    """Each line of the text as a block: ('h', text), ('li', text), ('row', cells), ('p', text)."""
    out: list[tuple[str, object]] = []
    for line in text.splitlines():
        if not line.strip() or _RULE.match(line):
            continue
        if line.lstrip().startswith("#"):
            out.append(("h", line.lstrip("# ").strip()))
        elif re.match(r"^\s*- ", line):
            out.append(("li", re.sub(r"^\s*- ", "", line)))
        elif "\t" in line:
            out.append(("row", line.split("\t")))
        else:
            out.append(("p", line.strip()))
    return out


def _inline(text: str) -> str:
    escaped = html.escape(re.sub(r"\*{2,3}(.+?)\*{2,3}", "\x00\\1\x01", text), quote=False)
    return escaped.replace("\x00", "<strong>").replace("\x01", "</strong>")


def to_html(text: str, footer: str = "") -> str:
    """A web page: headings, paragraphs, bullet lists and tables, with an optional running
    footer for print."""
    page = f"@page {{ @bottom-center {{ content: '{footer} page ' counter(page); font-size: 9pt }} }}" if footer else ""
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Report</title><style>{page} td {{ vertical-align: top; padding: 2pt }}</style></head><body>"]
    open_tag = ""
    for kind, value in blocks(text):
        want = {"li": "ul", "row": "table"}.get(kind, "")
        if open_tag and open_tag != want:
            parts.append(f"</{open_tag}>")
            open_tag = ""
        if want and not open_tag:
            parts.append(f"<{want}>")
            open_tag = want
        if kind == "h":
            parts.append(f"<h2>{_inline(str(value)).replace('<strong>', '').replace('</strong>', '')}</h2>")
        elif kind == "li":
            parts.append(f"<li>{_inline(str(value))}</li>")
        elif kind == "row":
            parts.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in value) + "</tr>")  # type: ignore[union-attr]
        else:
            parts.append(f"<p>{_inline(str(value))}</p>")
    if open_tag:
        parts.append(f"</{open_tag}>")
    return "".join(parts) + "</body></html>"


def to_pdf(text: str) -> bytes:
    """The HTML page printed to PDF by pcctrack's own PDF path (WeasyPrint)."""
    from pcctrack.documents.pdf import html_to_pdf

    return html_to_pdf(to_html(text, footer="Report"))


def to_docx(text: str, path: Path) -> None:
    """A Word document with real headings, list paragraphs and tables."""
    import docx

    document = docx.Document()
    table = None
    for kind, value in blocks(text):
        if kind != "row":
            table = None
        if kind == "h":
            document.add_heading(re.sub(r"\*", "", str(value)), level=2)
        elif kind == "li":
            document.add_paragraph(str(value).replace("**", ""), style="List Bullet")
        elif kind == "row":
            cells = list(value)  # type: ignore[call-overload]
            if table is None or len(table.columns) != len(cells):
                table = document.add_table(rows=0, cols=len(cells))
            row = table.add_row()
            for cell, content in zip(row.cells, cells):
                cell.text = content
        else:
            document.add_paragraph(str(value).replace("**", ""))
    document.save(str(path))


def write(text: str, stem: str, fmt: str) -> str:
    """``text`` laid out as plain text, a web page or a Word document (``fmt``: txt, html or
    docx) in ``stem.fmt`` in the working folder; its name, to import."""
    import pytest

    name = f"{stem}.{fmt}"
    if fmt == "txt":
        Path(name).write_text(text, encoding="utf-8")
    elif fmt == "html":
        Path(name).write_text(to_html(text), encoding="utf-8")
    else:
        pytest.importorskip("docx")
        to_docx(text, Path(name))
    return name
