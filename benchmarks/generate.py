"""Write a synthetic records tree in pcctrack's own schema, for benchmarks and scale tests.

    python3 benchmarks/generate.py --actions 10000 --out /tmp/tree [--bad 10] [--seed 1] [--roles 492]

writes /tmp/tree/records/: a pcctrack.yaml, N/10 audits each with about ten management
actions (revised dates, 2-5 log entries, evidence, comments), and N/10 inspections of
5-20 KB with 5-15 findings each; some items overdue, some closed. Without --bad the tree
validates clean. With --bad K, K files each get one error, and /tmp/tree/bad.json lists
`path:line:col` of the first diagnostic each should produce.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

WORDS = (
    "force safeguarding children missing persons risk assessment partners referral governance "
    "oversight plan strand training officers staff victims domestic abuse exploitation online "
    "investigation supervision review dashboard data quality compliance audit evidence process "
    "team meeting report board policy procedure delivery confidence improvement performance "
    "vulnerable adults hub screening tool local authority partnership strategy progress "
    "outcomes support families protection arrangements leadership capacity demand workload"
).split()
ROLES = {
    "Office of the PCC": ["OPCC"],
    "PVP Hub Manager": [],
    "Superintendent (Prevention)": ["Supt Prevention"],
    "Detective Chief Inspector (Safeguarding)": [],
    "Head of Performance": [],
    "Chief Inspector (Neighbourhoods)": [],
    "ACC Crime and Safeguarding": [],
    "Head of Information Management": [],
}
TAGS = {f"strand:{s}": f"Strand - {s}" for s in ("missing-persons", "domestic-abuse", "child-abuse", "stalking")}
TAGS |= {t: t.replace("-", " ") for t in ("child-protection", "online-cse", "vulnerability-strategy", "data-quality")}
OPEN = ("open", "in-progress", "partly-implemented")
SCALE = ("High", "Medium", "Low")
START = date(2022, 4, 1)
LATEST = date(2025, 10, 31)
"""Every generated date is on or before this, so a tree validates clean as of any later day."""


@dataclass
class File:
    """A record file being written, line by line, so an error's line number is known."""

    path: Path
    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> int:
        """Append lines; return the 1-based number of the first one."""
        first = len(self.lines) + 1
        self.lines.extend(text.split("\n"))
        return first


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(sentences))


def block(rng: random.Random, indent: int, paragraphs: int) -> str:
    """A literal block scalar of several paragraphs, as the bundled records write long text."""
    pad = " " * indent
    paras = [pad + paragraph(rng, rng.randint(2, 3)) for _ in range(paragraphs)]
    return "|\n" + "\n\n".join(paras)


def day(rng: random.Random, after: date, before: date = LATEST) -> date:
    span = max((before - after).days, 0)
    return after + timedelta(days=rng.randint(0, span))


def item_lines(rng: random.Random, pad: str, due: date, logs: tuple[int, int] = (2, 5), finding: bool = False) -> str:
    """Status, revised dates, log (ending, for a closed item, with the verifier's verdict) and
    evidence, coherent with each other."""
    out: list[str] = []
    revised = [day(rng, due + timedelta(days=1), due + timedelta(days=200)) for _ in range(rng.choice((0, 0, 1, 2)))]
    revised.sort()
    revised = [d for i, d in enumerate(revised) if i == 0 or d > revised[i - 1]]
    closed = rng.random() < 0.25
    status = rng.choice(("implemented", "completed")) if closed else rng.choice(OPEN)
    if revised:  # an inspectorate's date is never revised: the force sets its own targets
        out.append(f"{pad}{'targets' if finding else 'revised_due'}:")
        for d in revised:
            out.append(f"{pad}  - date: {d.isoformat()}")
            out.append(f"{pad}    reason: {sentence(rng, 10)}")
            out.append(f"{pad}    agreed_by: {'GAIN Board' if finding else 'Audit Committee'}")
    when = day(rng, due - timedelta(days=120), due + timedelta(days=60))
    out.append(f"{pad}log:")
    entries = rng.randint(*logs)
    for i in range(entries):
        when = min(when + timedelta(days=rng.randint(5, 60)), LATEST)
        out.append(f"{pad}  - date: {when.isoformat()}")
        out.append(f"{pad}    by: {rng.choice(list(ROLES))}")
        out.append(f"{pad}    note: >-")
        out.append(f"{pad}      {paragraph(rng, 1)}")
        if i == entries - 1:
            out.append(f"{pad}    status: {status}")
        if rng.random() < 0.4:
            out.append(f"{pad}    evidence:")
            out.append(f"{pad}      - {sentence(rng, 6)}")
    if closed:
        out.append(f"{pad}  - date: {when.isoformat()}")
        out.append(f"{pad}    by: {'HMICFRS' if finding else 'Follow-up audit'}")
        out.append(f"{pad}    note: Confirmed at {'a revisit' if finding else 'follow-up'}.")
        out.append(f"{pad}    verdict: {status}")
    out.append(f"{pad}evidence:")
    out += [f"{pad}  - {sentence(rng, 7)}" for _ in range(rng.randint(1, 3))]
    out.append(f"{pad}status: {status}")
    return "\n".join(out)


def owner_roles(extra: int) -> dict[str, list[str]]:
    """The roles owners are drawn from: the usual few, and ``extra`` numbered ones beside them
    (a force of hundreds of owners, as `benchmarks/reminders.py` needs)."""
    return {**ROLES, **{f"Owner role {n:03d}": [] for n in range(1, extra + 1)}}


def config_file(root: Path, owners: dict[str, list[str]]) -> File:
    f = File(root / "pcctrack.yaml")
    f.add("# Synthetic settings for a benchmark tree.\nforce: Synthetic Constabulary\nroles:")
    for role, aliases in owners.items():
        f.add(f"  {role}: [{', '.join(aliases)}]")
    f.add("tags:")
    for tag, meaning in TAGS.items():
        f.add(f"  {tag}: {meaning}")
    return f


def audit_file(rng: random.Random, root: Path, audit_id: str, n: int) -> File:
    f = File(root / "audits" / audit_id / "audit.yaml")
    issued = day(rng, START, date(2025, 3, 31))
    f.add(
        f"# Synthetic internal audit report {n}.\n"
        f"id: {audit_id}\nauditor: Synthetic Audit LLP\nreference: '{n}.24/25'\n"
        f"title: {sentence(rng, 3)[:-1]}\nfinancial_year: 2024/25\n"
        f"dates:\n  final_issued: {issued.isoformat()}\npriority_scale:"
    )
    for level in SCALE:
        f.add(f"  - name: {level}\n    meaning: {sentence(rng, 12)}")
    f.add(f"background: {block(rng, 2, 2)}\ntags: [vulnerability-strategy]")
    return f


def action_file(rng: random.Random, root: Path, audit_id: str, number: int, owners: list[str]) -> File:
    f = File(root / "audits" / audit_id / f"action-{number}.yaml")
    due = day(rng, START + timedelta(days=90), date(2026, 12, 31))
    f.add(
        f"# Management action {number} of {audit_id}.\n"
        f"id: {audit_id}-{number}\naudit: {audit_id}\nnumber: {number}\narea: {rng.choice(WORDS).capitalize()}\n"
        f"control: {sentence(rng, 14)}\nassessment:\n  design: true\n  compliance: {str(rng.random() < 0.5).lower()}\n"
        f"finding: {block(rng, 2, rng.randint(1, 2))}\n"
        f"action: >-\n  {paragraph(rng, 1)}\npriority: {rng.choice(SCALE)}\n"
        f"# Owners are roles, never names.\nowner: {rng.choice(owners)}\ndue: {due.isoformat()}"
    )
    f.add(item_lines(rng, "", due))
    f.add(f"tags:\n  - {rng.choice(list(TAGS))}")
    return f


def inspection_file(rng: random.Random, root: Path, n: int, owners: list[str]) -> File:
    ident = f"inspection-{n:05d}"
    f = File(root / "inspections" / f"{ident}.yaml")
    published = day(rng, START, date(2025, 6, 30))
    f.add(
        f"# Synthetic HMICFRS inspection {n}.\nid: {ident}\ntitle: 'Synthetic inspection {n}: {sentence(rng, 4)[:-1]}'\n"
        f"published: {published.isoformat()}\nprogramme: PEEL\ntypes:\n  - force-specific\nforce_quoted: true\n"
        f"summary: {block(rng, 2, rng.randint(1, 2))}\njudgements:\n"
        f"  - area: {sentence(rng, 3)[:-1]}\n    grade: {rng.choice(('good', 'adequate', 'requires-improvement'))}\n"
        "findings:"
    )
    kinds = ("cause-of-concern", "recommendation", "area-for-improvement")
    for i in range(1, rng.randint(5, 15) + 1):
        due = day(rng, published + timedelta(days=30), published + timedelta(days=700))
        kind = rng.choice(kinds)
        f.add(
            f"  - id: {ident}-{i}\n    kind: {kind}\n    number: '{i}'\n"
            f"    text: >-\n      {paragraph(rng, rng.randint(1, 2))}\n"
            f"    owner: {rng.choice(owners)}\n    due: {due.isoformat()}"
        )
        f.add(item_lines(rng, "    ", due, logs=(1, 2), finding=True))
        f.add(f"    tags: [{rng.choice(list(TAGS))}]")
    if rng.random() < 0.7:
        f.add(f"milestones:\n  published: {day(rng, published, published + timedelta(days=70)).isoformat()}")
    f.add("internal:\n  - 'Office notes: not for publication.'")
    return f


BAD_CASES = ("impossible-date", "unknown-key", "bad-status", "duplicate-key", "malformed", "wrong-type", "tab-indent", "unknown-audit", "off-scale-priority", "unknown-owner")


def spoil(f: File, case: str) -> tuple[int, int]:
    """Put one error of ``case`` into an action file; return where validate must point."""
    index = {line.split(":")[0]: i for i, line in reversed(list(enumerate(f.lines))) if ":" in line and not line.startswith(" ")}

    def replace(key: str, value: str) -> int:
        i = index[key]
        f.lines[i] = f"{key}: {value}"
        return i + 1

    if case == "impossible-date":
        return replace("due", "2024-13-45"), 6
    if case == "unknown-key":
        i = index["area"]
        f.lines[i] = f.lines[i].replace("area", "areaa", 1)
        return i + 1, 1
    if case == "bad-status":
        line = replace("status", "done")
        return line, 9
    if case == "duplicate-key":
        return f.add("audit: again"), 1
    if case == "malformed":
        return replace("area", "a: b: c"), 8
    if case == "wrong-type":
        return replace("number", "[1, 2]"), 9
    if case == "tab-indent":
        return f.add("tags:\n\t- stray") + 1, 1
    if case == "unknown-audit":
        return replace("audit", "no-such-audit"), 8
    if case == "off-scale-priority":
        return replace("priority", "Fundamental"), 11
    if case == "unknown-owner":
        return replace("owner", "Somebody Else"), 8
    raise ValueError(case)


def generate(out: Path, actions: int, bad: int = 0, seed: int = 1, roles: int = 0) -> list[str]:
    """Write the tree under ``out/records``, with ``roles`` more owner roles than the usual
    eight; return the expected `path:line:col` of each bad file."""
    rng = random.Random(seed)
    root = out / "records"
    if root.exists():
        shutil.rmtree(root)
    declared = owner_roles(roles)
    owners = list(declared)
    files = [config_file(root, declared)]
    audits = max(actions // 10, 1)
    action_files: list[File] = []
    for a in range(1, audits + 1):
        audit_id = f"audit-{a:05d}"
        files.append(audit_file(rng, root, audit_id, a))
        count = actions // audits + (1 if a <= actions % audits else 0)
        action_files += [action_file(rng, root, audit_id, n, owners) for n in range(1, count + 1)]
    files += action_files
    files += [inspection_file(rng, root, n, owners) for n in range(1, max(actions // 10, 1) + 1)]
    expected: list[str] = []
    step = max(len(action_files) // max(bad, 1), 1)
    for k in range(min(bad, len(action_files))):
        f = action_files[k * step]
        line, col = spoil(f, BAD_CASES[k % len(BAD_CASES)])
        expected.append(f"{f.path.relative_to(out)}:{line}:{col}")
    for f in files:
        f.path.parent.mkdir(parents=True, exist_ok=True)
        f.path.write_text("\n".join(f.lines) + "\n", encoding="utf-8")
    (out / "bad.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, required=True, metavar="N")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--bad", type=int, default=0, metavar="K", help="spoil K action files, one error each")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--roles", type=int, default=0, metavar="R", help="R more owner roles beside the usual eight")
    args = parser.parse_args()
    generate(args.out, args.actions, args.bad, args.seed, args.roles)


if __name__ == "__main__":
    main()
