"""Finished answers to listing questions, kept for a records tree exactly as it is now.

A warm national listing spends most of its time rebuilding tens of thousands of items only
to print what it printed last time. When every file's stamp, place and kind are what they
were, and the question (command, date, filters, format) is the same, the output is the same:
it is replayed instead. Any change to any file, to pcctrack's code, to where it runs from or to
the question asks afresh. A tree with a file that cannot be read, a table for a terminal,
or a run that writes a job summary is never kept, so nothing but plain output is replayed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from pcctrack.boundary.cache import Cache
from pcctrack.boundary.listing import Tree, survey
from pcctrack.output import Output


def answered(root: Path, question: list[Any], output: Output, answer: Callable[[Tree, Output], int]) -> int:
    """``answer``'s exit code and output for ``question`` about the tree under ``root``,
    replayed when the same question was answered for the same tree."""
    tree = survey(root)
    fingerprint = tree.fingerprint()
    if fingerprint is None or output.summary_file is not None:
        return answer(tree, output)
    key = hashlib.sha256(orjson.dumps([fingerprint, question])).hexdigest()
    cache = Cache(root)
    known = cache.recall(key)
    if _replayable(known):
        assert known is not None
        output.write(known["stdout"])
        for line in known["notes"]:
            output.note(line)
        return known["exit"]
    recorder = _Recorder(output.summary_file, inner=output)
    code = answer(tree, recorder)
    if recorder.keepable:
        cache.remember(key, {"stdout": "".join(recorder.written), "notes": recorder.notes, "exit": code})
    return code


def _replayable(known: dict[str, Any] | None) -> bool:
    return (
        known is not None
        and isinstance(known.get("stdout"), str)
        and isinstance(known.get("notes"), list)
        and all(isinstance(line, str) for line in known["notes"])
        and type(known.get("exit")) is int
    )


@dataclass
class _Recorder(Output):
    """Passes everything on to ``inner``, keeping the plain output a later run could replay."""

    inner: Output = field(default_factory=Output)
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    keepable: bool = True

    def write(self, text: str) -> None:
        self.written.append(text)
        self.inner.write(text)

    def note(self, text: str) -> None:
        self.notes.append(text)
        self.inner.note(text)

    def warn(self, text: str) -> None:
        self.keepable = False
        self.inner.warn(text)

    def write_bytes(self, data: bytes) -> None:
        self.keepable = False
        self.inner.write_bytes(data)

    def write_err(self, text: str) -> None:
        self.keepable = False
        self.inner.write_err(text)

    def show(self, renderable: Any) -> None:
        self.keepable = False  # laid out for this terminal's width and colours
        self.inner.show(renderable)

    def add_summary(self, build: Callable[[], str]) -> None:
        self.keepable = self.keepable and self.inner.summary_file is None
        self.inner.add_summary(build)
