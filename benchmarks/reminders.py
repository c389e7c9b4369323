"""Time `pcctrack remind` preparing every role's reminder on a national-size tree.

    python3 benchmarks/reminders.py [--actions 5000] [--roles 500] [--runs 3] [--work DIR]

Generates a tree (benchmarks/generate.py) of --actions audit actions and a tenth as many
inspections (about 10,000 items at the default), owned by --roles owner roles, each given a
mailbox in pcctrack.yaml. Then prints, as the median of --runs runs: the whole `pcctrack
remind` process writing every .eml file (cold: empty cache; warm: the cache filled), and
in-process the parts of a warm run: reading the items through the cache, choosing and
composing the messages (`chase.prepare`), and writing them. The target: 500 owners and
10,000 items prepare in under 5 s.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from generate import ROLES, generate  # noqa: E402

AS_OF = "2025-11-01"
"""A week after the latest generated date: much is overdue, some falls due, some is silent."""


def add_mailboxes(records: Path, roles: list[str]) -> None:
    lines = ["reminders:", "  from: tracker@opcc.example", "  reply_to: analysts@opcc.example", "  mailboxes:"]
    lines += [f"    {role}: [role-{n}@force.example]" for n, role in enumerate(roles)]
    with (records / "pcctrack.yaml").open("a", encoding="utf-8") as config:
        config.write("\n".join(lines) + "\n")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def whole_runs(tree: Path, cache: Path, runs: int) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """(elapsed, CPU) seconds for a cold run, then for ``runs`` warm ones, of the whole command.
    CPU time is printed beside elapsed time because the machine is shared: elapsed time
    includes waiting for a core."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PCCTRACK_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("PCCTRACK_RECORDS", None)
    command = [sys.executable, "-m", "pcctrack", "remind", "--as-of", AS_OF, "--out", str(tree / "out")]

    def once() -> tuple[float, float]:
        before, start = _children_cpu(), time.perf_counter()
        subprocess.run(command, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start, _children_cpu() - before

    shutil.rmtree(cache, ignore_errors=True)
    cold = once()
    return cold, [once() for _ in range(runs)]


def parts(tree: Path, cache: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """(elapsed, CPU) seconds for each step of a warm run, in this process."""
    os.environ["PCCTRACK_CACHE_DIR"] = str(cache)
    from pcctrack.commands.common import KIND_LABELS, listing_items
    from pcctrack.commands.remind import _config
    from pcctrack.output import Output
    from pcctrack.reminders import chase

    records = tree / "records"
    config = _config(records, Output())
    assert config.reminders is not None
    day = date.fromisoformat(AS_OF)
    sender = chase.Sender(config.force, config.reminders.sender, config.reminders.reply_to)
    mailboxes = chase.mailboxes_by_role(config.reminders.mailboxes, config.roles)
    times: dict[str, list[tuple[float, float]]] = {"read items (cache warm)": [], "prepare (choose and compose)": [], "write .eml files": []}

    def now() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    def since(then: tuple[float, float]) -> tuple[float, float]:
        wall, cpu = now()
        return wall - then[0], cpu - then[1]

    for _ in range(runs):
        start = now()
        items = listing_items(records, Output()).as_of(day)
        times["read items (cache warm)"].append(since(start))
        start = now()
        prepared = chase.prepare(items, day, sender, mailboxes, datetime.now(timezone.utc), KIND_LABELS, [])
        times["prepare (choose and compose)"].append(since(start))
        start = now()
        chase.write(prepared, tree / "parts")
        times["write .eml files"].append(since(start))
    print(f"items: {len(items)}; roles reminded: {len(prepared)}; messages: {sum(p.message is not None for p in prepared)}; "
          f"items listed in them: {sum(p.owed.total for p in prepared)}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--roles", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="scratch folder [default: a temporary one]")
    args = parser.parse_args()
    compileall.compile_dir(REPO / "pcctrack", quiet=1)
    work = args.work or Path(tempfile.mkdtemp(prefix="pcctrack-remind-"))
    tree = work / "tree"
    generate(tree, args.actions, roles=max(args.roles - len(ROLES), 0))
    roles = list(ROLES) + [f"Owner role {n:03d}" for n in range(1, max(args.roles - len(ROLES), 0) + 1)]
    add_mailboxes(tree / "records", roles)
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {args.actions} actions, {len(roles)} owner roles, as of {AS_OF}")
    print(f"load average before: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    cold, warm = whole_runs(tree, work / "cache", args.runs)
    print(f"pcctrack remind, whole process, cold cache: {_shown([cold])}")
    print(f"pcctrack remind, whole process, warm cache: {_shown(warm)}")
    for name, seconds in parts(tree, work / "cache", args.runs).items():
        print(f"  {name}: {_shown(seconds)}")
    if args.work is None:
        shutil.rmtree(work)


def _shown(runs: list[tuple[float, float]]) -> str:
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    each = f" (median of {len(runs)}: {', '.join(f'{w:.2f}' for w, _ in runs)})" if len(runs) > 1 else ""
    return f"{wall:.2f} s elapsed, {cpu:.2f} s CPU{each}"


if __name__ == "__main__":
    main()
