"""A report's paragraphs as one searchable text, and a file split into the reports it holds.

Readers search the text with regular expressions that may cross paragraph breaks (a PDF
table cell or a Word form puts a label and its value in different paragraphs) and map each
match back to the paragraph, and so the page and line, it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from dataclasses import dataclass
from datetime import date

from pcctrack.importers import followup
from pcctrack.importers.sources import Para

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
DATE = r"\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
"""A date as reports print it: '31 March 2026'."""

FORM_START = re.compile(r"RESPONSE BY THE PCC TO HMICFRS INSPECTION", re.IGNORECASE)
AUDIT_MARK = re.compile(r"\b(?:Final|Draft) Internal Audit Report\b|\bManagement Action \d", re.IGNORECASE)
INSPECTION_MARK = re.compile(r"\bHMICFRS\b|His Majesty.s Inspectorate|\binspection\b", re.IGNORECASE)


def join(paragraphs: list[str]) -> str:
    """Paragraphs as Markdown text: a blank line between paragraphs, list items kept together."""
    out = ""
    for p in paragraphs:
        if out:
            out += "\n" if p.startswith("- ") and out.rsplit("\n", 1)[-1].startswith("- ") else "\n\n"
        out += p
    return out


def to_date(text: str) -> date:
    """'31 March 2026' as a date (the text is known to match DATE)."""
    day, month, year = re.sub(r"(?<=\d)(st|nd|rd|th)", "", text).split()
    return date(int(year), MONTHS.index(month.lower()) + 1, int(day))


@dataclass
class Doc:
    """Paragraphs joined one per line, with each line's source place."""

    paras: list[Para]

    def __post_init__(self) -> None:
        self.text = "\n".join(p.text for p in self.paras)
        self.starts: list[int] = []
        offset = 0
        for p in self.paras:
            self.starts.append(offset)
            offset += len(p.text) + 1

    def index(self, offset: int) -> int:
        """The paragraph holding the character at ``offset``."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def where(self, offset: int) -> str:
        """The source place of the character at ``offset``."""
        return self.paras[self.index(offset)].where if self.paras else "the start"


def split(paras: list[Para], kind: str | None) -> list[tuple[str, Doc]]:
    """The reports in a file, each with its kind: a file may hold several (an audit report
    and the PCC's response forms copied one after another). With ``kind`` given the whole
    file is one report of that kind."""
    paras = mend(paras)
    if kind:
        return [(kind, Doc(paras))]
    starts = [i for i, p in enumerate(paras) if FORM_START.search(p.text)]
    bounds = ([0] if not starts or starts[0] > 0 else []) + starts + [len(paras)]
    reports: list[tuple[str, Doc]] = []
    for start, end in pairwise(bounds):
        part = Doc(paras[start:end])
        found = _kind(part)
        if found is not None:
            reports.append((found, part))
    return reports


def mend(paras: list[Para]) -> list[Para]:
    """Paragraphs broken by a page or column break mid-sentence joined again: one that ends
    without closing punctuation, followed by one that starts in lower case."""
    out: list[Para] = []
    for p in paras:
        if out and p.text[:1].islower() and out[-1].text[-1:] not in ".:;!?" and "\t" not in out[-1].text + p.text:
            out[-1] = Para(f"{out[-1].text} {p.text}", out[-1].where)
        else:
            out.append(p)
    return out


def _kind(doc: Doc) -> str | None:
    if FORM_START.search(doc.text[:500]):
        return "inspection"
    if AUDIT_MARK.search(doc.text) or any(followup.header(p.text) for p in doc.paras):
        return "audit"
    if INSPECTION_MARK.search(doc.text) and re.search(r"\bRecommendation|\bAreas? for improvement|\bCauses? of concern", doc.text, re.IGNORECASE):
        return "inspection"
    return None
