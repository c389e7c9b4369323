"""Who a recommendation is addressed to, read from its sentence's subject: "By 31 March 2026,
the Home Office, Department for Education and all police forces ... should ...".

Only the subject is read (the words before "should"), so a body named later in the sentence
("... to the Hydrant Programme") is not taken for an addressee.
"""

from __future__ import annotations

import re

from pcctrack.importers.document import DATE

_LEAD = re.compile(rf"^(?:By {DATE}|With immediate effect|Immediately|Within [\w-]+ (?:days?|weeks?|months?|years?)(?: of [^,]+)?)\s*,\s*", re.IGNORECASE)
_TIMESCALE = re.compile(r"^(With immediate effect|Immediately|Within [\w-]+ (?:days?|weeks?|months?|years?)(?: of [^,]+)?)\s*,", re.IGNORECASE)
_DUE = re.compile(rf"^By ({DATE})\s*,")
_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")

KNOWN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bchief constables?\b|\bpolice forces\b|^(?:all )?forces\b|^the force\b", re.IGNORECASE), "force"),
    (re.compile(r"\bhome office\b", re.IGNORECASE), "home-office"),
    (re.compile(r"\bdepartment for education\b", re.IGNORECASE), "department-for-education"),
    (re.compile(r"\bwelsh government\b", re.IGNORECASE), "welsh-government"),
    (re.compile(r"(?i:\bnational crime agency\b)|\bNCA\b"), "national-crime-agency"),
    (re.compile(r"\bnational police chiefs'? council\b|\bNPCC\b", re.IGNORECASE), "npcc"),
    (re.compile(r"\bcollege of policing\b", re.IGNORECASE), "college-of-policing"),
    (re.compile(r"\bhydrant programme\b", re.IGNORECASE), "hydrant-programme"),
    (re.compile(r"\blaw enforcement bodies\b", re.IGNORECASE), "law-enforcement-bodies"),
    (re.compile(r"\bbusiness user groups\b", re.IGNORECASE), "rms-business-user-groups"),
    (re.compile(r"\b(?:local|safeguarding) partners\b", re.IGNORECASE), "local-partners"),
]


def due_date_text(text: str) -> str | None:
    """The date of a leading "By 31 March 2026," as printed."""
    m = _DUE.match(text)
    return m.group(1) if m else None


def timescale(text: str) -> str | None:
    """Leading timing words other than a date ("With immediate effect"), kept as written."""
    m = _TIMESCALE.match(text)
    return m.group(1) if m else None


def read(text: str, force: str) -> tuple[list[str], list[str]]:
    """The addressees of ``text`` (in the order the subject names them) and the parts of the
    subject that name no known body, for the reviewer."""
    body = _LEAD.sub("", text.strip())
    if re.match(rf"(?:{re.escape(force)}|the force)\b", body, re.IGNORECASE):
        return ["force"], []
    m = re.search(r"\s+should\b", body)
    if m is None:
        return [], [body.split(".")[0][:80]]
    found: list[str] = []
    unknown: list[str] = []
    for part in _PARTS.split(body[: m.start()]):
        part = part.strip()
        if not part:
            continue
        hit = next((name for pattern, name in KNOWN if pattern.search(part)), None)
        if hit is None:
            unknown.append(part)
        elif hit not in found:
            found.append(hit)
    return found, unknown
