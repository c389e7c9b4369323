"""Delivering reminders through the office's SMTP server, one message at a time.

Where and how to connect comes from the environment only (never the records or the command
line, which end up in Git and shell histories). One message's failure never stops the rest:
a refused recipient leaves the connection usable, and a dropped connection is opened again
for the next message.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from enum import StrEnum

from pcctrack.errors import UsageProblem

ENV_PREFIX = "PCCTRACK_SMTP_"


class Security(StrEnum):
    STARTTLS = "starttls"
    TLS = "tls"
    """Implicit TLS from the first byte (SMTPS, usually port 465)."""
    NONE = "none"
    """No encryption: only for a relay on the same machine or network, and never with a password."""


_PORTS = {Security.STARTTLS: 587, Security.TLS: 465, Security.NONE: 25}


@dataclass(frozen=True)
class Server:
    """How to reach the office's SMTP server, read from PCCTRACK_SMTP_* variables."""

    host: str
    port: int
    security: Security = Security.STARTTLS
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    ca_file: str | None = None
    """A certificate authority to trust besides the system's, e.g. the office's own."""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Server:
        """The server the environment names, or a usage error saying which variable to set."""

        def get(name: str) -> str | None:
            return environ.get(ENV_PREFIX + name) or None

        host = get("HOST")
        if host is None:
            raise UsageProblem(f"--send needs the SMTP server: set {ENV_PREFIX}HOST (and {ENV_PREFIX}USER and {ENV_PREFIX}PASSWORD if it asks for them)")
        try:
            security = Security((get("SECURITY") or Security.STARTTLS).lower())
        except ValueError:
            raise UsageProblem(f"{ENV_PREFIX}SECURITY must be one of {', '.join(s.value for s in Security)}") from None
        user, password = get("USER"), get("PASSWORD")
        if (user is None) != (password is None):
            raise UsageProblem(f"set both {ENV_PREFIX}USER and {ENV_PREFIX}PASSWORD, or neither")
        if user is not None and security is Security.NONE:
            raise UsageProblem(f"{ENV_PREFIX}SECURITY is none: a password is never sent unencrypted; use starttls or tls")
        port = _positive("PORT", get("PORT"), _PORTS[security])
        timeout = _positive("TIMEOUT", get("TIMEOUT"), 30)
        return cls(host, int(port), security, user, password, timeout, get("CA_FILE"))

    def describe(self) -> str:
        return f"{self.host}:{self.port} ({self.security.value})"


def _positive(name: str, value: str | None, default: float) -> float:
    """A positive number from PCCTRACK_SMTP_<name>, or ``default`` when it is not set."""
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        number = 0
    if number <= 0 or (name == "PORT" and not number.is_integer()):
        raise UsageProblem(f"{ENV_PREFIX}{name} must be a positive number, not {value!r}")
    return number


@dataclass(frozen=True)
class Delivery:
    """What became of one message: the addresses that took it, those refused, and why the rest
    (or all) did not."""

    key: str
    delivered: list[str]
    refused: dict[str, str]
    error: str | None = None


def send_each(messages: Iterable[tuple[str, EmailMessage, list[str]]], server: Server) -> Iterator[Delivery]:
    """Send each (key, message, recipients) in turn, yielding each outcome as it happens, so
    the caller can log a delivery before the next message is tried. When the server cannot
    be reached (or refuses the login) the rest are reported without being tried."""
    client: smtplib.SMTP | None = None
    unreachable: str | None = None
    try:
        for key, message, recipients in messages:
            if unreachable is not None:
                yield Delivery(key, [], {}, unreachable)
                continue
            if client is None:
                try:
                    client = _connect(server)
                except (smtplib.SMTPException, OSError) as exc:
                    unreachable = f"could not connect to {server.describe()}: {_reason(exc, server.timeout)}"
                    yield Delivery(key, [], {}, unreachable)
                    continue
            outcome, usable = _send(client, key, message, recipients, server.timeout)
            if not usable:
                _close(client)
                client = None
            yield outcome
    finally:
        if client is not None:
            _close(client)


def _send(client: smtplib.SMTP, key: str, message: EmailMessage, recipients: list[str], timeout: float) -> tuple[Delivery, bool]:
    """One message's outcome, and whether the connection can carry the next one."""
    try:
        refused = client.send_message(message, to_addrs=recipients)
    except smtplib.SMTPRecipientsRefused as exc:
        return Delivery(key, [], {a: _response(*r) for a, r in exc.recipients.items()}), True
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError, smtplib.SMTPNotSupportedError) as exc:
        return Delivery(key, [], {}, _reason(exc, timeout)), True
    except (smtplib.SMTPException, OSError) as exc:
        return Delivery(key, [], {}, _reason(exc, timeout)), False
    delivered = [a for a in recipients if a not in refused]
    return Delivery(key, delivered, {a: _response(*r) for a, r in refused.items()}), True


def _connect(server: Server) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=server.ca_file) if server.security is not Security.NONE else None
    if server.security is Security.TLS:
        client: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    try:
        if server.security is Security.STARTTLS:
            client.starttls(context=context)
        if server.user is not None:
            client.login(server.user, server.password or "")
    except BaseException:
        _close(client)
        raise
    return client


def _close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _response(code: int, text: bytes | str) -> str:
    return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"


def _reason(exc: BaseException, timeout: float) -> str:
    """What went wrong, as the server or the network said it."""
    if isinstance(exc, TimeoutError) or (isinstance(exc, smtplib.SMTPServerDisconnected) and "timed out" in str(exc)):
        return f"no answer from the server within {timeout:g} s"  # smtplib reports a read timeout as a disconnection
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"the server answered {_response(exc.smtp_code, exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"the server closed the connection ({exc})" if str(exc) else "the server closed the connection"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"the server does not support it: {exc}"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed: {exc.reason or exc}"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
