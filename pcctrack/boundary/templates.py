"""Template overrides read from a records repository: plain files inside the folder, nothing else.

A records repository arrives by pull request, so its `templates/` folder is untrusted. Jinja's
own file loader follows links, so `templates/leak.txt -> ../records/...` and an
``{% include %}`` would publish raw YAML with its `internal:` notes. Here a template is read
only when it is a regular file (not a link, pipe or device) whose real place is inside the
folder it was looked up in, and never more than MAX_TEMPLATE_BYTES of it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, Callable

from jinja2 import BaseLoader, TemplateNotFound
from jinja2.exceptions import TemplateError
from jinja2.loaders import split_template_path

from pcctrack.boundary.files import is_within

MAX_TEMPLATE_BYTES = 1024 * 1024
"""The shipped templates are a few KiB each."""


class TemplateRefused(TemplateError):
    """An override that is not a plain file inside its folder; the message says which."""


class OverrideLoader(BaseLoader):
    """Loads templates from the override folders, strongest first, refusing anything but a
    regular file inside the folder (its real path, after any link, included)."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [Path(os.path.realpath(folder)) for folder in folders]

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.folders:
            candidate = folder.joinpath(*pieces)
            try:
                info = os.lstat(candidate)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or not is_within(Path(os.path.realpath(candidate)), folder):
                raise TemplateRefused(
                    f"{candidate} is a link, a folder or a special file: templates are read only from plain"
                    " files inside the templates folder; copy the template in instead"
                )
            if info.st_size > MAX_TEMPLATE_BYTES:
                raise TemplateRefused(f"{candidate} is larger than {MAX_TEMPLATE_BYTES // 1024} KiB: templates never are")
            with open(candidate, "rb") as handle:
                text = handle.read(MAX_TEMPLATE_BYTES + 1).decode("utf-8", "replace")
            mtime = info.st_mtime
            return text, str(candidate), lambda: _unchanged(candidate, mtime)
        raise TemplateNotFound(template)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return os.lstat(path).st_mtime == mtime
    except OSError:
        return False
