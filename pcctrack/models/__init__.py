"""The record models: what a valid YAML record is."""

from pcctrack.models.audit import Action, Audit
from pcctrack.choices import Status
from pcctrack.models.common import LogEntry, RevisedDate
from pcctrack.models.config import Config
from pcctrack.models.inspection import Finding, FindingKind, Inspection

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
