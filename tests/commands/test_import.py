"""`pcctrack import`: draft records from a report, written as `new` writes records, with
what to review; nothing invented, nothing personal, nothing overwritten."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import AS_OF, run

AUDIT = """\
POLICE AND CRIME COMMISSIONER FOR TEST

Missing Persons

Final Internal Audit Report 4.25/26

3 November 2025

To the fullest extent permitted by law, Example Risk Assurance LLP will accept no responsibility.

Background: As part of the internal audit plan for 2025/26, we reviewed missing persons.

Conclusion: Work is underway.

SUMMARY OF MANAGEMENT ACTIONS

The action priorities are defined as*:

High

Immediate management attention is necessary.

Low

There is scope for enhancing control or improving efficiency.

DETAILED FINDINGS AND ACTIONS

Area: Missing Persons

Findings / Implications

We spoke to the team; queries went to jane.doe@example.org for the records.

Management Action 1\tThe Force will review the missing persons policy.\tResponsible Owner: Safeguarding Lead\tDate: 31 March 2026\tPriority: High

Area: Missing Persons

Findings / Implications

The team has no dashboard.

Management Action 2\tThe Force will build a dashboard.\tResponsible Owner: Chief Inspector (Dashboards)\tDate: 30 June 2026\tPriority: Low

Debrief held 25 June 2025
Final report issued 3 November 2025

Internal audit Contacts Jane Doe, Head of Internal Audit

Email: jane.doe@example.org

Telephone: 01908 687915
"""

ACTION_1 = """\
# Imported by `pcctrack import` from audit.txt (line 1). Review each '# check:' comment against the source, then delete it.
id: example-missing-persons-2526-1  # line 35
audit: example-missing-persons-2526
number: '1'
area: Missing Persons
action: The Force will review the missing persons policy.
priority: High
# check: printed as "Safeguarding Lead", which pcctrack.yaml declares as another spelling of this role (line 35)
owner: Head of Safeguarding
due: 2026-03-31
"""


def _write(name: str, text: str) -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_audit_report_becomes_an_audit_and_its_actions(records: Path) -> None:
    _write("audit.txt", AUDIT)
    result = run("import", "audit.txt", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    folder = "records/audits/example-missing-persons-2526"
    assert result.stdout == f"{folder}/audit.yaml\n{folder}/action-1.yaml\n{folder}/action-2.yaml\n"
    assert (records.parent / folder / "action-1.yaml").read_text(encoding="utf-8") == ACTION_1
    action_2 = (records.parent / folder / "action-2.yaml").read_text(encoding="utf-8")
    assert "\nowner:" not in action_2
    assert '# check: owner: the owner is printed as "Chief Inspector (Dashboards)", which is not a role in pcctrack.yaml' in action_2
    assert "status" not in action_2
    assert result.stderr.splitlines()[:1] == ["created audit example-missing-persons-2526 with 2 items"]
    assert "  - left out action 1 finding (line 31): it holds an email address; copy it by hand without it" in result.stderr
    assert "  - not imported: the report's contacts: people's names, 1 email address and 1 phone number (personal data; owners are recorded as roles)" in result.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in (records.parent / folder).iterdir())
    assert "jane.doe" not in written and "Jane Doe" not in written and "01908" not in written
    assert run("validate", "--publishable", "--as-of", AS_OF).exit_code == 0


def test_dry_run_prints_the_drafts_and_writes_nothing(records: Path) -> None:
    _write("audit.txt", AUDIT)
    before = sorted(records.rglob("*"))
    result = run("import", "audit.txt", "--dry-run", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "# --- records/audits/example-missing-persons-2526/action-1.yaml\n" + ACTION_1 in result.stdout
    assert "review audit example-missing-persons-2526:" in result.stderr
    assert sorted(records.rglob("*")) == before


def test_json_gives_every_value_with_its_place(records: Path) -> None:
    _write("audit.txt", AUDIT)
    result = run("import", "audit.txt", "--dry-run", "--format", "json", "--as-of", AS_OF)
    data = json.loads(result.stdout)
    report = data["reports"][0]
    assert (data["written"], report["kind"], report["id"]) == (False, "audit", "example-missing-persons-2526")
    assert report["extraction"]["fields"]["reference"] == {"value": "4.25/26", "where": "line 5"}
    assert report["extraction"]["items"][1]["fields"]["due"] == {"value": "2026-06-30", "where": "line 43"}


def test_a_report_already_recorded_is_left_alone(records: Path) -> None:
    _write("audit.txt", AUDIT)
    assert run("import", "audit.txt", "--as-of", AS_OF).exit_code == 0
    files = {p: p.read_bytes() for p in records.rglob("*.yaml")}
    again = run("import", "audit.txt", "--as-of", AS_OF)
    assert again.exit_code == 1
    assert again.stderr == "pcctrack: error: nothing to write: every report in the file is already recorded (audit example-missing-persons-2526)\n"
    assert {p: p.read_bytes() for p in records.rglob("*.yaml")} == files


def test_an_existing_file_is_never_overwritten_and_nothing_is_written(records: Path) -> None:
    _write("audit.txt", AUDIT)
    clash = records / "audits" / "mine" / "action-2.yaml"
    clash.parent.mkdir(parents=True)
    clash.write_text("# someone's draft\n", encoding="utf-8")
    result = run("import", "audit.txt", "--id", "mine", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stderr.endswith("\npcctrack: error: records/audits/mine/action-2.yaml already exists: pcctrack never overwrites a record, so nothing was written\n")
    assert sorted(p.name for p in clash.parent.iterdir()) == ["action-2.yaml"]
    assert clash.read_text(encoding="utf-8") == "# someone's draft\n"


def test_id_names_one_report_only(records: Path) -> None:
    form = "RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF TEST CONSTABULARY\n\nTitle of Inspection - A thematic inspection\n\nDate Inspection Published - 1 May 2025\n"
    _write("two.txt", AUDIT + "\n" + form)
    result = run("import", "two.txt", "--id", "x", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == "pcctrack: error: two.txt holds 2 reports, so --id cannot name them all; import them one at a time or leave out --id\n"


def test_a_file_that_is_no_report_says_what_to_do(records: Path) -> None:
    _write("notes.txt", "Shopping list\n\nMilk\n")
    result = run("import", "notes.txt", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == "pcctrack: error: notes.txt: no inspection or audit report recognised; give --kind inspection or --kind audit\n"
    missing = run("import", "nowhere.pdf", "--as-of", AS_OF)
    assert (missing.exit_code, missing.stderr) == (2, "pcctrack: error: cannot read nowhere.pdf: No such file or directory\n")


PAGE = """<!DOCTYPE html><html lang="en"><head><title>Fraud</title></head><body><nav>Home</nav>
<h1>An inspection of how well the police tackle fraud</h1>
<p>Published on: 12 June 2025</p>
<h2>Recommendations</h2>
<h3>Recommendation 1</h3>
<p>By 31 March 2026, the Home Office and the NPCC should publish a fraud strategy.</p>
<h3>Recommendation 2</h3>
<p>Within six months, chief constables should review their fraud teams.</p>
<h2>Areas for improvement</h2>
<ul><li>Forces should improve how they record fraud</li></ul>
</body></html>
"""


def test_an_inspectorate_web_page_is_read_and_what_it_lacks_is_listed(records: Path) -> None:
    _write("fraud.html", PAGE)
    dry = run("import", "fraud.html", "--dry-run", "--as-of", AS_OF)
    assert dry.exit_code == 0, dry.stderr
    assert (
        "  - id: how-well-police-2025-rec-2  # the heading \"Recommendation 2\"\n"
        "    kind: recommendation\n"
        "    number: '2'\n"
        "    text: Within six months, chief constables should review their fraud teams.\n"
        "    timescale: Within six months\n"
        "    addressees:\n"
        "      - force\n"
    ) in dry.stdout
    assert "    addressees:\n      - home-office\n      - npcc\n" in dry.stdout
    assert "summary" not in dry.stdout
    assert "  - not found: inspection types\n" in dry.stderr
    written = run("import", "fraud.html", "--as-of", AS_OF)
    assert written.exit_code == 0, written.stderr  # the form's type boxes are the office's to tick
    assert (records / "inspections" / "how-well-police-2025.yaml").exists()
    refused = run("render", "how-well-police-2025")
    assert refused.exit_code != 0 and "type" in refused.stderr


CAUSES = """RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF TEST CONSTABULARY

Title of Inspection - Test Constabulary: National child protection inspection

Date Inspection Published - 15 January 2025

Type of Inspection: ☒ Test Specific ☐ National

Is Test Constabulary quoted in the Report? Yes No

Causes of concern

The force doesn't respond effectively to missing children

The force does not consistently recognise the risks posed to missing children.

Recommendations

Within six months, Test Constabulary should:

- make sure that officers record the voice of the child; and
- review how it assesses risk for missing children.

Areas for improvement

The Force needs more officers

Only one in seven officers have completed the programme.
"""


def test_recommendations_under_a_cause_of_concern_keep_the_timing_of_the_sentence_before_them(records: Path) -> None:
    _write("ncpi.txt", CAUSES)
    result = run("import", "ncpi.txt", "--dry-run", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "types:\n  - force-specific\n" in result.stdout
    assert (
        "  - id: national-child-protection-2025-coc-1  # line 13\n"
        "    kind: cause-of-concern\n"
        "    title: The force doesn't respond effectively to missing children\n"
        "    text: The force does not consistently recognise the risks posed to missing children.\n"
        "  - id: national-child-protection-2025-rec-1  # line 21; under \"cause of concern: The force doesn't respond effectively to missing children\"\n"
        "    kind: recommendation\n"
        "    # check: the sentence before the list reads \"Within six months, Test Constabulary should:\" (line 21)\n"
        "    text: make sure that officers record the voice of the child; and\n"
        "    timescale: Within six months\n"
        "    addressees:\n"
        "      - force\n"
    ) in result.stdout
    assert "kind: area-for-improvement\n    title: The Force needs more officers\n" in result.stdout
