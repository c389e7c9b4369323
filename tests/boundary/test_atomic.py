"""Writes cannot lose data: an interrupted write leaves the old or the new file, and
concurrent updates to one file never lose either change."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path

import pytest

from pcctrack.boundary import atomic
from pcctrack.commands import update
from pcctrack.errors import NotWritten
from pcctrack.output import Output
from pcctrack.rules.editing import UpdateRequest
from tests.conftest import AS_OF, run

ACTION = Path("records/audits/test-audit/action-1.yaml")
STEPS = ["created", "written", "synced", "checked", "replaced"]


class Crash(Exception):
    pass


def _update_args() -> list[str]:
    return ["update", "test-audit-1", "--status", "completed", "--note", "Done.", "--as-of", AS_OF]


@pytest.mark.parametrize("step", STEPS)
def test_a_write_interrupted_at_any_step_leaves_the_old_or_the_new_file(
    records: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    old = ACTION.read_bytes()
    assert run(*_update_args()).exit_code == 0
    new = ACTION.read_bytes()
    ACTION.write_bytes(old)

    def crash(at: str) -> None:
        if at == step:
            raise Crash(at)

    monkeypatch.setattr(atomic, "_checkpoint", crash)
    result = run(*_update_args())
    after = ACTION.read_bytes()
    assert after == (new if step == "replaced" else old)
    assert result.exit_code == 3  # reported as a failure, never as success
    assert sorted(p.name for p in ACTION.parent.iterdir()) == ["action-1.yaml", "audit.yaml"]


def test_a_file_changed_between_read_and_rename_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"id: a\n")
    read = path.read_bytes()
    path.write_bytes(b"id: a\nowner: edited meanwhile\n")
    with pytest.raises(atomic.WriteConflict):
        atomic.write_atomically(path, b"id: b\n", expected=read)
    assert path.read_bytes() == b"id: a\nowner: edited meanwhile\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"id: a\n")
    with pytest.raises(atomic.WriteConflict):
        atomic.write_atomically(path, b"id: b\n", create=True)
    assert path.read_bytes() == b"id: a\n"


def test_the_file_mode_is_kept(records: Path) -> None:
    ACTION.chmod(0o640)
    assert run(*_update_args()).exit_code == 0
    assert ACTION.stat().st_mode & 0o777 == 0o640


WORKERS = 4
UPDATES_EACH = 5


def _worker(root: str, worker: int, start: multiprocessing.synchronize.Barrier, results: multiprocessing.Queue) -> None:  # type: ignore[name-defined]
    start.wait()
    done = refused = 0
    for n in range(UPDATES_EACH):
        request = UpdateRequest(date=date.fromisoformat(AS_OF), note=f"worker {worker} update {n}")
        try:
            update.run(Path(root), "test-audit-1", request, date.fromisoformat(AS_OF), Output.standard())
            done += 1
        except NotWritten:
            refused += 1
    results.put((done, refused))


def _race(records: Path) -> tuple[int, int, list[str]]:
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WORKERS)
    results = context.Queue()
    workers = [context.Process(target=_worker, args=(str(records), w, start, results)) for w in range(WORKERS)]
    for w in workers:
        w.start()
    totals = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=120)
    text = ACTION.read_text(encoding="utf-8")
    notes = [line.split("note: ", 1)[1] for line in text.splitlines() if "note: worker" in line]
    return sum(d for d, _ in totals), sum(r for _, r in totals), notes


def test_concurrent_updates_under_the_lock_all_land(records: Path, capfd: pytest.CaptureFixture[str]) -> None:
    done, refused, notes = _race(records)
    assert (done, refused) == (WORKERS * UPDATES_EACH, 0)
    assert sorted(notes) == sorted(f"worker {w} update {n}" for w in range(WORKERS) for n in range(UPDATES_EACH))
    assert run("validate", "--as-of", AS_OF).exit_code == 0


def test_an_update_through_a_permitted_link_keeps_the_link(records: Path) -> None:
    link = records / "audits" / "test-audit" / "action-1.yaml"
    store = records / "audits" / "test-audit" / ".store"
    store.mkdir()
    link.rename(store / "action-1.yaml")
    link.symlink_to(Path(".store") / "action-1.yaml")
    result = run("update", "test-audit-1", "--note", "Chased.", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and "note: Chased." in (store / "action-1.yaml").read_text()


def test_a_temporary_left_by_a_killed_update_is_removed_by_the_next(records: Path) -> None:
    folder = records / "audits" / "test-audit"
    stale = folder / ".action-1.yaml.k1ll3d.tmp"
    stale.write_text("half a record")
    unrelated = folder / ".action-10.yaml.abc.tmp"
    unrelated.write_text("another record's")
    result = run("update", "test-audit-1", "--note", "Chased.", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and unrelated.exists()
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == [unrelated.name]
