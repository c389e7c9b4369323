"""The example GitHub workflow for a records repository runs real pcctrack commands."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from pcctrack.boundary import yamlio
from tests.conftest import AS_OF, REPO, run

WORKFLOW = yamlio.parse((REPO / "examples" / "github-workflow.yml").read_text(encoding="utf-8")).data


def pcctrack_commands() -> list[tuple[str, list[str]]]:
    """(job, arguments) for every `pcctrack ...` line the workflow runs."""
    found = []
    for name, job in WORKFLOW["jobs"].items():
        for step in job["steps"]:
            for line in str(step.get("run", "")).splitlines():
                words = shlex.split(line)
                if words and words[0] == "pcctrack":
                    found.append((name, words[1:]))
    return found


def test_it_validates_pull_requests_and_checks_overdue_work_on_a_schedule() -> None:
    assert {"pull_request", "schedule"} <= set(WORKFLOW["on"])
    commands = pcctrack_commands()
    assert ("validate", ["validate"]) in commands
    assert ("overdue", ["overdue", "--fail-on-overdue"]) in commands


@pytest.mark.parametrize(("job", "args"), [(job, args) for job, args in pcctrack_commands() if job != "reminders"])
def test_each_command_it_runs_exists_with_those_options(records: Path, job: str, args: list[str]) -> None:
    result = run(*args, "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr  # 2 would be a usage error: a typo here
    assert "Traceback" not in result.stderr


def test_the_weekly_reminders_reach_a_real_server_through_the_variables_it_sets(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.commands.test_remind import chase_tree
    from tests.reminders.server import Handler, smtp_server

    assert "30 6 * * 1" in [s["cron"] for s in WORKFLOW["on"]["schedule"]]
    [(job, args)] = [(job, args) for job, args in pcctrack_commands() if job == "reminders"]
    assert args == ["remind", "--send"]
    [step] = [s for s in WORKFLOW["jobs"]["reminders"]["steps"] if "pcctrack remind" in str(s.get("run", ""))]
    assert set(step["env"]) == {"PCCTRACK_SMTP_HOST", "PCCTRACK_SMTP_USER", "PCCTRACK_SMTP_PASSWORD"}
    assert all(value == "${{ secrets.%s }}" % name for name, value in step["env"].items())
    chase_tree(records)
    handler = Handler()
    with smtp_server(handler) as port:
        for name, value in {"HOST": "127.0.0.1", "PORT": str(port), "SECURITY": "none"}.items():
            monkeypatch.setenv(f"PCCTRACK_SMTP_{name}", value)
        result = run(*args, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert len(handler.received) == 3
