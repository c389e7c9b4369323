"""Where `pcctrack remind` sends each role's reminders: the office's own mailboxes.

This section of pcctrack.yaml is for the office only (it is marked internal on `Config`), so
`validate --publishable` never reads it and no document prints it.
"""

from __future__ import annotations

from email.errors import HeaderParseError
from email.headerregistry import Address
from typing import Annotated

from pydantic import AfterValidator, Field

from pcctrack.models.common import Record, Role


def _mailbox(value: str) -> str:
    """One bare address (name@domain): a display name, a second address or a line break
    would let a config value add recipients or headers, so none is accepted."""
    text = value.strip()
    if any(c.isspace() for c in text) or "," in text or "<" in text:
        raise ValueError(f"{text!r} is not one bare email address (write name@example.org, no display name)")
    try:
        address = Address(addr_spec=text)
    except (HeaderParseError, ValueError, IndexError) as exc:
        raise ValueError(f"{text!r} is not an email address ({exc})") from None
    if not address.username or "." not in address.domain:
        raise ValueError(f"{text!r} is not an email address: write name@example.org")
    return text


Mailbox = Annotated[str, AfterValidator(_mailbox), Field(description="An email address, e.g. pvp-hub@example.org.")]


class Reminders(Record):
    """Who receives each role's reminders, and whom they come from."""

    sender: Mailbox = Field(alias="from")
    """The address reminders are sent from, e.g. the office's tracker mailbox."""
    reply_to: Mailbox | None = None
    """Where owners' replies go, e.g. the analyst's team mailbox (default: the sender)."""
    mailboxes: dict[Role, list[Mailbox]] = Field(default_factory=dict)
    """Each owner or lead role (or a spelling declared for it) with its mailboxes: role
    mailboxes such as a team inbox, never a person's own. A role without one is skipped."""
