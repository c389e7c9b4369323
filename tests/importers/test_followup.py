"""A follow-up audit report's grades become the internal auditor's verdicts on the bundled
RSM Vulnerability actions: dated the report's final issue date, written as `update --verdict`
writes them, and nothing for a row that cannot be matched or a word not in the table.

The follow-up is constructed in RSM's common layout (tests/importers/rsm.py): there is no
published one among the seeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run
from tests.importers import layouts, rsm

AS_OF = "2026-07-01"
FOLDER = Path("records/audits/rsm-vulnerability-2526")
BY = "RSM UK Risk Assurance Services LLP follow-up audit 6.26/27"
VULNERABILITY = [("Vulnerability (2.25/26)", rsm.VULNERABILITY)]


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled records, with the working directory beside it."""
    shutil.copytree(REPO / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    return tmp_path / "records"


def _write(text: str, fmt: str = "txt") -> str:
    return layouts.write(text, "follow-up", fmt)


def _actions() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(FOLDER.glob("action-*.yaml"))}


def _entry(verdict: str, note: str) -> str:
    return f"  - date: 2026-06-15\n    verdict: {verdict}\n    by: {BY}\n    note: {note}\n"


def _without(text: str, entry: str) -> str:
    """``text`` without ``entry`` (and the `log:` key it started, if it is the only entry)."""
    return text.replace(entry, "", 1).replace("log:\n", "", 1 if "log:\n" + entry in text else 0)


def test_each_graded_action_gets_the_auditors_dated_verdict_and_nothing_else_changes(bundled: Path) -> None:
    before = _actions()
    result = run("import", _write(rsm.follow_up(VULNERABILITY)), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "records/audits/rsm-follow-up-2627/audit.yaml\n"
        + "".join(f"{FOLDER}/action-{n}.yaml\n" for n in (1, 3, 4, 5))
    )
    assert "recorded rsm-vulnerability-2526-3: implemented, 2026-06-15 (line 37)" in result.stderr
    after = _actions()
    assert after["action-2.yaml"] == before["action-2.yaml"], "action 2 is not graded: nothing is written on it"
    for name, (verdict, note) in {
        "action-1.yaml": ("partly-implemented", rsm.VULNERABILITY[0][5]),
        "action-3.yaml": ("implemented", rsm.VULNERABILITY[1][5]),
        "action-4.yaml": ("implemented", "'Verdict: implemented.'"),
        "action-5.yaml": ("not-implemented", rsm.VULNERABILITY[3][5]),
    }.items():
        assert _entry(verdict, note) in after[name]
        assert _without(after[name], _entry(verdict, note)) == before[name], "one entry is added; comments and layout are kept"
    assert run("validate", "--as-of", AS_OF).exit_code == 0
    shown = {n: " ".join(run("show", f"rsm-vulnerability-2526-{n}", "--as-of", AS_OF).stdout.split()) for n in (1, 3, 5)}
    assert "Status: closed on 15 June 2026 (implemented, on the word of internal audit)" in shown[3]
    assert "Status: open (none stated; latest verdict: partly-implemented)" in shown[1]
    audit = Path("records/audits/rsm-follow-up-2627/audit.yaml").read_text(encoding="utf-8")
    assert "assurance_scale:\n  - Good progress\n  - Reasonable progress\n  - Little progress\n  - Poor progress\nassurance: Reasonable progress\n" in audit


def test_the_readme_shows_what_importing_the_follow_up_prints_and_writes(bundled: Path) -> None:
    result = run("import", _write(rsm.follow_up(VULNERABILITY)), "--as-of", AS_OF)
    notes, review = result.stderr.split("review audit")
    shown = f"$ pcctrack import follow-up.txt\n{notes}{result.stdout}review audit{review}"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert shown in readme, "update the README's follow-up example"
    entry = _entry("implemented", rsm.VULNERABILITY[1][5])
    assert "".join(f"+{line}\n" for line in entry.splitlines()) in readme
    assert entry in (FOLDER / "action-3.yaml").read_text(encoding="utf-8")


def test_a_non_closing_verdict_sends_a_claimed_action_back_to_open_work(bundled: Path) -> None:
    claim = run("update", "rsm-vulnerability-2526-5", "--status", "completed", "--by", "Superintendent (Prevention)", "--date", "2026-05-01", "--as-of", AS_OF)
    assert claim.exit_code == 0, claim.stderr
    assert "awaiting" in run("show", "rsm-vulnerability-2526-5", "--as-of", AS_OF).stdout
    assert run("import", _write(rsm.follow_up(VULNERABILITY)), "--as-of", AS_OF).exit_code == 0
    shown = " ".join(run("show", "rsm-vulnerability-2526-5", "--as-of", AS_OF).stdout.split())
    assert "Status: open (completed; latest verdict: not-implemented)" in shown


def test_importing_the_follow_up_again_writes_nothing_twice(bundled: Path) -> None:
    name = _write(rsm.follow_up(VULNERABILITY))
    assert run("import", name, "--as-of", AS_OF).exit_code == 0
    files = {p: p.read_bytes() for p in bundled.rglob("*.yaml")}
    again = run("import", name, "--as-of", AS_OF)
    assert again.exit_code == 1
    assert '  - already recorded: Vulnerability (2.25/26) action 3 "Implemented" (line 37) is in rsm-vulnerability-2526-3\'s log\n' in again.stderr
    assert again.stderr.endswith(
        "pcctrack: error: nothing to write: every report in the file is already recorded (audit rsm-follow-up-2627) "
        "and none of its verdicts is left to record\n"
    )
    assert {p: p.read_bytes() for p in bundled.rglob("*.yaml")} == files


def test_dry_run_shows_the_verdicts_and_json_includes_them_and_nothing_is_written(bundled: Path) -> None:
    name = _write(rsm.follow_up(VULNERABILITY))
    files = {p: p.read_bytes() for p in bundled.rglob("*.yaml")}
    dry = run("import", name, "--dry-run", "--as-of", AS_OF)
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.endswith(
        "# --- verdicts it would record\n"
        f"{FOLDER}/action-1.yaml\n  rsm-vulnerability-2526-1: partly-implemented, 2026-06-15 (line 36)\n"
        f"{FOLDER}/action-3.yaml\n  rsm-vulnerability-2526-3: implemented, 2026-06-15 (line 37)\n"
        f"{FOLDER}/action-4.yaml\n  rsm-vulnerability-2526-4: implemented, 2026-06-15 (line 38)\n"
        f"{FOLDER}/action-5.yaml\n  rsm-vulnerability-2526-5: not-implemented, 2026-06-15 (line 39)\n"
    )
    data = json.loads(run("import", name, "--dry-run", "--format", "json", "--as-of", AS_OF).stdout)
    [report] = data["reports"]
    assert report["verdicts"][1] == {
        "file": f"{FOLDER}/action-3.yaml", "action": "rsm-vulnerability-2526-3", "verdict": "implemented",
        "outcome": "Implemented", "date": "2026-06-15", "by": BY, "note": rsm.VULNERABILITY[1][5], "where": "line 37",
    }
    assert report["extraction"]["outcomes"][0]["earlier"] == "Vulnerability (2.25/26)"
    kind = json.loads(run("import", name, "--kind", "audit", "--dry-run", "--format", "json", "--as-of", AS_OF).stdout)
    assert kind["reports"][0]["verdicts"] == report["verdicts"]
    assert {p: p.read_bytes() for p in bundled.rglob("*.yaml")} == files


PAYROLL = ("Payroll (7.24/25)", [("2", "The Force will reconcile payroll monthly.", "Medium", "31 March 2025", "Implemented", "")])
TROUBLE = [
    ("Vulnerability (2.25/26)", [
        ("2", "The Force will consider a compliance function.", "Low", "31 March 2026", "Not yet due", ""),
        ("3", "The Force will strengthen Power BI dashboards.", "High", "31 August 2025", "Implementation ongoing", "Work continues."),
        ("9", "An action the audit never agreed.", "Low", "31 March 2026", "Implemented", ""),
        ("4", "The Force will ensure responsibilities are clear.", "Medium", "31 August 2025", "Implemented", "Confirmed with jane.doe@example.org."),
        ("5", "The Force will review the Missing Person Team.", "Medium", "31 December 2025", "Implemented", ""),
        ("5", "The Force will review the Missing Person Team.", "Medium", "31 December 2025", "Not implemented", ""),
    ]),
    PAYROLL,
]


def test_rows_that_cannot_be_matched_or_mapped_write_nothing_and_are_listed(bundled: Path) -> None:
    before = _actions()
    result = run("import", _write(rsm.follow_up(TROUBLE)), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"records/audits/rsm-follow-up-2627/audit.yaml\n{FOLDER}/action-2.yaml\n"
    for line in (
        'not written: Vulnerability (2.25/26) action 3 "Implementation ongoing" (line 37): the outcome is not one the import maps (Implemented, Partly implemented, Not implemented, Superseded, Not yet due): record it with `pcctrack update ID --verdict ... --by ...`',
        'not written: Vulnerability (2.25/26) action 9 "Implemented" (line 38): rsm-vulnerability-2526 has no action numbered 9',
        'not written: Vulnerability (2.25/26) action 4 "Implemented" (line 39): the auditor\'s assessment holds an email address, which is never published; record the verdict by hand without it',
        'not written: Vulnerability (2.25/26) action 5 "Not implemented" (line 41): the report grades rsm-vulnerability-2526-5 more than once, so no grade is written for it; record the right one by hand',
        'not written: Payroll (7.24/25) action 2 "Implemented" (line 46): no audit in records/ has the reference 7.24/25',
    ):
        assert f"  - {line}\n" in result.stderr
    after = _actions()
    assert {n for n in after if after[n] != before[n]} == {"action-2.yaml"}
    note = f"  - date: 2026-06-15\n    by: {BY}\n    note: Not yet due at the follow-up audit.\n"
    assert _without(after["action-2.yaml"], note) == before["action-2.yaml"], "a dated note, no verdict"


def test_without_a_final_issue_date_no_verdict_is_written(bundled: Path) -> None:
    before = _actions()
    result = run("import", _write(rsm.follow_up(VULNERABILITY, final="")), "--as-of", AS_OF)
    assert "  - not written: the 4 graded actions: the report gives no final issue date (\"Final report issued ...\") to date them by" in result.stderr
    assert _actions() == before


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_the_follow_up_as_a_web_page_or_word_document_gives_the_same_verdicts(bundled: Path, fmt: str) -> None:
    def verdicts(name: str) -> list[dict[str, str]]:
        result = run("import", name, "--dry-run", "--format", "json", "--as-of", AS_OF)
        assert result.exit_code == 0, result.stderr
        return [{k: v for k, v in d.items() if k != "where"} for d in json.loads(result.stdout)["reports"][0]["verdicts"]]

    text = rsm.follow_up(VULNERABILITY)
    want = verdicts(_write(text))
    assert len(want) == 4
    assert verdicts(_write(text, fmt)) == want


def test_a_follow_up_pdf_loses_its_table_columns_so_it_grades_nothing_and_says_so(bundled: Path) -> None:
    pytest.importorskip("weasyprint")
    Path("follow-up.pdf").write_bytes(layouts.to_pdf(rsm.follow_up(VULNERABILITY)))
    before = _actions()
    result = run("import", "follow-up.pdf", "--dry-run", "--format", "json", "--as-of", AS_OF)
    [report] = json.loads(result.stdout)["reports"]
    assert report["verdicts"] == []
    assert "not found: management actions (no 'Management Action N' blocks or follow-up table found)" in report["review"]
    assert _actions() == before


COLUMN = "Assignment title\tRef\tManagement action\tStatus\tAudit finding\nVulnerability (2.25/26)\t3\tThe Force will strengthen Power BI dashboards.\tImplemented\tShown now.\n"


@pytest.mark.parametrize(
    "text",
    [
        rsm.follow_up([("Vulnerability", rsm.VULNERABILITY[1:2])]),
        rsm.follow_up([]).replace("FINDINGS AND MANAGEMENT ACTIONS\n", "FINDINGS AND MANAGEMENT ACTIONS\n\n" + COLUMN),
    ],
    ids=["audit-named-by-title-only", "audit-in-a-column"],
)
def test_the_original_audit_is_found_by_its_title_or_in_a_column_of_its_own(bundled: Path, text: str) -> None:
    result = run("import", _write(text), "--dry-run", "--format", "json", "--as-of", AS_OF)
    [verdict] = json.loads(result.stdout)["reports"][0]["verdicts"]
    assert (verdict["action"], verdict["verdict"]) == ("rsm-vulnerability-2526-3", "implemented")


def test_an_original_audit_recorded_twice_is_not_guessed_between(bundled: Path) -> None:
    copy = bundled / "audits" / "rsm-vulnerability-copy"
    copy.mkdir()
    audit = (bundled / "audits" / "rsm-vulnerability-2526" / "audit.yaml").read_text(encoding="utf-8")
    (copy / "audit.yaml").write_text(audit.replace("id: rsm-vulnerability-2526", "id: rsm-vulnerability-copy"), encoding="utf-8")
    result = run("import", _write(rsm.follow_up(VULNERABILITY)), "--dry-run", "--format", "json", "--as-of", AS_OF)
    [report] = json.loads(result.stdout)["reports"]
    assert report["verdicts"] == []
    assert 'not written: Vulnerability (2.25/26) action 3 "Implemented" (line 37): 2 audits in records/ have the reference 2.25/26' in report["review"]
