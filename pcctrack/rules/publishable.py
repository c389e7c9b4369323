"""What must not reach a published document: personal data and redaction markers.

The office publishes the PCC's responses from these records, so every text field that is
not marked internal (``json_schema_extra={"internal": True}`` on the model field) is read
as if it were already on the PCC's website. The walk is generic over the models' fields,
so a field added later is covered without touching this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

from pcctrack.models.common import is_internal
from pcctrack.records import RecordSet
from pcctrack.rules.visible import visible
from pcctrack.validation import Loc, Problem

EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
"""An email address: a name and a dotted domain around an @."""

_SEP = r"[ .\-/\u2010-\u2015]?"
_PHONE_CANDIDATE = re.compile(
    rf"(?<![\w+])((?:\+|00)44{_SEP}(?:\(0\){_SEP})?|\(?0)(\d{{2,4}}\)?{_SEP}\d{{3,4}}{_SEP}\d{{3,4}})(?!\d)"
)
"""A UK number written as people write them: 01642 301653, (01642) 301653, +44 7700 900123,
0044 1642 301653, 01642-301-653, 01642.301653."""

REDACTION = re.compile(
    r"[\[({<][^\])}>\n]*\b(?:redact\w*|withheld|removed|censored|expunged)\b[^\])}>\n]*[\])}>]"
    r"|(?-i:\bREDACTED\b|\bX{4,}\b)|[\u2580-\u259f\u25a0\u25ac\u25ae]{2,}|(?<![\w*])\*{3,}(?![\w*])",
    re.IGNORECASE,
)
"""[REDACTED], (name redacted), {details removed}, <redacted>, [withheld], a bare REDACTED,
blacked-out text (████, ■■■), and the runs of asterisks or X's that stand for removed words."""

_ADVICE = "published text must not carry it; remove it, or move the note to an internal: list"


def check(records: RecordSet) -> list[Problem]:
    """Every personal detail or redaction marker in a field that would be published. A
    restricted audit report and its actions are never published, so they are not read."""
    restricted = {s.model.id for s in records.audits if s.model.restricted}
    sources: list[tuple[str, BaseModel]] = [(s.path, s.model) for s in records.inspections]
    sources += [(s.path, s.model) for s in records.audits if s.model.id not in restricted]
    sources += [(s.path, s.model) for s in records.actions if s.model.audit not in restricted]
    if records.config_path is not None:
        sources.insert(0, (records.config_path, records.config))
    return [
        Problem(path, loc, message, at_key)
        for path, model in sources
        for loc, text, at_key in published_text(model)
        for message in _findings(text)
    ]


def published_text(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str, bool]]:
    """(place, text, whether it is a key) for every string outside internal fields."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if is_internal(field):
                continue
            yield from published_text(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from published_text(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*loc, key), key, True
            yield from published_text(item, (*loc, key))
    elif isinstance(value, str) and not isinstance(value, Enum):
        yield loc, value, False


def introduced(before: BaseModel | None, after: BaseModel) -> list[tuple[Loc, str]]:
    """(place, what) for each email address or phone number in a published field of ``after``
    that ``before`` (the record as it was, if it existed) did not have: what an edit is about
    to publish. Caught at write time, so a note never needs rewriting after it is committed."""
    old = {text for _, text, _ in published_text(before)} if before is not None else set()
    return [
        (loc, found)
        for loc, text, _ in published_text(after)
        if text not in old
        for found in personal_data(text)
    ]


def personal_data(text: str) -> list[str]:
    """Each email address and UK phone number in ``text``, named as a reader would say it;
    the text is read as it looks (`visible`), so one pasted from a PDF is caught too."""
    text = visible(text)
    return [f"an email address ({m.group()})" for m in EMAIL.finditer(text)] + [
        f"a phone number ({number})" for number in phone_numbers(text)
    ]


def _findings(text: str) -> Iterator[str]:
    text = visible(text)
    for found in personal_data(text):
        yield f"{found} in a published field: {_ADVICE}"
    for match in REDACTION.finditer(text):
        yield (
            f"a redaction marker ({match.group()}) in a published field: a published document"
            " must read as finished; rewrite the passage, or move it to an internal: list"
        )


def phone_numbers(text: str) -> list[str]:
    """UK phone numbers in ``text``: 9 or 10 digits after the 0 (or +44), starting 1, 2, 3, 7 or 8.

    Checking the digit count and the leading digit keeps dates, years and counts such as
    '01/04/2025' or '6,780' out.
    """
    found = []
    for match in _PHONE_CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group(2))
        if len(digits) in (9, 10) and digits[0] in "12378":
            found.append(match.group().strip())
    return found
