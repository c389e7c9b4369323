"""An HMICFRS inspection, as the PCC's response form (or the report itself) prints it, read
into an extraction: title, publication date, type, executive summary, graded judgements,
recommendations (number, verbatim text, due date or timescale, addressees), areas for
improvement under their graded area, and the force's response to each.

The paragraphs are read in order; headings the inspectorate and the form always use
("Recommendation 3", "Areas for improvement", "Grade: Good", "Main findings") drive it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pcctrack.importers import addressees
from pcctrack.importers.document import DATE, Doc, join, to_date
from pcctrack.importers.found import Extraction, Item, Value
from pcctrack.importers.sources import Para

GRADES = ["outstanding", "good", "adequate", "requires improvement", "inadequate"]
_GRADE = re.compile(r"^Grade:\s*(Outstanding|Good|Adequate|Requires improvement|Inadequate)\s*$", re.IGNORECASE)
_REC = re.compile(r"^Recommendation (\d+(?:\.\d+)?)\s*$")
_AFI = re.compile(r"^Area for improvement(?: (\d+))?\s*$", re.IGNORECASE)
_AFIS = re.compile(r"^Areas for improvement:?\s*$", re.IGNORECASE)
_COCS = re.compile(r"^Causes? of concern:?\s*$", re.IGNORECASE)
_RECS = re.compile(r"^Recommendations?:?\s*$", re.IGNORECASE)
_STATUS = re.compile(r"^Status:\s*(.+?)\s*$")
_EARLIER = re.compile(r"^Recommendations from (.+?report)\s*$", re.IGNORECASE)
_CURRENT = re.compile(r"^Recommendations in this report\s*$", re.IGNORECASE)
_MAIN = re.compile(r"^Main findings:?\s*$", re.IGNORECASE)
_PRACTICE = re.compile(r"^Promising practice:?\s*$", re.IGNORECASE)
_LINK = re.compile(r"full report (?:is available|can be accessed)", re.IGNORECASE)
_FORCE_RESPONSE = re.compile(r"^FORCE RESPONSE", re.IGNORECASE)
_END = re.compile(r"^(?:PCC RESPONSE TO INSPECTION|For Office Use Only|\[REDACTED\]|---+)\s*$", re.IGNORECASE)
_RESPONSE_TO = re.compile(r"^Recommendation (\d+(?:\.\d+)?)\s*(\((?:from )?(?:the )?original report\))?\s*[;:]\s*(.+)$", re.IGNORECASE)
_GRADE_TABLE = re.compile(r"^Outstanding\tGood\tAdequate\tRequires improvement\tInadequate$")
_BULLET = re.compile(r"^[-•]\s+")
_CHECKBOX = re.compile(r"<input([^>]*)>\s*\|?\s*([A-Z][A-Za-z ]+?)\s*(?=\||<|$)|([☒☑☐□■])\s*([A-Z][A-Za-z ]+?)\s*(?=[☒☑☐□■]|$)", re.MULTILINE)
_TYPES = {"specific": "force-specific", "national": "national", "follow up": "follow-up", "thematic": "thematic", "partner inspection": "partner"}


def is_heading(text: str) -> bool:
    """A short line with no closing punctuation: a heading in every report layout we read."""
    return 0 < len(text) <= 150 and text[-1] not in ".:;,!?)" and not _BULLET.match(text) and "\t" not in text and text[0].isupper()


@dataclass
class _Reader:
    doc: Doc
    force: str
    out: Extraction
    summary: list[str] = field(default_factory=list)
    judgements: list[dict[str, Any]] = field(default_factory=list)
    earlier: str | None = None
    area: str | None = None

    @property
    def paras(self) -> list[Para]:
        return self.doc.paras


def read(doc: Doc, force: str) -> Extraction:
    """The inspection in ``doc``; ``force`` is the force pcctrack.yaml names."""
    out = Extraction("inspection", doc.where(0))
    _details(doc, force, out)
    reader = _Reader(doc, force, out)
    start = next((i + 1 for i, p in enumerate(doc.paras) if re.match(r"^EXECUTIVE SUMMARY", p.text, re.IGNORECASE)), 0)
    end = _body(reader, start)
    _responses(reader, end)
    if reader.summary and start > 0:
        lost = any(re.match(r"^Outstanding\s+Good\s+Adequate\b", p) for p in reader.summary)
        check = "the grade table's columns did not survive in the text: rewrite it from the source" if lost else None
        out.fields["summary"] = Value(join(reader.summary), doc.paras[start].where if start < len(doc.paras) else out.where, check)
    if reader.judgements:
        out.fields["judgements"] = Value(reader.judgements, str(reader.judgements[0].pop("where")))
        for j in reader.judgements:
            j.pop("where", None)
    for name in ("title", "published", "types"):
        if name not in out.fields:
            out.missing.append(f"inspection {name}")
    if not out.items:
        out.missing.append("recommendations and areas for improvement (none found)")
    out.left_out += _left_out(doc)
    return out


def _details(doc: Doc, force: str, out: Extraction) -> None:
    text = doc.text
    if (m := re.search(r"^Title of Inspection\s*[-–:]\s*(.+?)\s*$", text, re.MULTILINE | re.IGNORECASE)) is not None:
        out.fields["title"] = Value(m.group(1), doc.where(m.start()))
    if (m := re.search(rf"^Date (?:Inspection )?Published\s*[-–:]?\s*({DATE})", text, re.MULTILINE | re.IGNORECASE)) is not None:
        out.fields["published"] = Value(to_date(m.group(1)), doc.where(m.start()))
    elif (m := re.search(rf"\b(?:Published(?: on)?|Publication date)\s*:?\s*({DATE})", text, re.IGNORECASE)) is not None:
        out.fields["published"] = Value(to_date(m.group(1)), doc.where(m.start()), "the first publication date the page gives")
    if "title" not in out.fields and doc.paras:
        first = doc.paras[0]
        out.fields["title"] = Value(first.text, first.where, "the report's first heading: there is no PCC response form")
    title = out.get("title") or ""
    where = out.fields["title"].where if "title" in out.fields else out.where
    if re.search(r"\bPEEL\b", title):
        out.fields["programme"] = Value("PEEL", where, "read from the title")
    elif re.search(r"national child protection inspection", title, re.IGNORECASE):
        out.fields["programme"] = Value("National Child Protection Inspection", where, "read from the title")
    _types(doc, force, out)


def _types(doc: Doc, force: str, out: Extraction) -> None:
    """The form's type boxes where their marks survive; otherwise, for a title that names the
    force, force-specific (marked for checking)."""
    m = re.search(r"^Type of Inspection:?(.*?)^Is .* quoted", doc.text, re.MULTILINE | re.DOTALL | re.IGNORECASE)
    marked: list[str] = []
    seen = False
    if m is not None:
        for box in _CHECKBOX.finditer(m.group(1)):
            attrs, label = (box.group(1), box.group(2)) if box.group(2) else (box.group(3), box.group(4))
            seen = True
            if "checked" in attrs or attrs in "☒☑■":
                key = next((k for k in _TYPES if k in label.lower()), None)
                if key and _TYPES[key] not in marked:
                    marked.append(_TYPES[key])
    where = doc.where(m.start()) if m else out.where
    if marked:
        out.fields["types"] = Value(marked, where)
        return
    title = out.get("title") or ""
    if re.search(rf"{re.escape(force)}\b", title, re.IGNORECASE):
        note = "the form's type boxes carry no marks" if not seen else "no type box is marked"
        out.fields["types"] = Value(["force-specific"], where, f"{note}; force-specific because the title names {force}")


def _body(r: _Reader, i: int) -> int:
    """Summary, judgements and findings, up to the force's response; returns where it stopped."""
    paras = r.paras
    while i < len(paras):
        text = paras[i].text
        if _FORCE_RESPONSE.match(text) or _END.match(text):
            return i
        if (m := _EARLIER.match(text)) is not None:
            r.earlier = m.group(1)
            r.summary.append(f"**{text}**") if not r.judgements else None
            i += 1
        elif _CURRENT.match(text):
            r.earlier = None
            r.summary.append(f"**{text}**") if not r.judgements else None
            i += 1
        elif (m := _REC.match(text)) is not None:
            i = _finding(r, i + 1, "recommendation", m.group(1), None)
        elif (m := _AFI.match(text)) is not None:
            i = _finding(r, i + 1, "area-for-improvement", m.group(1), None)
        elif _AFIS.match(text):
            i = _areas_for_improvement(r, i + 1)
        elif _COCS.match(text):
            i = _causes_of_concern(r, i + 1)
        elif (m := _GRADE.match(text)) is not None and i > 0:
            i = _judgement(r, i - 1, m.group(1).lower(), i + 1)
        elif i + 1 < len(paras) and is_heading(text) and (grade := _judged(r, paras[i + 1].text)) is not None:
            i = _judgement(r, i, grade, i + 1)
        elif r.judgements and _MAIN.match(text):
            i = _list(r, i + 1, "main_findings")
        elif r.judgements and _PRACTICE.match(text):
            i = _list(r, i + 1, "promising_practice")
        elif _LINK.search(text):
            i += 1
        elif _GRADE_TABLE.match(text) and not r.judgements:
            i = _grade_table(r, i)
        else:
            if not r.judgements:
                r.summary.append(f"**{text}**" if is_heading(text) and i + 1 < len(paras) and not is_heading(paras[i + 1].text) else text)
            i += 1
    return i


def _judged(r: _Reader, text: str) -> str | None:
    """The grade a one-line judgement gives ("Cleveland Police's leadership of its child
    protection arrangements requires improvement."), or 'ungraded' for an area HMICFRS leaves
    ungraded; None for any other paragraph."""
    if len(text) > 250:
        return "ungraded" if re.search(r"\bis ungraded\b", text) and r.judgements == [] and r.summary else None
    if not re.match(rf"(?:{re.escape(r.force)}|The force)(?:'s)?\b", text, re.IGNORECASE):
        return None
    m = re.search(r"\b(?:is|are)\s+(outstanding|good|adequate|inadequate)\b|\b(requires improvement)\b", text, re.IGNORECASE)
    return (m.group(1) or m.group(2)).lower() if m else None


def _judgement(r: _Reader, heading: int, grade: str, body: int) -> int:
    area = r.paras[heading].text
    if r.summary and r.summary[-1] in (area, f"**{area}**"):
        r.summary.pop()
    if r.summary and is_heading(r.summary[-1].strip("*")) and not r.judgements:
        r.summary.pop()  # a section heading with nothing under it before the judgements
    judgement: dict[str, Any] = {"area": area, "where": r.paras[heading].where}
    if grade != "ungraded":
        judgement["grade"] = grade.replace(" ", "-")
    if body < len(r.paras) and not _MAIN.match(r.paras[body].text) and not _AFIS.match(r.paras[body].text):
        judgement["summary"] = r.paras[body].text
        body += 1
    r.judgements.append(judgement)
    r.area = area
    return body


def _list(r: _Reader, i: int, name: str) -> int:
    """The items after 'Main findings:' or 'Promising practice:' (skipping a sentence that
    introduces them): bullets, or, where a PDF drew the bullets apart from the text, the
    short unpunctuated lines that take their place."""
    items: list[str] = []
    while i < len(r.paras):
        text = r.paras[i].text
        following = r.paras[i + 1].text if i + 1 < len(r.paras) else ""
        if _stops(text) or _PRACTICE.match(text) or _GRADE.match(following) or _judged(r, following) or (items and _AFIS.match(following)):
            break
        if _BULLET.match(text):
            items.append(_BULLET.sub("", text))
        elif name == "promising_practice" or is_heading(text):
            items.append(text)
        elif items:
            break
        i += 1
    r.judgements[-1].setdefault(name, []).extend(items)
    return i


def _stops(text: str) -> bool:
    return bool(_COCS.match(text) or _RECS.match(text) or _REC.match(text) or _AFI.match(text) or _AFIS.match(text) or _STATUS.match(text) or _EARLIER.match(text) or _CURRENT.match(text) or _END.match(text) or _FORCE_RESPONSE.match(text) or _LINK.search(text) or _GRADE.match(text) or _MAIN.match(text))


def _finding(r: _Reader, i: int, kind: str, number: str | None, title: str | None) -> int:
    """A numbered recommendation or area for improvement: its paragraphs up to the next
    heading, then the status the report gives it, if any."""
    start = i
    body: list[str] = []
    while i < len(r.paras) and not _stops(r.paras[i].text) and not (title and is_heading(r.paras[i].text) and body):
        body.append(r.paras[i].text)
        i += 1
    where = r.paras[start - 1].where
    if not body:
        r.out.missing.append(f"the text of {kind.replace('-', ' ')} {number or ''} ({where})".replace("  ", " "))
        return i
    item = Item(kind, where, earlier=r.earlier, area=r.area if kind == "area-for-improvement" else None)
    if number:
        item.fields["number"] = Value(number, where)
    if title:
        item.fields["title"] = Value(title, where)
    text = join(body)
    item.fields["text"] = Value(text, r.paras[start].where)
    _timing(r, item, text, r.paras[start].where)
    if i < len(r.paras) and (m := _STATUS.match(r.paras[i].text)) is not None:
        item.fields["stated_status"] = Value(m.group(1), r.paras[i].where)
        i += 1
    if i < len(r.paras) and r.paras[i].text.upper() == "[REDACTED]" or text[-1] not in ".;:!?)'\"":
        item.fields["truncated"] = Value(True, r.paras[min(i, len(r.paras) - 1)].where, "the text stops mid-sentence in the source; nothing is filled in")
    r.out.items.append(item)
    return i


def _timing(r: _Reader, item: Item, text: str, where: str) -> None:
    subject = item.get("title") or text
    if (due := addressees.due_date_text(text)) is not None:
        item.fields["due"] = Value(to_date(due), where)
    elif (words := addressees.timescale(text)) is not None:
        item.fields["timescale"] = Value(words, where)
    found, unknown = addressees.read(subject, r.force)
    check = None
    if unknown:
        check = "no known body in " + "; ".join(f'"{u}"' for u in unknown) + ": add it by hand if it is addressed to another body"
    if found or check:
        item.fields["addressees"] = Value(found, where, check)


def _areas_for_improvement(r: _Reader, i: int) -> int:
    """Bullets (one area for improvement each), or headed sections (a title, then its text)."""
    paras = r.paras
    while i < len(paras):
        text = paras[i].text
        following = paras[i + 1].text if i + 1 < len(paras) else ""
        if _BULLET.match(text):
            item = Item("area-for-improvement", paras[i].where, earlier=r.earlier, area=r.area)
            body = _BULLET.sub("", text)
            item.fields["text"] = Value(body, paras[i].where)
            _timing(r, item, body, paras[i].where)
            r.out.items.append(item)
            i += 1
        elif is_heading(text) and following and _under(text, following) and not _stops(text):
            i = _finding(r, i + 1, "area-for-improvement", None, text)
        else:
            return i
    return i


def _causes_of_concern(r: _Reader, i: int) -> int:
    """Each cause of concern (its title, where it has one, and text), then the
    recommendations made under it: bullets after a sentence that gives their timing and
    subject ("Within six months, the force should:"), or sentences of their own."""
    paras = r.paras
    while i < len(paras):
        text = paras[i].text
        following = paras[i + 1].text if i + 1 < len(paras) else ""
        if is_heading(text) and following and _under(text, following) and not _stops(text):
            title: str | None = text
            i += 1
        elif not _stops(text) and not is_heading(text):
            title = None
        else:
            return i
        start = i
        body: list[str] = []
        while i < len(paras) and not _stops(paras[i].text) and not (is_heading(paras[i].text) and body):
            body.append(paras[i].text)
            i += 1
        item = Item("cause-of-concern", paras[start - 1 if title else start].where, earlier=r.earlier, area=r.area)
        if title:
            item.fields["title"] = Value(title, paras[start - 1].where)
        item.fields["text"] = Value(join(body), paras[start].where)
        r.out.items.append(item)
        concern = f"cause of concern: {title or body[0][:60]}"
        if i < len(paras) and _RECS.match(paras[i].text):
            i = _recommendations_under(r, i + 1, concern)
    return i


def _recommendations_under(r: _Reader, i: int, concern: str) -> int:
    paras = r.paras
    lead = ""
    while i < len(paras) and not (_stops(paras[i].text) and not _BULLET.match(paras[i].text)):
        text = paras[i].text
        if text.endswith(":") and not _BULLET.match(text):
            lead = text
        elif _BULLET.match(text) or not is_heading(text):
            body = _BULLET.sub("", text)
            item = Item("recommendation", paras[i].where, earlier=r.earlier, area=concern)
            item.fields["text"] = Value(body, paras[i].where, f'the sentence before the list reads "{lead}"' if lead else None)
            _timing(r, item, body if not lead else f"{lead[:-1]} {body}", paras[i].where)
            r.out.items.append(item)
        else:
            break
        i += 1
    return i


def _under(heading: str, following: str) -> bool:
    """Whether ``following`` reads as the text under ``heading`` (a sentence, or a line
    longer than the heading where the source cuts the text off)."""
    return not is_heading(following) or len(following) > len(heading)


def _grade_table(r: _Reader, i: int) -> int:
    """The PEEL summary's grade table (a column per grade) as one line per grade."""
    columns: list[list[str]] = [[] for _ in GRADES]
    i += 1
    while i < len(r.paras) and "\t" in r.paras[i].text:
        for n, cell in enumerate(r.paras[i].text.split("\t")[: len(GRADES)]):
            if cell.strip():
                columns[n].append(cell.strip())
        i += 1
    r.summary.append("\n".join(f"- {g[0].upper()}{g[1:]}: {'; '.join(c) or 'none'}" for g, c in zip(GRADES, columns)))
    return i


def _responses(r: _Reader, i: int) -> None:
    """The force's response to each finding (a bullet repeating the finding's text followed
    by the response, or 'Recommendation 2; ...'), and its general response: the rest of the
    section, less the lines that introduce the list."""
    paras = r.paras
    if i >= len(paras) or not _FORCE_RESPONSE.match(paras[i].text):
        return
    texts = {" ".join(str(it.get("text")).split()): it for it in r.out.items}
    general: list[str] = []
    start = paras[i].where
    i += 1
    while i < len(paras) and not _END.match(paras[i].text):
        text = paras[i].text
        if _BULLET.match(text) and (item := texts.get(" ".join(_BULLET.sub("", text).split()))) is not None:
            i += 1
            if i < len(paras) and not _BULLET.match(paras[i].text) and not _END.match(paras[i].text) and not _RESPONSE_TO.match(paras[i].text):
                item.fields["force_response"] = Value(paras[i].text, paras[i].where)
                i += 1
            continue
        if (m := _RESPONSE_TO.match(text)) is not None:
            earlier = m.group(2) is not None
            match = [it for it in r.out.items if it.kind == "recommendation" and it.get("number") == m.group(1) and (it.earlier is not None) == earlier]
            if len(match) == 1:
                match[0].fields["force_response"] = Value(m.group(3), paras[i].where)
        elif not text.endswith(":"):
            general.append(text)
        i += 1
    if general:
        r.out.fields["force_response"] = Value(join(general), start)
    _pcc_comments(r, i)


def _pcc_comments(r: _Reader, i: int) -> None:
    """The PCC's published comments: from 'Comment by the PCC:' up to the office-use box or
    the first paragraph about a scrutiny meeting (meetings are recorded by hand)."""
    paras = r.paras
    start = next((n + 1 for n in range(i, len(paras)) if re.match(r"^Comments? by the PCC:?\s*$", paras[n].text, re.IGNORECASE)), None)
    if start is None:
        return
    comments: list[str] = []
    n = start
    while n < len(paras) and not _END.match(paras[n].text) and not re.search(r"\bScrutiny Meeting\b", paras[n].text, re.IGNORECASE):
        comments.append(paras[n].text)
        n += 1
    if comments:
        r.out.fields["pcc_response"] = Value({"comments": join(comments)}, paras[start].where)
    if n < len(paras) and not _END.match(paras[n].text):
        r.out.left_out.append(f"the scrutiny meeting from {paras[n].where} on: record it under pcc_response.scrutiny by hand")


def _left_out(doc: Doc) -> list[str]:
    notes = []
    after = next((i for i, p in enumerate(doc.paras) if _END.match(p.text) and p.text.upper() != "PCC RESPONSE TO INSPECTION"), None)
    if after is not None and after + 1 < len(doc.paras):
        notes.append(f"everything after {doc.paras[after].where} (the office's notes, meeting records, the office-use box): record what should be kept under internal: by hand")
    return notes
