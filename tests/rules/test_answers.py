"""Reading what an analyst types: the same slips refused in the same words, option or prompt."""

from __future__ import annotations

from datetime import date

import pytest

from pcctrack.rules.answers import Refused, a_date, listed, one_of, some_of


def test_a_british_date_is_refused_with_the_iso_date_it_means() -> None:
    assert a_date(" 2026-09-30 ") == date(2026, 9, 30)
    with pytest.raises(Refused) as refused:
        a_date("30/09/2026")
    assert str(refused.value) == "'30/09/2026' is not a date written YYYY-MM-DD: did you mean 2026-09-30?"
    assert refused.value.suggestion == "2026-09-30"
    with pytest.raises(Refused) as impossible:
        a_date("31/02/2026")
    assert (str(impossible.value), impossible.value.suggestion) == (
        "'31/02/2026' is not a date written YYYY-MM-DD (e.g. 2026-09-30)", None)


def test_a_closed_vocabulary_is_read_in_any_case_and_spelled_its_own_way() -> None:
    scale = ["High", "Medium", "Low"]
    assert one_of("medium", scale, "on the scale") == "Medium"
    with pytest.raises(Refused) as refused:
        one_of("Meduim", scale, "on the scale")
    assert str(refused.value) == "'Meduim' is not on the scale: did you mean 'Medium'? (choose from High, Medium, Low)"
    assert refused.value.suggestion == "Medium"
    assert some_of("Force-Specific, thematic", ["force-specific", "thematic"], "a type") == ["force-specific", "thematic"]
    with pytest.raises(Refused):
        listed(" , ")
