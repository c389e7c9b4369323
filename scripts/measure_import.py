"""Measure how fast, and in how much memory, `pcctrack import` reads a long report and
refuses hostile files.

The long report is the seeds' audit report and two response forms repeated until it runs
past 100 pages, laid out as text, HTML, Word and PDF (printed by pcctrack's own PDF path).
Each import is a fresh Python process, writing into a fresh copy of a records folder that
holds only `pcctrack.yaml`, that reports its wall time and peak resident memory (VmHWM, so
Linux only), and the CPU time it used (on a busy machine, wall time is mostly waiting). Run from the repository root,
with the seeds beside the repository (`../shared/seeds/`):

    python3 scripts/measure_import.py

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
sys.path.insert(0, str(ROOT))

from tests.importers import hostile, layouts

PROBE = """
import json, resource, sys, time
start = time.perf_counter()
from pcctrack.cli import app
from typer.testing import CliRunner
result = CliRunner().invoke(app, ["import", sys.argv[1], "--records", sys.argv[2], "--as-of", "2026-01-01"])
elapsed = time.perf_counter() - start
print(json.dumps({
    "seconds": elapsed,
    "cpu": (lambda u: u.ru_utime + u.ru_stime)(resource.getrusage(resource.RUSAGE_SELF)),
    "peak_mib": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024,
    "exit": result.exit_code,
    "said": (result.stderr.strip().splitlines() or [""])[-1][:90],
}))
"""


def measure(path: Path, records: Path) -> dict:
    fresh = records.parent / "fresh" / "records"
    shutil.rmtree(fresh.parent, ignore_errors=True)
    shutil.copytree(records, fresh)
    records = fresh
    out = subprocess.run([sys.executable, "-c", PROBE, str(path), str(records)], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    text = "\n\n".join([layouts.RSM_AND_RESPONSES.read_text(encoding="utf-8")] * 3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        records = folder / "records"
        records.mkdir()
        shutil.copy(ROOT / "records" / "pcctrack.yaml", records)
        pdf = folder / "long.pdf"
        pdf.write_bytes(layouts.to_pdf(text))
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        cases = {f"long report: text ({len(text):,} characters)": folder / "long.txt", "long report: HTML": folder / "long.html",
                 "long report: Word": folder / "long.docx", f"long report: PDF ({pages} pages)": pdf}
        (folder / "long.txt").write_text(text, encoding="utf-8")
        (folder / "long.html").write_text(layouts.to_html(text), encoding="utf-8")
        layouts.to_docx(text, folder / "long.docx")
        hostile_files = {
            "PDF bomb (256 MiB stream)": ("bomb.pdf", hostile.pdf_bomb()),
            "PDF without a text layer": ("scan.pdf", hostile.pdf_without_text()),
            "Word zip bomb (200 MiB part)": ("bomb.docx", hostile.docx_bomb()),
            "HTML nested 100,000 deep": ("deep.html", hostile.deep_html().encode()),
        }
        for name, (file, data) in hostile_files.items():
            (folder / file).write_bytes(data)
            cases[name] = folder / file
        cases["60 MiB file"] = hostile.huge_file(folder / "huge.txt")
        print(f"{'case':40} {'seconds':>8} {'CPU s':>6} {'peak MiB':>9}  exit  last line")
        for name, path in cases.items():
            result = measure(path, records)
            print(f"{name:40} {result['seconds']:8.2f} {result['cpu']:6.2f} {result['peak_mib']:9.1f}  {result['exit']:4}  {result['said'][:60]}")


if __name__ == "__main__":
    main()
