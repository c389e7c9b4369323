"""The listing cache: fast when nothing changed, never stale, never a way in."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import shutil
import subprocess
import sys
from pathlib import Path

from pcctrack.boundary.cache import Cache
from pcctrack.boundary.listing import collected
from pcctrack.loader import load
from pcctrack.rules.items import items
from tests.conftest import AS_OF, REPO, run

ACTION = "audits/test-audit/action-1.yaml"


def overdue_json() -> list[dict[str, object]]:
    result = run("overdue", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def answer_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.answer"))


def read_answer(path: Path) -> tuple[dict[str, object], str]:
    """A cache file's header and its body (the entries, or the output an answer replays)."""
    header, _, stdout = path.read_text(encoding="utf-8").partition("\n")
    return json.loads(header), stdout


def write_answer(path: Path, header: dict[str, object], stdout: str) -> None:
    """Write a cache file as pcctrack would, its header naming the body's length and digest."""
    body = stdout.encode("utf-8")
    sealed = {**header, "length": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    path.write_bytes(json.dumps(sealed).encode() + b"\n" + body)


def forget_answers(folder: Path) -> None:
    """So the next listing rebuilds its items from the per-file entries."""
    for path in answer_files(folder):
        path.unlink()


def test_cached_items_equal_freshly_loaded_ones(records: Path) -> None:
    fresh = items(load(records).records)
    first = collected(records).items
    second = collected(records).items
    assert first == fresh and second == fresh


def test_the_cache_lives_in_its_folder_readable_only_by_its_owner(records: Path, private_cache: Path) -> None:
    overdue_json()
    (stored,) = cache_files(private_cache)
    (answer,) = answer_files(private_cache)
    assert stored.stat().st_mode & 0o777 == 0o600 and answer.stat().st_mode & 0o777 == 0o600
    assert private_cache.stat().st_mode & 0o077 == 0
    assert not [p for p in records.rglob("*") if p.suffix == ".json"]


def test_an_edited_file_is_read_again_even_with_the_same_size_and_mtime(records: Path) -> None:
    assert "test-inspection-rec-1" in [row["id"] for row in overdue_json()]
    path = records / "inspections" / "test-inspection.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("due: 2025-03-31", "due: 2099-03-31")
    assert len(edited) == len(text)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "test-inspection-rec-1" not in [row["id"] for row in overdue_json()]


def test_declared_roles_apply_to_unchanged_cached_records(records: Path) -> None:
    owners = {row["id"]: row["owner"] for row in overdue_json()}
    assert owners["test-audit-1"] == "Head of Safeguarding"  # 'Safeguarding Lead' is a spelling of it
    config = records / "pcctrack.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("[Safeguarding Lead]", "[]"), encoding="utf-8")
    owners = {row["id"]: row["owner"] for row in overdue_json()}
    assert owners["test-audit-1"] == "Safeguarding Lead"


def test_removed_and_added_files_are_noticed(records: Path) -> None:
    assert "test-audit-1" in [row["id"] for row in overdue_json()]
    moved = records / "audits" / "test-audit" / "action-2.yaml"
    shutil.move(records / ACTION, moved)
    assert "test-audit-1" in [row["id"] for row in overdue_json()]
    moved.unlink()
    assert "test-audit-1" not in [row["id"] for row in overdue_json()]


def test_a_record_linked_from_inside_the_records_is_listed_and_its_edits_noticed(records: Path) -> None:
    target = records / "audits" / "test-audit" / "kept.txt"
    (records / ACTION).rename(target)
    (records / ACTION).symlink_to(target.name)
    first = {row["id"]: row for row in overdue_json()}
    assert first["test-audit-1"]["file"] == "records/" + ACTION
    target.write_text(target.read_text(encoding="utf-8").replace("due: 2025-08-31", "due: 2099-08-31"), encoding="utf-8")
    assert "test-audit-1" not in [row["id"] for row in overdue_json()]

def test_a_file_that_breaks_is_left_out_and_named(records: Path) -> None:
    overdue_json()
    (records / ACTION).write_text("id: [unclosed\n", encoding="utf-8")
    result = run("overdue", "--as-of", AS_OF, "--format", "json")
    assert "test-audit-1" not in result.stdout
    assert "action-1.yaml" in result.stderr and "left out" in result.stderr


def test_a_cache_others_could_write_is_ignored(records: Path, private_cache: Path) -> None:
    expected = overdue_json()
    (stored,) = cache_files(private_cache)
    header, body = read_answer(stored)
    content = json.loads(body)
    for entry in content.values():
        for values in entry.get("items", []):
            values[3] = "planted title"
    write_answer(stored, header, json.dumps(content))
    stored.chmod(0o666)
    forget_answers(private_cache)
    assert overdue_json() == expected


def test_a_damaged_cache_is_read_past(records: Path, private_cache: Path) -> None:
    expected = overdue_json()
    (stored,) = cache_files(private_cache)
    header, body = read_answer(stored)
    content = json.loads(body)
    for entry in content.values():
        if "items" in entry:
            entry["items"] = [["too", "short"]]
    write_answer(stored, header, json.dumps(content))
    forget_answers(private_cache)
    assert overdue_json() == expected
    header, body = read_answer(stored)
    stored.write_text(json.dumps(header) + "\n" + body.replace("Safeguarding", "Planted"), encoding="utf-8")
    forget_answers(private_cache)
    assert overdue_json() == expected, "an altered body whose digest no longer matches is read past"
    stored.write_bytes(b"\x00not json")
    forget_answers(private_cache)
    assert overdue_json() == expected


def test_deleting_the_cache_is_safe(records: Path, private_cache: Path) -> None:
    expected = overdue_json()
    shutil.rmtree(private_cache)
    assert overdue_json() == expected
    assert cache_files(private_cache)


def test_a_cache_folder_inside_the_records_is_not_used(records: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PCCTRACK_CACHE_DIR", str(records / ".cache"))
    assert not Cache(records).usable
    overdue_json()
    assert not (records / ".cache").exists()


def test_a_warm_json_listing_loads_neither_the_models_nor_a_parser_nor_rich(records: Path, private_cache: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PCCTRACK_CACHE_DIR": str(private_cache)}
    argv = [sys.executable, "-X", "importtime", "-m", "pcctrack", "overdue", "--records", str(records), "--as-of", AS_OF, "--format", "json"]
    cold = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    assert "pcctrack.models" in cold.stderr
    assert "pcctrack.models" not in warm.stderr and "ruamel" not in warm.stderr and "rich" not in warm.stderr
    assert warm.stdout == cold.stdout



def test_one_changed_action_builds_only_the_models_it_needs(records: Path, private_cache: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith('pcctrack.models.')), file=sys.stderr))\n"
        "from pcctrack.cli import main\n"
        "sys.argv[0] = 'pcctrack'\n"
        "main()\n"
    )
    argv = [sys.executable, "-c", code, "overdue", "--records", str(records), "--as-of", AS_OF, "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "PCCTRACK_CACHE_DIR": str(private_cache)}
    cold = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    assert "pcctrack.models.inspection" in cold.stderr
    path = records / ACTION
    path.write_text(path.read_text(encoding="utf-8").replace("due: 2025-08-31", "due: 2025-09-30"), encoding="utf-8")
    changed = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    assert "pcctrack.models.audit" in changed.stderr and "pcctrack.models.inspection" not in changed.stderr
    assert "2025-09-30" in changed.stdout

def test_reading_in_two_processes_gives_the_same_items(records: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    serial = collected(records).items
    shutil.rmtree(Cache(records).dir)
    (records / ACTION).write_text("id: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr("pcctrack.boundary.listing.PARALLEL_FROM", 1)
    found = collected(records)
    assert [i for i in serial if i.id != "test-audit-1"] == found.items
    assert [d.path for d in found.diagnostics] == ["records/" + ACTION]


def test_a_listing_leaves_the_garbage_collector_as_it_found_it(records: Path) -> None:
    import gc

    try:
        collected(records)
        assert gc.isenabled()
        gc.disable()
        collected(records)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_answer_others_could_write_or_that_is_damaged_is_not_replayed(records: Path, private_cache: Path) -> None:
    expected = overdue_json()
    (answer,) = answer_files(private_cache)
    header, _ = read_answer(answer)
    write_answer(answer, header, "[]\n")
    answer.chmod(0o666)
    assert overdue_json() == expected
    (answer,) = answer_files(private_cache)
    header, _ = read_answer(answer)
    write_answer(answer, {**header, "exit": "0"}, "[]\n")
    assert overdue_json() == expected
    write_answer(answer, header, "[]\n")
    answer.write_bytes(answer.read_bytes() + b"\xff")
    assert overdue_json() == expected
    header, stdout = read_answer(answer)
    answer.write_text(json.dumps(header) + "\n" + stdout[: len(stdout) // 2], encoding="utf-8")
    assert overdue_json() == expected, "a truncated answer is not replayed"
    write_answer(answer, header, "[]\n")
    assert overdue_json() == [], "the planted answer, written by its owner, is replayed: the checks above did refuse"


def test_a_pipe_in_place_of_a_cache_file_is_passed_by(records: Path, private_cache: Path) -> None:
    expected = overdue_json()
    for path in cache_files(private_cache) + answer_files(private_cache):
        path.unlink()
        os.mkfifo(path, 0o600)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(overdue_json()), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert done == [expected], "a listing waited on a pipe in the cache folder"


def test_an_answer_is_replayed_only_for_the_same_question_about_the_same_tree(records: Path, private_cache: Path) -> None:
    first = overdue_json()
    (answer,) = answer_files(private_cache)
    assert json.loads(read_answer(answer)[1]) == first
    assert overdue_json() == first
    later = run("overdue", "--as-of", "2099-01-01", "--format", "json")
    assert [row["days_overdue"] for row in json.loads(later.stdout)] != [row["days_overdue"] for row in first]
    markdown = run("overdue", "--as-of", AS_OF, "--format", "markdown")
    assert markdown.stdout.startswith("Overdue as of")
    (records / ACTION).write_text((records / ACTION).read_text(encoding="utf-8").replace("due: 2025-08-31", "due: 2099-08-31"), encoding="utf-8")
    assert "test-audit-1" in [row["id"] for row in first]
    assert "test-audit-1" not in [row["id"] for row in overdue_json()]


def test_a_tree_with_a_broken_file_warns_on_every_run(records: Path, private_cache: Path) -> None:
    (records / ACTION).write_text("id: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        result = run("overdue", "--as-of", AS_OF, "--format", "json")
        assert "could not be read" in result.stderr
    assert not answer_files(private_cache)


def test_a_failing_overdue_check_fails_again_when_replayed(records: Path, private_cache: Path) -> None:
    for _ in range(2):
        result = run("overdue", "--as-of", AS_OF, "--format", "json", "--fail-on-overdue")
        assert result.exit_code == 1
        assert "overdue as of" in result.stderr
    assert answer_files(private_cache)


def test_a_tree_without_pcctrack_yaml_names_the_force_as_the_models_do(records: Path) -> None:
    from pcctrack.boundary.listing import Declared
    from pcctrack.models import Config

    (records / "pcctrack.yaml").unlink()
    declared = collected(records).declared
    assert declared == Declared() and declared.force == Config().force
