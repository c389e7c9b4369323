"""The one place pcctrack reads and writes YAML, split by its three jobs.

`screen` decides quickly whether the fast parser can be trusted with a text and runs it
(`parse_fast`); `exact` is the strict round-trip parse that gives every position (`parse`,
`read`); `edit` loads a record for editing and writes it back in its own layout; `limits`
holds the bounds all three share. Importers use the names re-exported here.
"""

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
from pcctrack.boundary.yamlio.exact import Document, decode, parse, read, read_bytes
from pcctrack.boundary.yamlio.limits import MAX_BYTES, MAX_DEPTH, MAX_LINES, MAX_VALUES, YamlProblem
from pcctrack.boundary.yamlio.screen import UNSURE, parse_fast

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_LINES",
    "MAX_VALUES",
    "UNSURE",
    "Document",
    "Editable",
    "Layout",
    "YamlProblem",
    "append_item",
    "comment_above",
    "comment_after",
    "decode",
    "detect_layout",
    "dump_editable",
    "end_comment",
    "is_mapping",
    "load_editable",
    "new_mapping",
    "parse",
    "parse_fast",
    "read",
    "read_bytes",
    "set_value",
    "start_comment",
]
