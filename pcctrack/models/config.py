"""The records repository's own settings: `pcctrack.yaml` at the top of `records/`."""

from __future__ import annotations

from pcctrack.models.common import Record, Role, Tag, Text
from pcctrack.roles import canonical_role


class Config(Record):
    """What a records repository declares about itself, so records can be checked against it."""

    force: Text = "the force"
    """The force this office holds to account, e.g. 'Cleveland Police'."""
    commissioner: str | None = None
    """How documents name the commissioner, e.g. 'Police and Crime Commissioner for Cleveland'."""
    roles: dict[Role, list[Role]] | None = None
    """Known owner roles, each with other spellings found in source documents. When declared,
    every owner must be one of these roles or spellings."""
    tags: dict[Tag, Text] | None = None
    """The tag vocabulary, each tag with what it means. When declared, records may use only
    these tags."""

    office: str | None = None
    """The office's name for a response's sign-off, e.g. 'Office of the Police and Crime
    Commissioner for Cleveland'."""
    logo: str | None = None
    """A logo (PNG, JPEG or SVG) for published documents: a path relative to this file."""

    def canonical_role(self, role: str) -> str | None:
        """Map any declared spelling of a role to its canonical name (None if undeclared)."""
        return canonical_role(self.roles, role)
