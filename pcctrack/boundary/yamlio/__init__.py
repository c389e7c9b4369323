"""The one place pcctrack reads and writes YAML, split by its jobs.

`raw` reads a file's bytes and text within bounds; `screen` decides quickly whether the fast
parser can be trusted with a text and runs it (`parse_fast`); `exact` is the strict round-trip
parse that gives every position (`parse`, `read`); `edit` loads a record for editing and writes
it back in its own layout; `limits` holds the bounds they share. Callers use the names
re-exported here. `exact` and `edit` are imported on first use: they need ruamel.yaml, which a
run that only lists or checks good files never does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pcctrack.boundary.yamlio.limits import MAX_BYTES, MAX_DEPTH, MAX_LINES, MAX_VALUES, YamlProblem
from pcctrack.boundary.yamlio.raw import decode, read_bytes
from pcctrack.boundary.yamlio.screen import UNSURE, parse_fast

if TYPE_CHECKING:
    from pcctrack.boundary.yamlio.edit import (
        Editable,
        Layout,
        append_item,
        comment_above,
        comment_after,
        detect_layout,
        dump_editable,
        end_comment,
        is_mapping,
        load_editable,
        new_mapping,
        set_value,
        start_comment,
    )
    from pcctrack.boundary.yamlio.exact import Document, parse, read

_LATER = {
    **dict.fromkeys(("Document", "parse", "read"), "exact"),
    **dict.fromkeys(
        (
            "Editable",
            "Layout",
            "append_item",
            "comment_above",
            "comment_after",
            "detect_layout",
            "dump_editable",
            "end_comment",
            "is_mapping",
            "load_editable",
            "new_mapping",
            "set_value",
            "start_comment",
        ),
        "edit",
    ),
}


def __getattr__(name: str) -> Any:
    """The names of `exact` and `edit`, importing them (and ruamel.yaml) on first use."""
    if name not in _LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LATER[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_LINES",
    "MAX_VALUES",
    "UNSURE",
    "YamlProblem",
    "decode",
    "parse_fast",
    "read_bytes",
    *_LATER,
]
