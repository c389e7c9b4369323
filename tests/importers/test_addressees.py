"""Who a recommendation is addressed to, and when it is due, read from its own sentence."""

from __future__ import annotations

import pytest

from pcctrack.importers import addressees


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By 31 March 2026, the Home Office, Department for Education and all police forces and law enforcement bodies that are yet to do so should adopt ...", ["home-office", "department-for-education", "force", "law-enforcement-bodies"]),
        ("By 31 December 2024, all chief constables and the relevant business user groups for police record management systems should make sure ...", ["force", "rms-business-user-groups"]),
        ("By 31 December 2026, the National Police Chiefs' Council, the Hydrant Programme and the Home Office should work together ...", ["npcc", "hydrant-programme", "home-office"]),
        ("By 30 June 2024, all chief constables of forces that are yet to receive the Hydrant Programme's continuing professional development offer should arrange it.", ["force"]),
        ("By 30 May 2025, the National Crime Agency should produce an assessment ...", ["national-crime-agency"]),
        ("Within six months, the College of Policing and the NPCC should publish guidance.", ["college-of-policing", "npcc"]),
        ("Cleveland Police's operating model should allow it to respond effectively", ["force"]),
        ("The force needs to record children's demographic information more consistently", ["force"]),
        ("By 31 March 2026, all police forces should devise a strategy ... returns to the Hydrant Programme.", ["force"]),
    ],
)
def test_addressees_come_from_the_subject_of_the_sentence(text: str, expected: list[str]) -> None:
    assert addressees.read(text, "Cleveland Police") == (expected, [])


def test_a_subject_naming_no_known_body_is_reported_not_guessed() -> None:
    assert addressees.read("By 31 March 2026, the Ministry of Justice and all chief constables should agree ...", "Cleveland Police") == (["force"], ["the Ministry of Justice"])


def test_due_dates_and_timescales_are_kept_as_printed() -> None:
    assert addressees.due_date_text("By 31 March 2026, the Home Office should ...") == "31 March 2026"
    assert addressees.timescale("With immediate effect, all chief constables should ...") == "With immediate effect"
    assert addressees.timescale("Within six months of publication, the force should ...") == "Within six months of publication"
    assert addressees.due_date_text("The force should, by 31 March 2026, ...") is None
