"""Time whole pcctrack processes on synthetic trees and compare them with the floor.

    python3 benchmarks/run.py [--sizes 1000 10000] [--runs 3] [--work DIR]

For each size it generates a tree (benchmarks/generate.py), then prints one Markdown table:
the median of --runs runs of each command, and its ratio to a reference measured in the same
run: the time PyYAML's C loader takes just to parse the same files. It also times
check-jsonschema validating the tree against pcctrack's own JSON Schemas (once: it is slow),
and compares verdicts on a tree with 10 bad files. Commands run from this checkout with
PCCTRACK_CACHE_DIR set to a scratch folder, so cold and warm runs are under control.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

AS_OF = "2026-11-22"
BAD = 10
STARTUP_RUNS = 11
REFERENCE = """
import sys, time, yaml
paths = sorted(p for p in __import__("pathlib").Path(sys.argv[1]).rglob("*.yaml"))
start = time.perf_counter()
for p in paths:
    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""


class Runner:
    """Runs pcctrack from this checkout with its own cache folder."""

    def __init__(self, work: Path, runs: int) -> None:
        # pip byte-compiles a package it installs; a checkout run with PYTHONDONTWRITEBYTECODE
        # set would otherwise compile pcctrack's source afresh in every timed process.
        compileall.compile_dir(REPO / "pcctrack", quiet=1)
        self.work = work
        self.runs = runs
        self.cache = work / "cache"
        self.env = {**os.environ, "PYTHONPATH": str(REPO), "PCCTRACK_CACHE_DIR": str(self.cache), "NO_COLOR": "1"}
        self.env.pop("PCCTRACK_RECORDS", None)
        # The console script pip installs beside this Python, as a user runs it (issue 17);
        # it imports pcctrack from this checkout, which PYTHONPATH puts first.
        script = Path(sys.executable).parent / "pcctrack"
        self.script = [str(script)] if script.exists() else [sys.executable, "-m", "pcctrack"]

    def once(self, args: list[str], cwd: Path, program: list[str] | None = None) -> tuple[float, int, subprocess.CompletedProcess[bytes]]:
        """One run of ``program`` (default: this Python) with ``args``: seconds, peak memory in KB, result."""
        argv = ["/usr/bin/time", "-f", "%M", *(program or [sys.executable]), *args]
        start = time.perf_counter()
        done = subprocess.run(argv, env=self.env, cwd=cwd, capture_output=True)
        elapsed = time.perf_counter() - start
        lines = done.stderr.decode(errors="replace").rstrip().splitlines()
        peak = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        done.stderr = "\n".join(lines[:-1]).encode()
        return elapsed, peak, done

    def median(
        self, args: list[str], cwd: Path, before: Callable[[], None] = lambda: None, paired: Path | None = None
    ) -> tuple[float, int, subprocess.CompletedProcess[bytes], float | None]:
        """Median time and peak memory of ``args``; with ``paired`` (a records folder), the
        reference is timed just before each run too, and the median of those is returned."""
        times, peaks, refs, last = [], [], [], None
        for _ in range(self.runs):
            if paired is not None:
                refs.extend(reference(paired, runs=1))
            before()
            elapsed, peak, last = self.once(args, cwd)
            times.append(elapsed)
            peaks.append(peak)
        assert last is not None
        return statistics.median(times), max(peaks), last, statistics.median(refs) if refs else None

    def clear_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)


PEER = next((p for p in (Path(sys.executable).parent / "check-jsonschema", shutil.which("check-jsonschema")) if p and Path(p).exists()), None)
"""check-jsonschema, from beside this Python (the `bench` extra) or on the PATH."""


def reference(records: Path, runs: int = 3) -> list[float]:
    """Seconds PyYAML's C loader takes to parse every file (interpreter start excluded), per run."""
    return [float(subprocess.run([sys.executable, "-c", REFERENCE, str(records)], capture_output=True, check=True, text=True).stdout) for _ in range(runs)]


def peer(tree: Path, schemas: Path) -> tuple[float, set[str]]:
    """check-jsonschema over the tree, one schema per record kind; the files it rejects."""
    records = tree / "records"
    groups = {
        "config": [records / "pcctrack.yaml"],
        "inspection": sorted((records / "inspections").glob("*.yaml")),
        "audit": sorted(records.glob("audits/*/audit.yaml")),
        "action": sorted(p for p in records.glob("audits/*/*.yaml") if p.name != "audit.yaml"),
    }
    failed: set[str] = set()
    total = 0.0
    for kind, paths in groups.items():
        argv = [str(PEER), "--schemafile", str(schemas / f"{kind}.schema.json"), *(str(p.relative_to(tree)) for p in paths)]
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=tree, capture_output=True, text=True)
        total += time.perf_counter() - start
        for line in (done.stdout + done.stderr).splitlines():
            text = line.strip().removeprefix("Failed to parse ")  # YAML it cannot read
            if text.startswith("records/"):
                failed.add(text.split("::")[0].split(":")[0].split(" ")[0])
    return total, failed


def one_changed(
    runner: Runner, tree: Path, validate: list[str], schemas: Path, change: Callable[[], None]
) -> tuple[float, int, subprocess.CompletedProcess[bytes], float] | None:
    """`validate` of one file just changed in a tree whose cache is warm, taking turns with
    check-jsonschema on the same file: the medians of each, our peak memory and last result."""
    if PEER is None:
        return None
    runner.once(validate[:-1], tree)  # the cache, as a commit finds it after the last one
    peer_argv = [str(PEER), "--schemafile", str(schemas / "action.schema.json"), validate[-1]]
    ours, theirs, peaks, last = [], [], [], None
    for _ in range(runner.runs):
        change()
        start = time.perf_counter()
        subprocess.run(peer_argv, cwd=tree, capture_output=True, check=True)
        theirs.append(time.perf_counter() - start)
        elapsed, peak, last = runner.once(validate, tree)
        ours.append(elapsed)
        peaks.append(peak)
    assert last is not None
    return statistics.median(ours), max(peaks), last, statistics.median(theirs)


def bench(runner: Runner, n: int, with_peer: bool = True) -> list[tuple[str, str, str, str]]:
    tree = runner.work / f"tree-{n}"
    bad_tree = runner.work / f"bad-{n}"
    generate(tree, n)
    expected = generate(bad_tree, n, bad=BAD)
    records = tree / "records"
    # The machine's speed drifts over the minutes a size takes, so the reference is timed
    # before and after the rows and every ratio is to the median of both sets of runs.
    before = reference(records)
    timed: list[tuple[str, float, int, str, float | None]] = []

    def row(name: str, seconds: float, peak: int, note: str = "", paired: float | None = None) -> None:
        timed.append((name, seconds, peak, note, paired))

    overdue = ["-m", "pcctrack", "overdue", "--records", "records", "--as-of", AS_OF, "--format", "json"]
    seconds, peak, done, paired = runner.median(overdue, tree, before=runner.clear_cache, paired=records)
    row("overdue --format json, cold", seconds, peak, f"{len(json.loads(done.stdout))} items", paired)
    seconds, peak, _, paired = runner.median(overdue, tree, paired=records)
    row("overdue, warm (nothing changed)", seconds, peak, "", paired)
    changed = records / "audits" / "audit-00001" / "action-1.yaml"
    original = changed.read_text(encoding="utf-8")
    flips = iter(range(10**6))

    def change_one() -> None:
        changed.write_text(original + f"# edit {next(flips)}\n", encoding="utf-8")

    seconds, peak, _, paired = runner.median(overdue, tree, before=change_one, paired=records)
    row("overdue, one file changed", seconds, peak, "", paired)
    changed.write_text(original, encoding="utf-8")
    report = ["-m", "pcctrack", "report", "--records", "records", "--as-of", AS_OF, "--format", "html"]
    runner.once(report, tree)  # the pack for this tree, kept
    seconds, peak, _, paired = runner.median(report, tree, paired=records)
    row("report --format html, warm (nothing changed: replayed)", seconds, peak, "", paired)
    seconds, peak, _, paired = runner.median(report, tree, before=change_one, paired=records)
    row("report --format html, one file changed (built from the cached items)", seconds, peak, "", paired)
    changed.write_text(original, encoding="utf-8")
    seconds, peak, _, _ = runner.median(["-m", "pcctrack", "status", "--records", "records", "--as-of", AS_OF], tree)
    row("status (warm)", seconds, peak)
    validate = ["-m", "pcctrack", "validate", "--records", "records", "--as-of", AS_OF]
    seconds, peak, done, _ = runner.median(validate, tree, before=runner.clear_cache)
    row("validate, whole tree, no cache", seconds, peak, done.stderr.decode().strip().splitlines()[-1])
    schemas = runner.work / "schemas"
    runner.once(["-m", "pcctrack", "schema", "--output", str(schemas)], REPO)
    one = one_changed(runner, tree, [*validate, str(changed.relative_to(tree))], schemas, change_one)
    changed.write_text(original, encoding="utf-8")
    if one is not None:
        seconds, peak, done, peer_one = one
        note = f"{seconds / peer_one:.3f}x check-jsonschema on that file ({peer_one:.2f} s, taking turns); {done.stderr.decode().strip().splitlines()[-1]}"
        row("validate one changed file, warm cache (the pre-commit hook)", seconds, peak, note)
    validate_bad = [*validate, "--format", "json"]
    bad_seconds, peak, done, _ = runner.median(validate_bad, bad_tree, before=runner.clear_cache)
    found = [f"{p['path']}:{p['line']}:{p['col']}" for p in json.loads(done.stdout)["problems"]]
    exact = sum(1 for e in expected if e in found)
    found_files = {f.rsplit(":", 2)[0] for f in found}
    row(f"validate, {BAD} bad files, no cache", bad_seconds, peak, f"{exact}/{len(expected)} at the exact path:line:col, {len(found)} problems")
    after = reference(records)
    ref = statistics.median(before + after)
    rows = [(
        "reference: PyYAML C loader parse only",
        f"{ref:.2f} s",
        "1.00x",
        f"median of {len(before)} runs before the rows ({statistics.median(before):.2f} s) and {len(after)} after ({statistics.median(after):.2f} s)",
    )]
    for name, seconds, peak, note, paired in timed:
        memory = f"{peak / 1024:.0f} MB" if peak else "-"
        if paired is not None:
            # A row with a target close to its ratio is also timed against the reference run
            # just before each of its runs: the machine's speed drifts by a fifth in a minute.
            ratio = f"{seconds / paired:.3f}x ({seconds / ref:.3f}x)"
            note = "; ".join(filter(None, [f"paired reference {paired:.2f} s", note]))
        else:
            ratio = f"{seconds / ref:.3f}x"
        rows.append((name, f"{seconds:.2f} s", ratio, memory + (f"; {note}" if note else "")))
    # Start-up is a fraction of a second, so the floor and pcctrack take turns, many times.
    startup = {"import": [sys.executable, "-c", "import typer, pydantic"], "--version": [*runner.script, "--version"], "--help": [*runner.script, "--help"]}
    took: dict[str, list[float]] = {name: [] for name in startup}
    peaks: dict[str, int] = dict.fromkeys(startup, 0)
    for _ in range(STARTUP_RUNS):
        for name, argv in startup.items():
            elapsed, peak, _ = runner.once([], REPO, program=argv)
            took[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
    base = statistics.median(took["import"])
    for flag in ("--version", "--help"):
        seconds = statistics.median(took[flag])
        shown = "pcctrack" if runner.script[0].endswith("pcctrack") else "python -m pcctrack"
        rows.append((f"{shown} {flag}", f"{seconds:.3f} s", f"{seconds / base:.3f}x import", f"{peaks[flag] / 1024:.0f} MB"))
    rows.append(('python -c "import typer, pydantic"', f"{base:.3f} s", "1.00x import", f"{STARTUP_RUNS} runs each, taking turns"))
    if not with_peer:
        rows.append(("check-jsonschema", "-", "-", "skipped (--no-peer)"))
    elif PEER is not None:
        peer_seconds, rejected = peer(bad_tree, schemas)
        bad_files = {e.rsplit(":", 2)[0] for e in expected}
        rows.append((
            f"check-jsonschema, same tree with {BAD} bad files (1 run)",
            f"{peer_seconds:.2f} s",
            f"{peer_seconds / ref:.2f}x",
            f"validate is {bad_seconds / peer_seconds:.3f}x its time; it rejects {len(rejected & bad_files)}/{len(bad_files)} bad files "
            f"and {len(rejected - bad_files)} good ones, pcctrack {len(bad_files & found_files)}/{len(bad_files)} and {len(found_files - bad_files)}, "
            f"agreeing on every file it rejects: {rejected <= found_files} (JSON Schema cannot check across records, and gives no positions)",
        ))
    else:
        rows.append(("check-jsonschema", "-", "-", "not installed: pip install check-jsonschema"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-peer", action="store_true", help="skip check-jsonschema (it takes minutes at 10,000)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder [default: a new temporary one]")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="pcctrack-bench-"))
    runner = Runner(work, args.runs)
    print(f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {args.runs} runs per row (median)\n")
    for n in args.sizes:
        print(f"### {n:,} actions, {n // 10:,} inspections\n")
        print("| run | time | vs reference | peak memory / notes |\n| --- | ---: | ---: | --- |")
        for name, seconds, ratio, note in bench(runner, n, with_peer=not args.no_peer):
            print(f"| {name} | {seconds} | {ratio} | {note} |")
        print(flush=True)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
