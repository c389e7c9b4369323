"""A report file as paragraphs of text, each with where it came from: PDF (its text layer),
HTML, Word .docx or plain text. Hostile files are refused before they cost time or memory.

Everything here is I/O and parsing of untrusted input, so every reader has limits: file
size, pages, decompressed bytes, nesting depth and extracted characters.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any

from pcctrack.errors import PcctrackError

MAX_FILE_BYTES = 50 * 1024 * 1024
"""No report we import comes near this; a larger file is refused before it is read."""
MAX_CHARACTERS = 5_000_000
"""Extracted text: a 100-page report holds about 300,000 characters."""
MAX_PAGES = 2_000
MAX_STREAM_BYTES = 20_000_000
"""Decompressed bytes in any one PDF stream or Word part: a bomb stops here."""
MAX_UNPACKED_BYTES = 100_000_000
"""All of a Word file's parts (as its zip directory declares them), or all the streams a
PDF's text is drawn from, unpacked."""
MAX_HTML_DEPTH = 256
"""Elements open at once; real report pages nest a few dozen deep."""
SECONDS = 20.0
"""A PDF's text layer is read page by page and given up after this long."""


class ImportRefused(PcctrackError):
    """A file that cannot be imported: what is wrong with it and what to do."""


@dataclass(frozen=True)
class Para:
    """One paragraph (or heading, list item or table row) with its place in the source."""

    text: str
    where: str
    """e.g. 'line 12', 'page 3, line 40', 'under the heading "Recommendations"'."""


_BULLET = re.compile(r"^\s*(?:[-*•▪◦●]|\d+\.)\s+")
_MARKUP = re.compile(r"^#{1,6}\s+|(?<!\S)\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?!\S)")
_RULE = re.compile(r"^[\s\-|=_:\t•▪◦●]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufff0-\uffff\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters, bidirectional overrides and non-characters: never part of a report's
text (PDFium marks a hyphen at a line end as U+FFFE, turned back into '-' first)."""
_GLYPH = re.compile(r"^[•▪◦●]\s*")


def read(path: Path, shown: str) -> list[Para]:
    """The paragraphs of the report at ``path`` (``shown`` names it in messages)."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImportRefused(f"{shown}: not a file")
        if size > MAX_FILE_BYTES:
            raise ImportRefused(f"{shown}: {size // (1024 * 1024)} MiB is larger than a report can be ({MAX_FILE_BYTES // (1024 * 1024)} MiB); import the report itself, not a bundle")
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"cannot read {shown}: {exc.strerror or exc}") from None
    kind = sniff(raw, path.suffix.lower())
    reader = {"pdf": _pdf, "docx": _docx, "html": _html, "text": _text}[kind]
    paras = _dehyphenate(reader(raw, shown))
    if not any(p.text.strip() for p in paras):
        hint = " (a scanned image? run it through OCR first, or copy its text into a .txt file)" if kind == "pdf" else ""
        raise ImportRefused(f"{shown}: no text found{hint}")
    return paras


def sniff(raw: bytes, suffix: str) -> str:
    """The format from the bytes themselves, so a renamed file is still read correctly."""
    head = raw[:1024].lstrip()
    if raw.startswith(b"%PDF-") or b"%PDF-" in raw[:1024]:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    lowered = head.lower()
    if suffix in (".html", ".htm") or lowered.startswith((b"<!doctype html", b"<html", b"\xef\xbb\xbf<!doctype html")):
        return "html"
    return "text"


# --- plain text -------------------------------------------------------------------------


def _decode(raw: bytes, shown: str) -> str:
    if b"\x00" in raw:
        offset = raw.index(0)
        raise ImportRefused(f"{shown}: binary data (a NUL byte at offset {offset}); import a PDF, .docx, HTML or UTF-8 text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{shown}: byte {exc.start} is not UTF-8; save the text as UTF-8 and import it again") from None


def _text(raw: bytes, shown: str) -> list[Para]:
    text = _decode(raw, shown)
    _check_characters(len(text), shown)
    return list(paragraphs(((line, f"line {n}") for n, line in enumerate(text.splitlines(), 1))))


_BREAK = "\u2060"
"""Marks where a word hyphenated at a line end was joined, until the whole text shows which
spelling the report uses."""


def _dehyphenate(paras: list[Para]) -> list[Para]:
    """Words broken at a line end: joined without the hyphen where the report spells the
    word that way elsewhere ('safe- guarding'), otherwise with it ('under-represented')."""
    if not any(_BREAK in p.text for p in paras):
        return paras
    whole = " ".join(p.text for p in paras)
    joined = re.compile(rf"(\w+){_BREAK}(\w+)")

    def mend(m: re.Match[str]) -> str:
        plain = m.group(1) + m.group(2)
        return plain if re.search(rf"\b{re.escape(plain)}\b", whole, re.IGNORECASE) else f"{m.group(1)}-{m.group(2)}"

    return [Para(joined.sub(mend, p.text).replace(_BREAK, "-"), p.where) for p in paras]


def paragraphs(lines: Iterator[tuple[str, str]] | list[tuple[str, str]]) -> Iterator[Para]:
    """Lines grouped into paragraphs: a blank line, a table rule or a list bullet starts a new
    one; wrapped lines are joined (a word hyphenated across a line break is joined whole)."""
    words: list[str] = []
    where = ""
    for line, place in lines:
        line = _CONTROL.sub("", line.replace("\ufffe", "-").replace("\u00ad", ""))
        clean = _MARKUP.sub("", line).strip(" \r\n" if "\t" in line.strip() else None)
        clean = _GLYPH.sub("- ", clean)
        if not clean or _RULE.match(clean):
            if words:
                yield Para(" ".join(words), where)
            words = []
            continue
        heading = line.lstrip().startswith("#")
        if words and (_BULLET.match(clean) or "\t" in line or heading):
            yield Para(" ".join(words), where)
            words = []
        if not words:
            where = place
        if words and words[-1].endswith("-") and words[-1][-2:-1].isalpha() and clean[:1].islower():
            words[-1] = words[-1][:-1] + _BREAK + clean
        else:
            words.append(clean)
        if heading:
            yield Para(" ".join(words), where)
            words = []
    if words:
        yield Para(" ".join(words), where)


def _check_characters(count: int, shown: str) -> None:
    if count > MAX_CHARACTERS:
        raise ImportRefused(f"{shown}: more than {MAX_CHARACTERS:,} characters of text, far more than any report; import one report at a time")


# --- PDF ----------------------------------------------------------------------------------


def _pdf(raw: bytes, shown: str) -> list[Para]:
    """The text layer, read by PDFium (fast, and fuzzed as Chrome's PDF engine) once pypdf,
    under tight limits, has checked every stream PDFium would unpack to read the text."""
    try:
        import pypdfium2
        import pypdfium2.raw as pdfium
    except ImportError:
        raise ImportRefused("reading PDF needs pypdfium2 and pypdf, which are not installed: run `pip install 'pcctrack[import]'`") from None
    count = _prescan(raw, shown)
    started = time.monotonic()
    pages: list[list[str]] = []
    characters = 0
    try:
        document = pypdfium2.PdfDocument(raw)
        for number in range(count):
            page = document[number]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            characters += len(text)
            _check_characters(characters, shown)
            pages.append(_page_lines(text, textpage, pdfium))
            textpage.close()
            page.close()
            if time.monotonic() - started > SECONDS:
                raise ImportRefused(f"{shown}: reading the text layer took over {SECONDS:.0f} s by page {number + 1}; the PDF is built to exhaust readers, or save it again from its source")
        document.close()
    except pypdfium2.PdfiumError as exc:
        raise ImportRefused(f"{shown}: not a readable PDF ({_reason(exc)}); save it again from its source, or copy its text into a .txt file") from None
    repeated = _running_heads(pages)
    lines: list[tuple[str, str]] = []
    for p, page_lines in enumerate(pages, 1):
        edges = _edges(page_lines)
        n = 0
        for index, line in enumerate(page_lines):
            n += bool(line)
            if not line or index not in edges or _pattern(line) not in repeated:
                lines.append((line, f"page {p}, line {n}"))
    return list(paragraphs(lines))


def _prescan(raw: bytes, shown: str) -> int:
    """The page count, once every stream that reading the text unpacks (page contents,
    form XObjects, fonts' ToUnicode maps) has been unpacked within limits: a PDF bomb is
    refused here, before PDFium would unpack it in full."""
    try:
        from pypdf import PdfReader, apply_configuration
        from pypdf.errors import LimitReachedError, PdfReadError
    except ImportError:
        raise ImportRefused("reading PDF needs pypdf, which is not installed: run `pip install 'pcctrack[import]'`") from None
    limits = {
        "zlib_maximum_output_length": MAX_STREAM_BYTES,
        "lzw_maximum_output_length": MAX_STREAM_BYTES,
        "run_length_maximum_output_length": MAX_STREAM_BYTES,
        "brotli_maximum_output_length": MAX_STREAM_BYTES,
        "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
        "maximum_declared_stream_length": MAX_STREAM_BYTES,
        "stream_decoding_work_maximum_length": 4 * MAX_STREAM_BYTES,
    }
    started = time.monotonic()
    total = 0
    try:
        with apply_configuration(**limits):
            reader = PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not _opens_without_password(reader):
                raise ImportRefused(f"{shown}: the PDF needs a password to open; save an unprotected copy and import that")
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise ImportRefused(f"{shown}: {count:,} pages, more than a report can have ({MAX_PAGES:,})")
            seen: set[int] = set()
            for page in reader.pages:
                total += _unpacked(page, seen, 0)
                if total > MAX_UNPACKED_BYTES or time.monotonic() - started > SECONDS:
                    raise LimitReachedError("total")
    except ImportRefused:
        raise
    except LimitReachedError:
        raise ImportRefused(
            f"{shown}: refused: part of the PDF unpacks to more than {MAX_STREAM_BYTES // 1_000_000} MB or more objects than "
            "any report holds (a PDF bomb?); save it again from its source, or copy its text into a .txt file"
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, _zlib_error()) as exc:
        raise ImportRefused(f"{shown}: not a readable PDF ({_reason(exc)}); save it again from its source, or copy its text into a .txt file") from None
    except Exception as exc:  # pypdf's other errors on malformed objects
        raise ImportRefused(f"{shown}: refused: {_reason(exc)}; the PDF is malformed or built to exhaust readers") from None
    return count


def _opens_without_password(reader: object) -> bool:
    """Many published PDFs are encrypted only to restrict printing or copying, with an empty
    password to open them; those are read like any other."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - pypdf needs an optional cipher library for AES, or the file is broken
        return False


def _unpacked(holder: object, seen: set[int], depth: int) -> int:
    """Bytes unpacked from the content streams of a page or form and what they draw with."""
    from pypdf.generic import ArrayObject, IndirectObject, StreamObject

    def data(value: object) -> int:
        if isinstance(value, IndirectObject):
            if value.idnum in seen:
                return 0
            seen.add(value.idnum)
            value = value.get_object()
        if isinstance(value, ArrayObject):
            return sum(data(v) for v in value)
        return len(value.get_data()) if isinstance(value, StreamObject) else 0

    get = holder.get  # type: ignore[attr-defined]
    total = data(get("/Contents")) if depth == 0 else 0
    resources = get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    if depth > 8:
        return total
    for xobject in (resources.get("/XObject") or {}).values() if hasattr(resources, "get") else []:
        ref = xobject
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and not (isinstance(ref, IndirectObject) and ref.idnum in seen):
            total += data(ref) + _unpacked(xobject, seen, depth + 1)
    for font in (resources.get("/Font") or {}).values() if hasattr(resources, "get") else []:
        total += data(font.get_object().get("/ToUnicode"))
    return total


def _page_lines(text: str, textpage: Any, pdfium: Any) -> list[str]:
    """A page's text lines in the order the PDF draws them, with a blank line wherever a new
    paragraph starts: after a gap of more than about one and a half lines of the font's
    height, or where the text jumps up or sideways (the next table cell or column). Bullets
    drawn apart from their text put '- ' before the line they sit beside."""
    import ctypes

    x, y = ctypes.c_double(), ctypes.c_double()
    lines: list[tuple[float, float, float, str]] = []
    offset = 0
    for line in text.split("\r\n"):
        stripped = line.strip()
        if stripped:
            first = offset + len(line) - len(line.lstrip())
            pdfium.FPDFText_GetCharOrigin(textpage.raw, first, ctypes.byref(x), ctypes.byref(y))
            _, bottom, _, top = textpage.get_charbox(first, loose=True)
            lines.append((x.value, y.value, (top - bottom) or 12.0, stripped))
        offset += len(line) + 2
    markers = [(mx, my) for mx, my, _, t in lines if _RULE.match(t)]
    out: list[str] = []
    previous: tuple[float, float, float] | None = None
    for lx, ly, em, line in lines:
        if _RULE.match(line):
            continue
        bulleted = any(abs(my - ly) < em / 2 and mx < lx for mx, my in markers)
        if previous is not None:
            px, py, pem = previous
            if bulleted or py - ly > 1.45 * min(em, pem) or ly > py + 1 or abs(lx - px) > 2 * em:
                out.append("")
        out.append(f"- {line}" if bulleted else line)
        previous = (lx, ly, em)
    return out


def _zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _pattern(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _edges(page: list[str]) -> set[int]:
    """Where a running header or footer can be: a page's first and last line of text, when
    short and not the lower-case run-on of a sentence from the page before."""
    filled = [i for i, line in enumerate(page) if line.strip()]
    return {i for i in filled[:1] + filled[-1:] if len(page[i]) <= 60 and not page[i][:1].islower()}


def _running_heads(pages: list[list[str]]) -> set[str]:
    """Page headers and footers: short lines at the top or foot of most pages that recur
    (page numbers count as the same line)."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_pattern(page[i]) for i in _edges(page)})
    return {pattern for pattern, n in seen.items() if pattern and n * 2 > len(pages)}


# --- Word -----------------------------------------------------------------------------------


def _docx(raw: bytes, shown: str) -> list[Para]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ImportRefused(f"{shown}: not a readable Word file ({_reason(exc)}); save it again as .docx") from None
    declared = sum(m.file_size for m in members)
    largest = max((m.file_size for m in members), default=0)
    if len(members) > 5_000 or declared > MAX_UNPACKED_BYTES or largest > MAX_STREAM_BYTES:
        raise ImportRefused(
            f"{shown}: refused: the Word file unpacks to {declared:,} bytes in {len(members):,} parts "
            f"(a zip bomb?); a report's text is far smaller: save it again from Word, or copy its text into a .txt file"
        )
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise ImportRefused("reading .docx needs python-docx, which is not installed: run `pip install 'pcctrack[import]'`") from None
    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = list(document.iter_inner_content())
    except Exception as exc:  # python-docx raises many kinds on a malformed package
        raise ImportRefused(f"{shown}: not a readable Word document ({_reason(exc)}); save it again as .docx") from None
    names = {style.style_id: style.name or "" for style in document.styles}  # looked up once, not per paragraph
    lines: list[tuple[str, str]] = []
    heading = ""
    characters = 0
    for n, block in enumerate(blocks, 1):
        where = f'paragraph {n}' + (f' (under the heading "{heading}")' if heading else "")
        if isinstance(block, Paragraph):
            text = block.text
            style = names.get(block._p.style or "", "")
            if style.startswith(("Heading", "Title")):
                heading = " ".join(text.split())[:80]
            if style.startswith("List") and text.strip():
                text = "- " + text
            lines += [(part, where) for part in text.splitlines()] + [("", where)]
        elif isinstance(block, Table):
            for row in block.rows:
                merged = {id(cell._tc): cell for cell in row.cells}  # a merged cell repeats
                cells = [" ".join(cell.text.split()) for cell in merged.values()]
                lines += [("\t".join(cells), where), ("", where)]
        characters += len(lines[-1][0]) if lines else 0
        _check_characters(characters, shown)
    return list(paragraphs(lines))


# --- HTML -----------------------------------------------------------------------------------

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article", "header", "footer", "blockquote", "dt", "dd", "table", "ul", "ol", "main", "nav", "aside", "figcaption", "caption", "hr"}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "nav"}
_IMPLIED = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}
"""Elements whose end tag HTML lets a page leave out: the next one closes them."""
_VOID = {"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "embed", "source", "track", "wbr", "param"}


class _Blocks(HTMLParser):
    """Text by block element, with the heading each sits under; refuses absurd nesting."""

    def __init__(self, shown: str) -> None:
        super().__init__(convert_charrefs=True)
        self.shown = shown
        self.open: list[str] = []
        self.skipping = 0
        self.heading = ""
        self.current: list[str] = []
        self.in_heading = False
        self.lines: list[tuple[str, str]] = []
        self.characters = 0
        self.cells = 0

    def _flush(self) -> None:
        text = "\t".join(" ".join(cell.split()) for cell in "".join(self.current).split("\t"))
        if text.strip():
            if self.in_heading:
                where = f'the heading "{text.strip()[:80]}"'
            else:
                where = f'under the heading "{self.heading}"' if self.heading else f"line {self.getpos()[0]}"
            self.lines += [(text, where), ("", where)]
            if self.in_heading:
                self.heading = text[:80]
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            if tag in _IMPLIED and self.open and self.open[-1] == tag:
                self.open.pop()  # <p>one<p>two: the second <p> closes the first
            self.open.append(tag)
            if len(self.open) > MAX_HTML_DEPTH:
                line, col = self.getpos()
                raise ImportRefused(f"{self.shown}:{line}:{col + 1}: refused: elements nested more than {MAX_HTML_DEPTH} deep; no report page nests like this")
        if tag in _SKIPPED:
            self.skipping += 1
        if tag in _BLOCKS:
            self._flush()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.in_heading = True
        if tag == "li":
            self.current.append("- ")
        if tag == "tr":
            self.cells = 0
        if tag in ("td", "th"):
            if self.cells:
                self.current.append("\t")
            self.cells += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        if tag in _BLOCKS:
            self._flush()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.in_heading = False

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)
            self.characters += len(data)
            _check_characters(self.characters, self.shown)


def _html(raw: bytes, shown: str) -> list[Para]:
    text = _decode(raw, shown)
    parser = _Blocks(shown)
    parser.feed(text)
    parser.close()
    parser._flush()
    return list(paragraphs(parser.lines))
