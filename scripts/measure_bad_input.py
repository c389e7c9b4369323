"""Measure how fast, and in how much memory, `pcctrack validate` refuses hostile files.

Each case is one generated file dropped into a copy of the minimal test records; each run
is a fresh Python process, with a 1 MiB stack, that reports its own wall time and peak
resident memory (VmHWM, so Linux only), next to a baseline run on the clean tree. Run from the repository root:

    python3 scripts/measure_bad_input.py

The figures depend on the machine; the tests assert behaviour, not timings.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal" / "records"
HEAD = "id: hostile\ntitle: Hostile\npublished: 2025-01-10\ntypes: [national]\n"


def _laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return HEAD + "\n".join(lines) + "\n"


CASES = {
    "clean tree (baseline)": None,
    "billion laughs (9 levels of 9 aliases)": _laughs,
    "huge: 64 MiB file": lambda: HEAD + "summary: " + "x" * (64 * 1024 * 1024) + "\n",
    "deep: 400,000 nested '['": lambda: HEAD + "summary: " + "[" * 400_000 + "\n",
    "deep: 300 nested block mappings": lambda: HEAD + "".join("  " * i + f"k{i}:\n" for i in range(300)),
    "crowded: [a, a, ...] of 150,000 items": lambda: HEAD + "summary: [" + "a, " * 150_000 + "]\n",
    "long: 200,000 comment lines": lambda: HEAD + "#\n" * 200_000,
    "deep: '-  ' x 11,000 on one line (33 KB)": lambda: HEAD + "summary:\n" + "-  " * 11_000 + "x\n",
    "deep: '? ' x 11,000 on one line": lambda: HEAD + "summary:\n" + "? " * 11_000 + "x\n",
    "deep: 700 lines each indented one more": lambda: HEAD + "summary:\n" + "".join(" " * (i + 1) + "k:\n" for i in range(700)) + " " * 701 + "x\n",
    "comment after 'key:' (ruamel gives up)": lambda: HEAD.replace("title: Hostile", "title: #c\n  Hostile\n"),
    "terminal escapes in text": lambda: HEAD.replace("title: Hostile", 'title: "x\\e[2J\\e]0;t\\a"'),
    "escaped UTF-16 half pair": lambda: HEAD.replace("title: Hostile", 'title: "Fix \\ud83d\\ude00"'),
    "date 9999-12-31": lambda: HEAD.replace("2025-01-10", "9999-12-31"),
    "largest accepted: 500 KiB one-line text": lambda: HEAD + "summary: " + "x" * (500 * 1024) + "\n",
    "largest accepted: 4,980 list items": lambda: HEAD + "summary: [" + "a, " * 4_980 + "]\n",
    "largest accepted: 9,990 comment lines": lambda: HEAD + "#\n" * 9_990,
}

PROBE = """
import json, sys, time
from datetime import date
from pathlib import Path
from pcctrack.checker import check
start = time.perf_counter()
loaded, diagnostics = check(Path(sys.argv[1]), date(2026, 1, 1))
elapsed = time.perf_counter() - start
print(json.dumps({
    "seconds": elapsed,
    "peak_mib": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024,
    "files": len(loaded.files),
    "diagnostics": [f"{d.path}:{d.line}:{d.col}: {d.message[:70]}" for d in diagnostics],
}))
"""


def _small_stack() -> None:
    """Every run gets a 1 MiB stack, as a Windows main thread has: deep files must not crash it."""
    import resource

    resource.setrlimit(resource.RLIMIT_STACK, (STACK, resource.getrlimit(resource.RLIMIT_STACK)[1]))


STACK = 1024 * 1024


def measure(make: object) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records"
        shutil.copytree(MINIMAL, records)
        if make is not None:
            (records / "inspections" / "hostile.yaml").write_text(make(), encoding="utf-8")  # type: ignore[operator]
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(records)], cwd=ROOT, capture_output=True, text=True, check=True,
            preexec_fn=_small_stack,
        )
    return json.loads(out.stdout)


def main() -> None:
    print(f"{'case':42} {'seconds':>8} {'peak MiB':>9}  diagnostics (files checked)")
    for name, make in CASES.items():
        result = measure(make)
        shown = "; ".join(d.split("records/", 1)[-1] for d in result["diagnostics"]) or "none"
        print(f"{name:42} {result['seconds']:8.2f} {result['peak_mib']:9.1f}  {shown} ({result['files']})")


if __name__ == "__main__":
    main()
