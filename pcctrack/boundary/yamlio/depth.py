"""How deep a text might nest, worked out before any parser sees it.

The fast parser (Rust) recurses once per level of nesting and has no bound of its own on
block nesting: `-  ` eleven thousand times on one line (33 KB) overflows a 4 MiB stack and
kills the process with no diagnostic (a Windows main thread has 1 MiB, many threads less).
So the fast parser is given only texts whose nesting is known, from one linear pass over the
text, to be too shallow to hurt; the others go to the exact parser, which is pure Python,
never recurses per level in C, and refuses the 41st level where it starts.

The bound is an upper bound, never an underestimate, for every way YAML nests:

* block collections by indentation: each column that starts a line (or a node after a `- `,
  `? ` or `: ` indicator) holds at most two nested collections on one path (a mapping, and a
  sequence written at its key's column);
* compact collections on one line (`- - x`, `? - x`), counted per indicator;
* flow collections (`[`, `{`), every opening bracket counted (in quotes or comments too).

The property tests hold the bound above the depth of generated documents.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Callable

_LINE_START = re.compile(r"^ *(?=[^ \r\n])", re.MULTILINE)
_INDICATORS = re.compile(r"^( *)((?:[-?:](?: +|(?=\r?$)))+)", re.MULTILINE)
_INDICATOR = re.compile(r"[-?:] *")
_SHALLOW = 16
"""Lines indented less than this make at most this many columns."""
_DEEP_LINE = b"\n" + b" " * _SHALLOW
_SQUEEZE = bytes.maketrans(b"?:", b"--")
"""With spaces removed and every indicator written '-', two block indicators in a row (a
compact collection) show as '--'; so does some prose, which only costs the exact count."""

INLINE_LEVELS = 64
"""Texts whose bound is below this are parsed fast on the caller's own stack: at under 1 KiB
of stack a level, they need less than the 128 KiB of the smallest thread stacks in use."""
THREAD_LEVELS = 1_000
"""Deeper bounds (from many brackets, mostly in quotes) are parsed fast on a thread of its
own with THREAD_STACK; beyond this the exact parser decides."""
THREAD_STACK = 16 * 1024 * 1024


def nesting_bound(text: str, raw: bytes) -> int:
    """An upper bound on how many collections ``text`` (whose UTF-8 is ``raw``) nests, from
    one pass without recursion.

    Most records are settled by substring searches: no line indented 16 or more, and no two
    indicators in a row, bound the block nesting by 2 x 16 + 2. Others are counted exactly.
    """
    flows = raw.count(b"[") + raw.count(b"{")
    if _DEEP_LINE not in raw and b"--" not in raw.translate(_SQUEEZE, b" "):
        return 2 * _SHALLOW + 2 + flows
    columns = set(map(len, _LINE_START.findall(text)))
    compact = 0
    for indent, run in _INDICATORS.findall(text):
        column = len(indent)
        steps = _INDICATOR.findall(run)
        compact = max(compact, len(steps))
        for step in steps:
            column += len(step)
            columns.add(column)
    return 2 * len(columns) + compact + 2 + flows


def on_deep_stack(work: Callable[[], Any]) -> Any:
    """``work()``, run on a thread with a THREAD_STACK stack, whatever the caller's stack is.

    Its exception, if any, is raised here.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller as it was
            outcome["error"] = exc

    with _STACK_SIZE:
        previous = threading.stack_size(THREAD_STACK)
        try:
            worker = threading.Thread(target=run, name="pcctrack-parse")
            worker.start()
        finally:
            threading.stack_size(previous)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


_STACK_SIZE = threading.Lock()
"""`threading.stack_size` is process-wide: set and restored under this lock."""
