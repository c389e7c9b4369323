"""An audit's assurance opinion and its scale are read where the report prints them, and
only there: never inferred from the findings, never taken from the scale's own definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, run
from tests.importers import layouts, rsm

AUDIT_FILE = Path("records/audits/example-missing-persons-2526/audit.yaml")
SCALE = (
    "assurance_scale:\n"
    "  - Substantial assurance\n"
    "  - Reasonable assurance\n"
    "  - Partial assurance\n"
    "  - Minimal assurance\n"
    "assurance: Reasonable assurance\n"
)


def _report(text: str, fmt: str = "txt") -> str:
    return layouts.write(text, "audit", fmt)


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_the_opinion_stated_and_the_scale_defined_are_written_strongest_first(records: Path, fmt: str) -> None:
    result = run("import", _report(rsm.audit(), fmt), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    written = AUDIT_FILE.read_text(encoding="utf-8")
    assert SCALE in written
    assert "assurance opinion" not in result.stderr
    assert run("validate", "--as-of", AS_OF).exit_code == 0
    assert "Assurance: Reasonable assurance (scale: Substantial assurance, Reasonable assurance, Partial assurance, Minimal assurance)" in " ".join(run("show", "example-missing-persons-2526").stdout.split())


def test_minimal_assurance_stated_in_its_definitions_words_is_read_as_that_level(records: Path) -> None:
    minimal = "Taking account of the issues identified, the Police and Crime Commissioner cannot take assurance that the controls are suitably designed."
    result = run("import", _report(rsm.audit(minimal), "txt"), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert SCALE.replace("assurance: Reasonable", "assurance: Minimal") in AUDIT_FILE.read_text(encoding="utf-8")


def test_a_scale_printed_as_a_table_of_names_and_definitions_is_read_too(records: Path) -> None:
    table = rsm.ASSURANCE_SCALE.replace(" assurance\n\n", " assurance\t")
    assert "Partial assurance\tTaking account" in table
    for fmt in ("txt", "html"):
        assert run("import", _report(rsm.audit(scale=table), fmt), "--dry-run", "--as-of", AS_OF).stdout.count(SCALE) == 1


@pytest.mark.parametrize(
    ("opinion", "scale", "listed"),
    [
        ("Our review was advisory.", rsm.ASSURANCE_SCALE, "not stated: audit assurance opinion: the report defines a scale but states no opinion on it, so none is recorded"),
        (rsm.OPINION, "", 'not found: audit assurance scale: the report states "can take reasonable assurance" (line 15) but prints no scale of opinions; add assurance_scale and assurance by hand'),
        (
            rsm.OPINION + " For the second area, the board can take partial assurance.",
            rsm.ASSURANCE_SCALE,
            'not found: audit assurance opinion: the report states more than one: "can take reasonable assurance" (line 15); "can take partial assurance" (line 15); set assurance by hand',
        ),
        (rsm.OPINION.replace("reasonable", "moderate"), rsm.ASSURANCE_SCALE, '"can take moderate assurance" (line 15) is not on the report\'s scale'),
    ],
    ids=["scale-without-opinion", "opinion-without-scale", "two-opinions", "opinion-off-the-scale"],
)
def test_an_opinion_that_cannot_be_written_as_printed_is_left_out_and_listed(records: Path, opinion: str, scale: str, listed: str) -> None:
    result = run("import", _report(rsm.audit(opinion, scale), "txt"), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert listed in result.stderr
    assert "\nassurance:" not in AUDIT_FILE.read_text(encoding="utf-8")
    assert run("validate", "--as-of", AS_OF).exit_code == 0


@pytest.mark.skipif(not layouts.SEEDS.is_dir(), reason="the seed documents are not beside the repository")
def test_the_seed_advisory_review_states_no_opinion_so_none_is_written(records: Path) -> None:
    result = run("import", str(layouts.RSM_AND_RESPONSES), "--dry-run", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    audit = result.stdout.split("# --- records/audits/rsm-vulnerability-2526/action-1.yaml")[0]
    assert "conclusion:" in audit and "assurance" not in audit.replace("Risk Assurance Services", "").replace("Review and Assurance Team", "")
    assert "  - not stated: audit assurance opinion: the report gives none, so none is recorded\n" in result.stderr
