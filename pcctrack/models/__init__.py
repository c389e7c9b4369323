"""The record models: what a valid YAML record is.

Each kind's module is imported on first use of one of its names, so reading one changed action
file does not pay for defining (or building validators for) the inspection models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pcctrack.choices import Status
    from pcctrack.models.audit import Action, Audit
    from pcctrack.models.common import LogEntry, RevisedDate
    from pcctrack.models.config import Config
    from pcctrack.models.inspection import Finding, FindingKind, Inspection

_HOMES = {
    "Action": "pcctrack.models.audit",
    "Audit": "pcctrack.models.audit",
    "Config": "pcctrack.models.config",
    "Finding": "pcctrack.models.inspection",
    "FindingKind": "pcctrack.models.inspection",
    "Inspection": "pcctrack.models.inspection",
    "LogEntry": "pcctrack.models.common",
    "RevisedDate": "pcctrack.models.common",
    "Status": "pcctrack.choices",
}

__all__ = [
    "Action",
    "Audit",
    "Config",
    "Finding",
    "FindingKind",
    "Inspection",
    "LogEntry",
    "RevisedDate",
    "Status",
]


def __getattr__(name: str) -> Any:
    """Import a model's module the first time one of its names is asked for (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
