"""How a status HMICFRS prints for an item is recorded: never as the force's own status."""

from __future__ import annotations

from datetime import date

from pcctrack.importers.drafts import hmicfrs_status
from pcctrack.importers.found import Extraction, Value

STATED = Value("Incomplete", "line 40")


def report(*types: str) -> Extraction:
    return Extraction("inspection", "line 1", {"types": Value(list(types), "line 5"), "published": Value(date(2025, 10, 24), "line 3")})


def test_in_a_national_report_it_is_the_position_across_every_force() -> None:
    assert hmicfrs_status(STATED, report("national")) == {"national_status": Value("incomplete", "line 40")}


def test_in_a_report_on_this_force_it_is_hmicfrs_verdict_on_the_day_it_published() -> None:
    [entry] = hmicfrs_status(Value("Closed", "line 40"), report("force-specific"))["log"].value
    assert dict(entry) == {"date": date(2025, 10, 24), "verdict": "closed", "by": "HMICFRS", "note": "Status given in this report: Closed"}


def test_where_the_report_kind_or_the_word_is_unknown_it_is_a_note_for_the_reviewer() -> None:
    for found, stated in ((report(), STATED), (report("national"), Value("Partly met", "line 40"))):
        [entry] = hmicfrs_status(stated, found)["log"].value
        assert "verdict" not in entry and entry["note"].startswith("Status given in this report")
