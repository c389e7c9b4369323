"""Files a document embeds (the office's logo), read safely from inside the records folder."""

from __future__ import annotations

import base64
from pathlib import Path

from pcctrack.errors import UsageProblem

MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
MAX_BYTES = 1024 * 1024
"""A logo is small; anything larger is a mistake, not a logo."""


def data_uri(records_root: Path, relative: str) -> str:
    """The file at ``relative`` (to the records folder) as a data: URI a document can embed.

    Documents are single files, so the logo travels inside them. The path must stay inside
    the records folder (a records repository is untrusted input) and name a PNG, JPEG or SVG;
    an SVG is only ever shown through <img>, where it cannot run script.
    """
    root = records_root.resolve()
    path = (root / relative).resolve()
    where = f"pcctrack.yaml: logo: {relative}"
    if not path.is_relative_to(root):
        raise UsageProblem(f"{where} is outside the records folder; put the logo inside it")
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media is None:
        raise UsageProblem(f"{where} is not a PNG, JPEG or SVG file (by its extension)")
    if not path.is_file():
        raise UsageProblem(f"{where}: no such file")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise UsageProblem(f"{where} is over 1 MiB; use a smaller image")
    return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"
