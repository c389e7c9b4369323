"""A reminder as an email, composed without files: headers record text cannot forge."""

from __future__ import annotations

from datetime import date, datetime, timezone
from email import policy
from email.parser import BytesParser

import pytest

from pcctrack.choices import DocFormat
from pcctrack.documents.environment import compiled
from pcctrack.errors import UsageProblem
from pcctrack.reminders import message
from pcctrack.reminders.owed import owed_by_role
from pcctrack.reminders.smtp import Security, Server
from tests.rules.factories import item

AS_OF = date(2026, 11, 21)
NOW = datetime(2026, 11, 23, 6, 30, tzinfo=timezone.utc)


def composed(role: str, force: str, title: str) -> bytes:
    [owed] = owed_by_role([item(id="x-1", owner=role, title=title, due=date(2026, 1, 1))], AS_OF)
    sender = message.Sender(force, "tracker@opcc.example", "analysts@opcc.example")
    parts = message.context(owed, sender, AS_OF, 30, 60, {})
    text, html = compiled("remind.txt.j2", None, []), compiled("remind.html.j2", DocFormat.HTML, [])
    shared = message.shared_headers(sender, NOW)
    return message.compose(owed, ["role@force.example"], sender, shared, parts, text, html, None).as_bytes()


def test_line_breaks_in_a_role_a_force_or_a_title_add_no_header() -> None:
    raw = composed("Boss\r\nBcc: spy@evil.example", "Force\r\nBcc: spy@evil.example\r\n\r\nbody", "T\r\nBcc: spy@evil.example")
    head = raw.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0] for line in head.split(b"\r\n") if line and not line[:1].isspace()]
    assert names == [b"Subject", b"To", b"From", b"Reply-To", b"Date", b"Auto-Submitted", b"Message-ID", b"MIME-Version", b"Content-Type"]
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert parsed["Subject"] == "1 overdue: Force Bcc: spy@evil.example body tracker"
    assert [a.addr_spec for a in parsed["To"].addresses] == ["role@force.example"]
    assert parsed["Date"].datetime == NOW


def test_the_subject_counts_each_list_it_has() -> None:
    items = [
        item(id="a", due=date(2026, 1, 1)), item(id="b", due=date(2026, 2, 1)),
        item(id="c", due=date(2026, 12, 1)),
        item(id="d", state="awaiting-verification"),
    ]
    [owed] = owed_by_role(items, AS_OF, due_within=14)
    assert message.subject(owed, 14, "Cleveland Police") == (
        "2 overdue, 1 due in the next 14 days, 1 awaiting verification: Cleveland Police tracker"
    )


def test_the_server_comes_from_the_environment_with_sensible_defaults() -> None:
    assert Server.from_environ({"PCCTRACK_SMTP_HOST": "smtp.example.org"}) == Server("smtp.example.org", 587, Security.STARTTLS)
    implicit = Server.from_environ({"PCCTRACK_SMTP_HOST": "smtp.example.org", "PCCTRACK_SMTP_SECURITY": "TLS"})
    assert (implicit.port, implicit.security) == (465, Security.TLS)
    with_login = Server.from_environ({"PCCTRACK_SMTP_HOST": "h", "PCCTRACK_SMTP_USER": "u", "PCCTRACK_SMTP_PASSWORD": "secret"})
    assert "secret" not in repr(with_login)


@pytest.mark.parametrize(
    ("environ", "says"),
    [
        ({}, "set PCCTRACK_SMTP_HOST"),
        ({"PCCTRACK_SMTP_SECURITY": "ssl"}, "PCCTRACK_SMTP_SECURITY must be one of starttls, tls, none"),
        ({"PCCTRACK_SMTP_PORT": "25.5"}, "PCCTRACK_SMTP_PORT must be a positive number, not '25.5'"),
        ({"PCCTRACK_SMTP_TIMEOUT": "-1"}, "PCCTRACK_SMTP_TIMEOUT must be a positive number"),
        ({"PCCTRACK_SMTP_USER": "u"}, "set both PCCTRACK_SMTP_USER and PCCTRACK_SMTP_PASSWORD, or neither"),
    ],
)
def test_a_bad_setting_is_a_usage_error_naming_the_variable(environ: dict[str, str], says: str) -> None:
    host = {} if not environ else {"PCCTRACK_SMTP_HOST": "h"}
    with pytest.raises(UsageProblem, match=says):
        Server.from_environ({**host, **environ})
