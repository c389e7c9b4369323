"""The loaded record set: plain data handed from the loader to the pure rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from pcctrack.models import Action, Audit, Config, Inspection

M = TypeVar("M")


@dataclass(frozen=True)
class Sourced(Generic[M]):
    """A validated model and the file it came from (a display path: rules never open it)."""

    path: str
    model: M


@dataclass
class RecordSet:
    """Everything the rules need, with no file handles and no clock."""

    config: Config = field(default_factory=lambda: _default_config())
    inspections: list[Sourced[Inspection]] = field(default_factory=list)
    audits: list[Sourced[Audit]] = field(default_factory=list)
    actions: list[Sourced[Action]] = field(default_factory=list)
    config_path: str | None = None


def _default_config() -> Config:
    """A repository without pcctrack.yaml declares nothing; the models load only when needed."""
    from pcctrack.models import Config

    return Config()
