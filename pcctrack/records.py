"""The loaded record set: plain data handed from the loader to the pure rules."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from pcctrack.models import Action, Audit, Config, Inspection

M = TypeVar("M")


@dataclass(frozen=True)
class Sourced(Generic[M]):
    """A validated model and the file it came from (a display path: rules never open it)."""

    path: str
    model: M


class _DefaultConfig:
    """The config field: pcctrack.yaml's model where one was read, else the models' defaults,
    built on first use (a reader that needs no config never imports the config model)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, obj: object, owner: type | None = None) -> Config | None:
        if obj is None:
            return None  # the dataclass's default: none given
        value = obj.__dict__.get(self.slot)
        if value is None:
            value = obj.__dict__[self.slot] = _default_config()
        return value

    def __set__(self, obj: object, value: Config | None) -> None:
        obj.__dict__[self.slot] = value


@dataclass
class RecordSet:
    """Everything the rules need, with no file handles and no clock."""

    config: Config = _DefaultConfig()  # type: ignore[assignment]
    inspections: list[Sourced[Inspection]] = field(default_factory=list)
    audits: list[Sourced[Audit]] = field(default_factory=list)
    actions: list[Sourced[Action]] = field(default_factory=list)
    config_path: str | None = None

    def with_file(self, path: str, model: object) -> RecordSet:
        """This set as it would be if the file at ``path`` held ``model`` (for checking an edit)."""
        from pcctrack.models import Action, Audit, Config, Inspection

        def swap(group: list[Sourced[M]], cls: type) -> list[Sourced[M]]:
            kept = [s for s in group if s.path != path]
            return kept + [Sourced(path, model)] if isinstance(model, cls) else kept  # type: ignore[list-item]

        if isinstance(model, Config):
            return replace(self, config=model, config_path=path)
        return replace(
            self,
            inspections=swap(self.inspections, Inspection),
            audits=swap(self.audits, Audit),
            actions=swap(self.actions, Action),
        )


def _default_config() -> Config:
    """A repository without pcctrack.yaml declares nothing; the models load only when needed."""
    from pcctrack.models import Config

    return Config()
