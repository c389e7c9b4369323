"""A real SMTP server on 127.0.0.1 (aiosmtpd) that records what arrives, and can refuse a
recipient or drop the connection, as real servers do."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


STALL_SECONDS = 3.0
"""Longer than the client's timeout in the tests (PCCTRACK_SMTP_TIMEOUT=1 there)."""


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Handler:
    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    """Recipients answered 550."""
    drop: set[str] = field(default_factory=set)
    """Recipients whose message makes the server hang up instead of answering (each once)."""
    stall: set[str] = field(default_factory=set)
    """Recipients whose message the server takes, then never answers for (each once)."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        dropped = self.drop & set(envelope.rcpt_tos)
        if dropped:
            self.drop -= dropped
            server.transport.close()
            return "421 going away"
        stalled = self.stall & set(envelope.rcpt_tos)
        if stalled:
            self.stall -= stalled
            await asyncio.sleep(STALL_SECONDS)
            return "451 too late"
        parsed = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))  # type: ignore[arg-type]
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [r.message for r in self.received if address in r.recipients]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _accept(user: str, password: str):  # type: ignore[no-untyped-def]
    def check(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)  # unhandled: the server answers 535 itself

    return check


@contextmanager
def smtp_server(
    handler: Handler,
    tls: ssl.SSLContext | None = None,
    starttls: ssl.SSLContext | None = None,
    login: tuple[str, str] | None = None,
) -> Iterator[int]:
    """Run the server for the duration; yields its port."""
    port = free_port()
    kwargs: dict[str, Any] = {"hostname": "127.0.0.1", "port": port}
    if tls is not None:
        kwargs["ssl_context"] = tls
    if starttls is not None:
        kwargs.update(tls_context=starttls, require_starttls=True)
    if login is not None:
        kwargs.update(authenticator=_accept(*login), auth_required=True)
    controller = Controller(handler, **kwargs)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()
