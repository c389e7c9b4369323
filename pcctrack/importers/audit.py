"""An internal audit report read into an extraction: the firm, title, reference, dates, the
firm's priority scale as its key prints it, and each management action with its priority,
owner role, date and the finding it answers.

Written against RSM's report layout (cover, summary of management actions, detailed
findings, Appendix A), which other firms' reports resemble; what is not found is listed.
"""

from __future__ import annotations

import re
from collections import Counter

from pcctrack.importers import followup, opinion
from pcctrack.importers.document import DATE, Doc, join, to_date
from pcctrack.importers.found import Extraction, Item, Value
from pcctrack.importers.roles import RoleMatcher
from pcctrack.rules import publishable

_FIRM = re.compile(r"\b((?:[A-Z][A-Za-z&]*\s){1,6}(?:LLP|Ltd|Limited|plc|LLC))\b")
_REPORT = re.compile(r"\b(?P<status>Final|Draft) Internal Audit Report (?P<ref>\d[\w./]*\d)", re.IGNORECASE)
_YEAR = re.compile(r"internal audit plan for (\d{4}/\d{2})\b", re.IGNORECASE)
_AREA = re.compile(r"^Area:\s*(\S.*?)\s*(?:\sControl\b.*)?$", re.MULTILINE)
"""'Area: Vulnerability', the heading of each table of findings (a PDF may run the table's
next row, 'Control ...', onto the same line)."""
_DATES = {
    "debrief": re.compile(rf"Debrief held\s+({DATE})", re.IGNORECASE),
    "draft_issued": re.compile(rf"(?<!Revised )Draft report issued\s+({DATE})"),
    "revised_draft_issued": re.compile(rf"Revised Draft report issued\s+({DATE})", re.IGNORECASE),
    "responses_received": re.compile(rf"Responses received\s+({DATE})", re.IGNORECASE),
    "final_issued": re.compile(rf"Final report issued\s+({DATE})", re.IGNORECASE),
}
_KEY = re.compile(r"priorities are defined as\W*$", re.IGNORECASE | re.MULTILINE)
_APPENDIX_KEY = re.compile(r"^Categorisation of (?:internal audit )?findings\s*$", re.IGNORECASE | re.MULTILINE)
_LEVEL_NAME = re.compile(r"^(?:[A-Z][a-z]+)(?: [a-z]+)?$")
_HTML_TAG = re.compile(r"</?(?:p|ul|ol|li|br)\b[^>]*>", re.IGNORECASE)


def read(doc: Doc, roles: RoleMatcher) -> Extraction:
    """The audit report in ``doc``: every value with its place, what is missing listed."""
    out = Extraction("audit", doc.where(0))
    text = doc.text
    firms = Counter(m.group(1) for m in _FIRM.finditer(text))
    if firms:
        firm = firms.most_common(1)[0][0]
        out.fields["auditor"] = Value(firm, doc.where(text.index(firm)))
    report = _REPORT.search(text)
    if report:
        out.fields["reference"] = Value(report.group("ref"), doc.where(report.start()))
        out.fields["report_status"] = Value(report.group("status").lower(), doc.where(report.start()))
        before = doc.index(report.start()) - 1
        if before >= 0 and 0 < len(doc.paras[before].text) < 100:
            out.fields["title"] = Value(doc.paras[before].text, doc.paras[before].where, "the title is the line above the report's reference on the cover")
    _first(out, "area", _AREA, doc)
    _first(out, "financial_year", _YEAR, doc)
    dates = {}
    for name, pattern in _DATES.items():
        if (m := pattern.search(text)) is not None:
            dates[name] = Value(to_date(m.group(1)), doc.where(m.start()))
    if dates:
        out.fields["dates"] = Value({k: v.value for k, v in dates.items()}, next(iter(dates.values())).where)
    _sections(out, doc)
    scale = _scale(doc)
    if scale:
        out.fields["priority_scale"] = scale
    opinion.read(out, doc)
    names = [level["name"] for level in scale.value] if scale else ["High", "Medium", "Low"]
    out.items = _actions(doc, names, roles)
    out.outcomes = followup.read(doc)
    _left_out(out, text)
    for name in ("auditor", "reference", "title", "priority_scale"):
        if name not in out.fields and not (name == "priority_scale" and out.outcomes):
            out.missing.append(f"audit {name.replace('_', ' ')}")
    if not out.items and not out.outcomes:
        out.missing.append("management actions (no 'Management Action N' blocks or follow-up table found)")
    return out


def _first(out: Extraction, name: str, pattern: re.Pattern[str], doc: Doc) -> None:
    if (m := pattern.search(doc.text)) is not None:
        out.fields[name] = Value(m.group(1), doc.where(m.start()))


def _paragraphs(text: str) -> str:
    """Table cells extracted with their <p> tags: the tags become paragraph breaks, bullets
    become Markdown list items, and the rest of the whitespace is normalised."""
    text = re.sub(r"</p>\s*<p>|</p>\s*<ul[^>]*>|</li>\s*<li>", "\n\n", text, flags=re.IGNORECASE)
    text = _HTML_TAG.sub(" ", text)
    text = re.sub(r"\s*[•▪]\s*", "\n\n- ", text)
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text)]
    return join([b for b in blocks if b])


def _sections(out: Extraction, doc: Doc) -> None:
    """The overview's Background and Conclusion, verbatim."""
    text = doc.text
    for name, start, end in (("background", "Background:", r"^Conclusion:"), ("conclusion", "Conclusion:", r"^Audit themes:|^We found the following|^SUMMARY OF MANAGEMENT ACTIONS|^FINDINGS AND MANAGEMENT ACTIONS")):
        m = re.search(rf"^{start}\s*(.*?)\n(?={end})", text, re.MULTILINE | re.DOTALL)
        if m:
            out.fields[name] = Value(join([line for line in m.group(1).split("\n") if line.strip()]), doc.where(m.start()))


def _levels(doc: Doc, start: int) -> list[tuple[str, str, str]]:
    """(name, meaning, where) pairs following a key's heading: a short capitalised name
    paragraph, then its meaning, until something else comes."""
    first = doc.index(start) + 1
    levels: list[tuple[str, str, str]] = []
    i = first
    while i + 1 < len(doc.paras):
        name, meaning = doc.paras[i].text.strip(), doc.paras[i + 1].text.strip()
        if not _LEVEL_NAME.match(name) or _LEVEL_NAME.match(meaning) or len(meaning) < 15:
            break
        levels.append((name, meaning, doc.paras[i].where))
        i += 2
    return levels


def _scale(doc: Doc) -> Value | None:
    """The firm's scale: its order (highest first) from the key above the summary of actions,
    the fuller meanings from Appendix A where it gives them."""
    key = _KEY.search(doc.text)
    appendix = _APPENDIX_KEY.search(doc.text)
    ordered = _levels(doc, key.end()) if key else []
    fuller = {name: meaning for name, meaning, _ in (_levels(doc, appendix.end()) if appendix else [])}
    if not ordered and fuller:
        return Value(
            [{"name": n, "meaning": m} for n, m in fuller.items()],
            doc.where(appendix.start()),  # type: ignore[union-attr]
            "the order is Appendix A's; check that the scale is written highest first",
        )
    if not ordered:
        return None
    levels = [{"name": n, "meaning": fuller.get(n, m)} for n, m, _ in ordered]
    check = None if all(n in fuller for n, _, _ in ordered) or not fuller else "Appendix A names other levels than the key"
    return Value(levels, ordered[0][2], check)


_BLOCK = re.compile(r"^Management Action (?P<n>\d+(?:\.\d+)?)\b[\t ]*", re.MULTILINE)


def _actions(doc: Doc, priorities: list[str], roles: RoleMatcher) -> list[Item]:
    text = doc.text
    levels = "|".join(re.escape(p) for p in priorities)
    labelled = re.compile(rf"^(?P<text>.+?)\s+Responsible Owner:\s*(?P<owner>.+?)\s+Date:\s*(?P<date>{DATE})\s+Priority:\s*(?P<priority>{levels})\b", re.DOTALL)
    unlabelled = re.compile(rf"^(?P<text>.+?)\s+Responsible Owner:\s*Date:\s*Priority:\s*(?P<owner>.+?)\s+(?P<date>{DATE})\s+(?P<priority>{levels})\b", re.DOTALL)
    summary = _summary_rows(doc, levels)
    blocks = list(_BLOCK.finditer(text))
    items: list[Item] = []
    previous_end = _detailed_start(text)
    for block, following in zip(blocks, [*blocks[1:], None]):
        window = text[block.end(): min(block.end() + 4000, following.start() if following else len(text))]
        m = unlabelled.match(window) or labelled.match(window)
        where = doc.where(block.start())
        number = block.group("n")
        item = Item("action", where)
        item.fields["number"] = Value(number, where)
        found, offset = _finding(text[previous_end: block.start()])
        if found:
            item.fields["finding"] = Value(found, doc.where(previous_end + offset))
        area = list(_AREA.finditer(text, 0, block.start()))
        if area:
            item.area = area[-1].group(1)
        items.append(item)
        if m is None:
            cut = re.search(r"^(?:Area:|APPENDIX)", window, re.MULTILINE)
            _loose(item, window[: cut.start()] if cut else window, priorities, roles, summary.get(number))
            previous_end = block.end() + (cut.start() if cut else len(window))
            continue
        action = _paragraphs(m.group("text"))
        row = summary.get(number)
        if row is not None and " ".join(row["action"].split()) == " ".join(action.split()):
            action = row["action"]  # the summary table keeps the action's paragraph breaks
        item.fields["action"] = Value(action, where, _differs(row, "action", action))
        item.fields["priority"] = Value(m.group("priority"), where, _differs(row, "priority", m.group("priority")))
        item.fields["due"] = Value(to_date(m.group("date")), where, _differs(row, "due", m.group("date")))
        printed = " ".join(m.group("owner").split())
        item.fields["owner"] = roles.owner(printed, where, row["owner"] if row else None)
        previous_end = block.end() + m.end()
    return items


def _loose(item: Item, window: str, priorities: list[str], roles: RoleMatcher, row: dict[str, str] | None) -> None:
    """An action whose table row a page break split, so its cells come out interleaved:
    each label's value is found wherever it is, the rest is the action's text, and every
    value is marked for checking."""
    where = item.where
    text: list[str] = []
    values: dict[str, str] = {}
    for line in window.split("\n"):
        line = line.strip()
        label = re.match(r"^(Responsible Owner|Date|Priority):\s*(.*)$", line)
        value = {"Date": DATE, "Priority": "|".join(map(re.escape, priorities))}.get(label.group(1), ".+") if label else ""
        if label and (found := re.match(rf"({value})\s*(.*)$", label.group(2))) is not None:
            values.setdefault(label.group(1), found.group(1))
            if found.group(2):
                text.append(found.group(2))  # the next cell's text, run on by the page break
        elif label:
            continue
        elif re.fullmatch(DATE, line):
            values.setdefault("Date", line)
        elif line in priorities:
            values.setdefault("Priority", line)
        elif line and roles.canonical(line) is not None:
            values.setdefault("Responsible Owner", line)
        elif line:
            text.append(line)
    check = "read from a table row split across pages: check it against the source"
    if text:
        item.fields["action"] = Value(_paragraphs(_mend_lines(text)), where, check)
    if values.get("Priority") in priorities:
        item.fields["priority"] = Value(values["Priority"], where, check)
    if (due := re.search(DATE, values.get("Date", ""))) is not None:
        item.fields["due"] = Value(to_date(due.group()), where, check)
    if "Responsible Owner" in values:
        owner = roles.owner(values["Responsible Owner"], where, row["owner"] if row else None)
        item.fields["owner"] = Value(owner.value, where, owner.check or check)
    for name, wanted in (("action", "action text"), ("priority", "priority"), ("due", "date"), ("owner", "owner")):
        if name not in item.fields:
            item.fields[name] = Value(None, where, f"the {wanted} could not be read here")


def _mend_lines(lines: list[str]) -> str:
    """Lines of one broken-up cell joined: a line that does not end a sentence runs on."""
    out = ""
    for line in lines:
        out += (" " if out and out[-1] not in ".:;!?" else "\n\n" if out else "") + line
    return out


def _detailed_start(text: str) -> int:
    m = re.search(r"^DETAILED FINDINGS AND ACTIONS\s*$", text, re.MULTILINE)
    return m.end() if m else 0


def _finding(region: str) -> tuple[str | None, int]:
    """The auditor's 'Findings / Implications' text the action answers, without the repeated
    'Area:' page headings, and where in ``region`` it starts."""
    m = re.search(r"Findings / Implications[\t ]*", region)
    if m is None:
        return None, 0
    body = "\n".join(line for line in region[m.end():].split("\n") if not _AREA.match(line) and not re.match(r"^-+$", line))
    body = re.sub(r"\n", "</p><p>", body)
    return _paragraphs(body) or None, m.start()


def _summary_rows(doc: Doc, levels: str) -> dict[str, dict[str, str]]:
    """The summary of management actions, where its rows survive as tab-separated cells."""
    rows: dict[str, dict[str, str]] = {}
    row = re.compile(rf"^(?P<n>\d+(?:\.\d+)?)\t(?P<text>[^\t]+)\t(?P<priority>{levels})\t(?P<owner>[^\t]+)\t(?P<date>{DATE})\s*$", re.MULTILINE)
    for m in row.finditer(doc.text):
        rows[m.group("n")] = {
            "action": _paragraphs(m.group("text")),
            "priority": m.group("priority"),
            "owner": " ".join(m.group("owner").split()),
            "due": m.group("date"),
            "where": doc.where(m.start()),
        }
    return rows


def _differs(row: dict[str, str] | None, name: str, value: str) -> str | None:
    if row is None:
        return None
    if " ".join(row[name].split()) == " ".join(value.split()):
        return None
    return f"the summary of management actions ({row['where']}) gives {row[name]!r}"


def _left_out(out: Extraction, text: str) -> None:
    emails = len({m.group() for m in publishable.EMAIL.finditer(text)})
    phones = len(set(publishable.phone_numbers(text)))
    if re.search(r"Internal audit Contacts", text, re.IGNORECASE) or emails or phones:
        out.left_out.append(
            f"the report's contacts: people's names, {emails} email address{'es' if emails != 1 else ''} and "
            f"{phones} phone number{'s' if phones != 1 else ''} (personal data; owners are recorded as roles)"
        )
