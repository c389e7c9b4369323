"""New ids in the bundled records' style: short, lower-case, stable, and never taken.

An id is typed on command lines and quoted in papers, so it names the thing in a few words
(`rsm-vulnerability-2526`, `peel-2023-25-afi-9`) and does not change once given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

KIND_SHORT = {"cause-of-concern": "coc", "recommendation": "rec", "area-for-improvement": "afi"}
"""The short forms the bundled finding ids use, by finding kind."""

_MINOR = frozenset(
    "a an and at by for from in into of on or the to with audit audits internal report review "
    "inspection inspections hmicfrs".split()
)
"""Words that say nothing about which report it is: left out of ids."""
_WORDS = 3
_FINDING_ID = re.compile(r"^(?P<prefix>.+)-(?P<kind>coc|rec|afi)-(?P<n>\d+)$")


def slug(text: str) -> str:
    """An id-shaped form of ``text``: lower-case words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:80].strip("-") or "record"


def free_id(base: str, taken: Iterable[str]) -> str:
    """``base`` itself if no record uses it, else the first of base-2, base-3... that is free."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def next_action_number(numbers: Iterable[str]) -> int:
    """The whole number after the highest an audit has used ('1.2' and 'R3' count as 1 and 3):
    actions are numbered as agreed, and one added later comes after them."""
    whole = [int(m.group()) for n in numbers if (m := re.search(r"\d+", n))]
    return max(whole, default=0) + 1


def _key_words(text: str, leave_out: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` that tell one report from another, at most three."""
    skip = _MINOR | {w for phrase in leave_out for w in slug(phrase).split("-")}
    return [w for w in slug(text).split("-") if w not in skip][:_WORDS]


def audit_id(auditor: str, title: str, reference: str, financial_year: str | None = None) -> str:
    """`<firm>-<title words>-<year>` as in `rsm-vulnerability-2526`: the firm's first word,
    up to three words of the title (not the firm's name again, nor 'audit of the'), and the
    year from the reference ('2.25/26') or the financial year ('2025/26')."""
    firm = slug(auditor).split("-")[0]
    words = _key_words(title, leave_out=[auditor])
    year = re.search(r"(\d{2})/(\d{2})\s*$", reference) or re.search(r"\d{2}(\d{2})/(\d{2})$", financial_year or "")
    parts = [firm, *words] + ([year.group(1) + year.group(2)] if year else [])
    return "-".join(parts)


def inspection_id(title: str, year: int, force: str | None = None) -> str:
    """Up to three words of the title that name the report (not the force's name, nor
    'inspection of the') and its year: `national-child-protection-2025`."""
    words = _key_words(title, leave_out=[force] if force else [])
    dated = str(year) in words  # 'PEEL 2023-2025' already names its year
    return "-".join([*(words or ["inspection"]), *([] if dated else [str(year)])])


def finding_id(inspection: str, findings: Iterable[tuple[str, bool]], kind: str, number: str | None, taken: Iterable[str]) -> str:
    """The next id for a finding of ``kind``: `<prefix>-<coc|rec|afi>-<n>`, with the prefix the
    report's own findings already use (``findings`` is (id, carried over from an earlier
    report)), else the inspection's id; n is the number as printed where it is a free whole
    number, else one more than the highest of that kind."""
    short = KIND_SHORT[kind]
    own = [m for ident, carried in findings if not carried and (m := _FINDING_ID.match(ident))]
    prefixes = [m["prefix"] for m in own]
    prefix = max(prefixes, key=prefixes.count) if prefixes else inspection
    used = set(taken)
    if number is not None and number.isdigit() and f"{prefix}-{short}-{int(number)}" not in used:
        return f"{prefix}-{short}-{int(number)}"
    highest = max((int(m["n"]) for m in own if m["prefix"] == prefix and m["kind"] == short), default=0)
    return free_id(f"{prefix}-{short}-{highest + 1}", used)
