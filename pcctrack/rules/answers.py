"""What an analyst types, read as the records need it: a date, a word from a closed
vocabulary, a list. The same reading serves an option (`--due 30/09/2026`) and an answer at a
prompt, so both refuse the same slips in the same words and offer the same correction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pcctrack.choices import nearest, spelled_as
from pcctrack.dates import ISO_DATE, out_of_range

ISO_HINT = "a date written YYYY-MM-DD"


class Refused(ValueError):
    """An answer that cannot be used. The message starts with the answer as typed and says
    why, naming no option (the person may never have typed one); ``suggestion`` is the answer
    they probably meant, to offer back."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion


_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


def a_date(text: str) -> date:
    """A date written YYYY-MM-DD; a British day-first date (30/09/2026) is refused with the
    ISO date it means as the suggestion, since records keep one unambiguous form."""
    value = text.strip()
    if ISO_DATE.match(value):  # only the written-out form: fromisoformat also takes 20250101
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            far = out_of_range(parsed)
            if far is not None:
                raise Refused(far, None)
            return parsed
    written = _DAY_FIRST.fullmatch(value)
    meant = None
    if written:
        day, month, year = (int(g) for g in written.groups())
        try:
            meant = date(year, month, day).isoformat()
        except ValueError:
            meant = None
    hint = f": did you mean {meant}?" if meant else " (e.g. 2026-09-30)"
    raise Refused(f"{text!r} is not {ISO_HINT}{hint}", meant)


def one_of(text: str, choices: Sequence[str], what: str, otherwise: str = "") -> str:
    """The choice ``text`` names, in any case, spelled as the vocabulary spells it.
    ``otherwise`` says what to do when none of the choices is right."""
    found = spelled_as(text, choices)
    if found is not None:
        return found
    close = nearest(text.strip(), choices)
    hint = f": did you mean '{close}'?" if close else ""
    raise Refused(f"{text.strip()!r} is not {what}{hint} (choose from {', '.join(choices) or 'none yet'}{otherwise})", close)


def some_of(text: str, choices: Sequence[str], what: str) -> list[str]:
    """A comma-separated list, each entry one of ``choices``."""
    return [one_of(part, choices, what) for part in listed(text)]


def listed(text: str) -> list[str]:
    """A comma-separated list of at least one entry."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise Refused(f"{text!r} lists nothing: separate the entries with commas")
    return parts
