"""People's tables fit the terminal they are printed on and never cut a word in two."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from pcctrack.commands.common import ITEM_COLUMNS
from pcctrack.commands.overdue import UNDATED_COLUMNS, WAITING_COLUMNS
from pcctrack.reporters.tabular import Column, to_rich
from tests.conftest import REPO, git, run

BOX = re.compile(r"[│┃┏┓┗┛┡┩┠┨┯┷┳┻╇╈━─└┘┌┐┬┴┼├┤╭╮╰╯]")
LABELS = {w for c in (*ITEM_COLUMNS, *WAITING_COLUMNS, *UNDATED_COLUMNS) for w in f"{c.label or c.header}:".split()}
"""The words a block adds around the cells: 'Days late:', 'Owner:'..."""


@pytest.fixture(scope="module")
def tracker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled records with one audit action claimed complete, so every list has rows."""
    top = tmp_path_factory.mktemp("tracker")
    shutil.copytree(REPO / "records", top / "records")
    git(top, "init", "-q")
    result = run(
        "update", "rsm-vulnerability-2526-4", "--status", "implemented", "--by", "Chief Inspector (Complex Exploitation Team)",
        "--date", "2026-04-02", "--records", str(top / "records"), "--as-of", "2026-11-21",
    )
    assert result.exit_code == 0, result.stderr
    return top / "records"


LISTINGS = [
    ("overdue",),
    ("overdue", "--awaiting"),
    ("overdue", "--undated"),
    ("overdue", "--due-within", "365", "--as-of", "2026-01-01"),
    ("status",),
    ("status", "--by", "owner"),
    ("status", "--by", "priority"),
]


@pytest.mark.parametrize("width", [80, 100, 160])
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_terminal_tables_fit_and_split_no_word(tracker: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], width: int) -> None:
    common = ("--records", str(tracker), *(() if "--as-of" in args else ("--as-of", "2026-11-21")))
    every_word = set(run(*args, *common, "--format", "markdown").stdout.replace("\\", "").split())
    monkeypatch.setenv("COLUMNS", str(width))
    shown = run(*args, *common)
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) > 3
    assert max(map(cell_len, lines)) <= width
    known = every_word | LABELS | {"·"}
    split = {w for w in BOX.sub(" ", shown.stdout).split() if w not in known and w.removesuffix(":") not in known}
    assert not split, f"words cut at {width} columns: {sorted(split)}"


def test_a_table_that_fits_is_printed_whole_and_a_narrow_terminal_gets_blocks() -> None:
    columns = [
        Column("days", "Days", justify="right", label="Days late"),
        Column("id", "ID", heads=True),
        Column("owner", "Owner", max_width=34, wrap=True),
        Column("priority", "Priority"),
        Column("title", "Title", max_width=60, wrap=True),
    ]
    rows = [{"days": 447, "id": "rsm-vulnerability-2526-1", "owner": "Detective Chief Inspector (Child Abuse and Vulnerable Adults (CAVA))",
             "priority": "Medium", "title": "The 4P Plan for each vulnerability strand will be created and used to…"}]

    def printed(width: int) -> str:
        console = Console(width=width, record=True, force_terminal=False)
        console.print(to_rich(columns, rows))
        return console.export_text()

    wide = printed(160)
    assert "┃ Days ┃ ID" in wide and "(CAVA))" in wide and "Medium" in wide
    assert printed(100).count("\n") > wide.count("\n")  # the owner and title wrap, at spaces
    assert printed(60) == (
        "\n"
        "rsm-vulnerability-2526-1\n"
        "  Days late: 447\n"
        "  Owner: Detective Chief Inspector (Child Abuse and\n"
        "  Vulnerable Adults (CAVA)) · Priority: Medium\n"
        "  The 4P Plan for each vulnerability strand will be created\n"
        "  and used to…\n"
    )
