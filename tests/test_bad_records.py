"""Every kind of bad record gives exactly the diagnostics a user needs, never a traceback.

Each `tests/fixtures/bad/<kind>--<case>.yaml` is dropped into a valid records tree and
must produce the lines in `<kind>--<case>.expected`, and nothing else. Every position in
those files has been checked by hand: it points at the offending key or value.
"""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, FIXTURES, run

BAD = FIXTURES / "bad"
PLACES = {"inspection": "inspections", "action": "audits/test-audit"}
CASES = sorted(p for p in BAD.glob("*.yaml"))


def place(records: Path, case: Path) -> Path:
    kind, name = case.stem.split("--")
    target = records / PLACES[kind] / f"{name}.yaml"
    shutil.copyfile(case, target)
    return target


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_record_gives_exact_diagnostics(records: Path, case: Path) -> None:
    place(records, case)
    result = run("validate", "--as-of", AS_OF)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    assert result.stderr.splitlines()[:-1] == expected.splitlines()
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_record_never_hides_the_good_ones(records: Path, case: Path) -> None:
    """One broken file must not stop the rest being listed, nor pass unnoticed: an answer
    from the rest exits 1 and names the file left out (a file that reads but breaks a
    cross-record rule is still listed: `validate` reports it)."""
    target = place(records, case)
    result = run("overdue", "--as-of", AS_OF, "--format", "json")
    assert '"test-audit-1"' in result.stdout
    left_out = target.name in result.stderr and "incomplete" in result.stderr
    assert result.exit_code == (1 if left_out else 0)
    assert left_out or f'"{target.relative_to(records.parent)}"' in result.stdout or target.name not in result.stderr


# Cases too large to commit, or that only exist on a real file system (links, pipes), are
# made by the test itself; each still gives exactly one diagnostic at a checked position.

MIB = 1024 * 1024


def _huge(records: Path) -> Path:
    target = records / "inspections" / "huge.yaml"
    target.write_text("id: huge\ntitle: " + "x" * (6 * MIB) + "\n", encoding="utf-8")
    return target


def _long(records: Path) -> Path:
    target = records / "inspections" / "long.yaml"
    target.write_text("id: long\n" + "#\n" * 20_000, encoding="utf-8")
    return target


def _crowded(records: Path) -> Path:
    target = records / "inspections" / "crowded.yaml"
    target.write_text("id: crowded\ntypes: [" + "national, " * 6_000 + "]\n", encoding="utf-8")
    return target


def _link_outside(records: Path) -> Path:
    secret = records.parent / "secret.yaml"
    secret.write_text("id: secret\ntitle: Not a record\n", encoding="utf-8")
    (records / "inspections" / "linked.yaml").symlink_to(secret)
    return secret


def _link_loop(records: Path) -> Path:
    (records / "inspections" / "loop.yaml").symlink_to("loop.yaml")
    return records


def _link_dangling(records: Path) -> Path:
    (records / "inspections" / "gone.yaml").symlink_to(records.parent / "gone.yaml")
    return records


def _linked_folder(records: Path) -> Path:
    elsewhere = records.parent / "elsewhere"
    elsewhere.mkdir()
    shutil.copyfile(records / "inspections" / "test-inspection.yaml", elsewhere / "copy.yaml")
    (records / "inspections" / "more").symlink_to(elsewhere, target_is_directory=True)
    return elsewhere


def _pipe(records: Path) -> Path:
    os.mkfifo(records / "inspections" / "pipe.yaml")
    return records


def _planted_repository(records: Path) -> Path:
    """The files of a bare Git repository committed among the records (see test_history)."""
    folder = records / "inspections"
    (folder / "HEAD").write_text("ref: refs/heads/main\n")
    (folder / "config").write_text("[gpg]\n\tprogram = ./verify.sh\n")
    (folder / "objects" / "info").mkdir(parents=True)
    (folder / "objects" / "info" / "packs").write_text("")
    return folder


GENERATED = {
    "huge": (_huge, "records/inspections/huge.yaml:1:1: error: the file is 6.0 MiB: records are never larger than 512 KiB; split it up"),
    "long": (_long, "records/inspections/long.yaml:10001:1: error: the file has 20002 lines: records are never longer than 10000; split it up"),
    "crowded": (_crowded, "records/inspections/crowded.yaml:2:49959: error: more than 5000 values in one record: records are never this large; split it up or remove pasted material"),
    "link-outside": (_link_outside, "records/inspections/linked.yaml:1:1: error: this is a link to a file outside the records folder: pcctrack does not follow it; copy the records in instead"),
    "link-loop": (_link_loop, "records/inspections/loop.yaml:1:1: error: this link leads back to itself (a loop): remove it"),
    "link-dangling": (_link_dangling, "records/inspections/gone.yaml:1:1: error: this link points to a file that does not exist: remove it or copy the record in"),
    "linked-folder": (_linked_folder, "records/inspections/more:1:1: error: this is a link to a folder outside the records folder: pcctrack does not follow it; copy the records in instead"),
    "pipe": (_pipe, "records/inspections/pipe.yaml:1:1: error: this is not a regular file (a pipe, device or folder): records are plain files"),
    "planted-repository": (_planted_repository, "\n".join(
        f"records/inspections/{name}:1:1: error: this is not a record (records are .yaml files): records/ is read"
        " from pull requests, so keep other files out of it; move it elsewhere in the repository"
        for name in ("HEAD", "config", "objects/info/packs")
    )),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_input_gives_exact_diagnostic(records: Path, name: str) -> None:
    make, expected = GENERATED[name]
    make(records)
    result = run("validate", "--as-of", AS_OF)
    assert result.stderr.splitlines()[:-1] == expected.splitlines()
    assert result.exit_code == 1


def test_a_folder_that_cannot_be_read_is_reported(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(Tests may run as root, whom chmod 000 does not stop, so the refusal is simulated.)"""
    scandir = os.scandir
    locked = str(records / "audits" / "test-audit")

    def refuse(path: str) -> object:
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    expected = (
        "records/audits/test-audit:1:1: error: pcctrack cannot read this folder, so none of the records in it are"
        " checked: give read access to it (chmod u+rx) or remove it"
    )
    result = run("validate", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert expected in result.stderr.splitlines()
    listing = run("overdue", "--as-of", AS_OF, "--format", "json")
    assert "could not be read and was left out (records/audits/test-audit)" in listing.stderr


def test_a_folder_tree_thousands_deep_is_walked(records: Path) -> None:
    top = deep = str(records / "inspections")
    try:
        for _ in range(1_200):
            deep += "/a"
            os.mkdir(deep)  # (pathlib's mkdir recurses, too deep for it)
        with open(deep + "/note.txt", "w") as note:
            note.write("x")
        result = run("validate", "--as-of", AS_OF)
    finally:  # shutil.rmtree, which cleans up after pytest, recurses too: leave nothing this deep
        if os.path.exists(deep + "/note.txt"):
            os.remove(deep + "/note.txt")
        while deep != top:
            if os.path.isdir(deep):
                os.rmdir(deep)
            deep = deep.removesuffix("/a")
    assert result.exit_code == 1
    assert result.stderr.startswith("records/inspections/a/a/a/")
    assert "not a record" in result.stderr


def test_pathological_files_do_not_stop_the_rest_being_checked(records: Path) -> None:
    """Every hostile file at once, beside a record with an ordinary mistake: all are reported."""
    for make, _ in GENERATED.values():
        make(records)
    for case in ("inspection--alias-bomb", "inspection--deep-flow-nesting", "inspection--bad-status"):
        place(records, BAD / f"{case}.yaml")
    result = run("validate", "--as-of", AS_OF)
    reported = {line.split(":")[0] for line in result.stderr.splitlines()[:-1]}
    assert reported == {
        "records/inspections/huge.yaml",
        "records/inspections/long.yaml",
        "records/inspections/crowded.yaml",
        "records/inspections/linked.yaml",
        "records/inspections/loop.yaml",
        "records/inspections/gone.yaml",
        "records/inspections/more",
        "records/inspections/pipe.yaml",
        "records/inspections/alias-bomb.yaml",
        "records/inspections/deep-flow-nesting.yaml",
        "records/inspections/bad-status.yaml",
        "records/inspections/HEAD",
        "records/inspections/config",
        "records/inspections/objects/info/packs",
    }
    assert result.exit_code == 1
    listing = run("overdue", "--as-of", AS_OF, "--format", "json")
    assert '"test-audit-1"' in listing.stdout
    assert "secret" not in listing.stdout + listing.stderr + result.stderr


def _windows(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")


def test_windows_edited_record_is_valid(records: Path) -> None:
    """CRLF line endings and a UTF-8 byte-order mark, as Notepad saves them, are fine."""
    for path in records.rglob("*.yaml"):
        path.write_bytes(_windows(path.read_text(encoding="utf-8")))
    result = run("validate", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("case", ["inspection--nested-wrong-type", "inspection--duplicate-key-in-list", "inspection--control-character"])
def test_windows_edited_record_has_the_same_positions(records: Path, case: str) -> None:
    target = place(records, BAD / f"{case}.yaml")
    target.write_bytes(_windows(target.read_text(encoding="utf-8")))
    result = run("validate", "--as-of", AS_OF)
    expected = (BAD / f"{case}.expected").read_text(encoding="utf-8")
    assert result.stderr.splitlines()[:-1] == expected.splitlines()
