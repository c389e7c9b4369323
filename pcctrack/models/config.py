"""The records repository's own settings: `pcctrack.yaml` at the top of `records/`."""

from __future__ import annotations

from pydantic import Field

from pcctrack.models.common import INTERNAL, Record, Role, Tag, Text
from pcctrack.models.reminders import Reminders
from pcctrack.roles import canonical_role

OWNER = "owner"
"""In `verification`, the owner's own claim of completion closes the item."""


class Verification(Record):
    """Who closes each kind of item: a verifier who must confirm the owner's claim, or `owner`
    where the owner's claim (signed off by its own governance) closes it. A claim awaiting its
    verifier is neither closed nor ordinary open work: it is "awaiting verification"."""

    cause_of_concern: Role = "HMICFRS"
    """Causes of concern in a report on this force."""
    recommendation: Role = "HMICFRS"
    """Recommendations to this force in a report on it."""
    area_for_improvement: Role = "HMICFRS"
    """Areas for improvement in a report on this force ('owner' where the force's governance
    board closes them)."""
    national: Role = OWNER
    """Findings of national or thematic reports addressed to every force: HMICFRS's status there
    is the national position, and the force's governance board signs off its own response."""
    management_action: Role = "internal audit"
    """Audit management actions: the auditor's follow-up confirms them."""
    owner_closes_priorities: list[Text] = Field(default_factory=list)
    """Audit priorities management may close on its own word, e.g. [Low]."""


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
    verification: Verification = Field(default_factory=Verification)
    """Who closes what: see `Verification`."""
    undated_warning_days: int = Field(default=90, ge=1, le=3650)
    """`validate` warns when an open force item has had neither a date nor a target date for
    longer than this many days since it was issued."""
    reminders: Reminders | None = Field(default=None, json_schema_extra=INTERNAL)
    """Mailboxes for `pcctrack remind`: for the office only, never published."""

    office: str | None = None
    """The office's name for a response's sign-off, e.g. 'Office of the Police and Crime
    Commissioner for Cleveland'."""
    logo: str | None = None
    """A logo (PNG, JPEG or SVG) for published documents: a path relative to this file."""

    def canonical_role(self, role: str) -> str | None:
        """Map any declared spelling of a role to its canonical name (None if undeclared)."""
        return canonical_role(self.roles, role)
