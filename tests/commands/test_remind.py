"""`pcctrack remind`: real messages through a real SMTP server on 127.0.0.1, never twice, never lost."""

from __future__ import annotations

import json
import ssl
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
import trustme
from icalendar import Calendar

from pcctrack.boundary import yamlio
from tests.conftest import AS_OF, run
from tests.documents.test_browser import browser  # noqa: F401 (the fixture)
from tests.reminders.server import Handler, smtp_server

ROLES = {
    "Head of Safeguarding": ["safeguarding@force.example"],
    "PVP Hub Manager": ["pvp-hub@force.example", "pvp-deputies@force.example"],
    "Superintendent (Prevention)": ["prevention@force.example"],
    "Chief Inspector (Neighbourhoods)": [],
}
"""Each role with its mailboxes: the last has none."""


def chase_tree(records: Path, owner_text: str = "", role_extra: dict[str, list[str]] | None = None) -> None:
    """The minimal tree with an action for each role beside the Head of Safeguarding's, and
    the mailboxes in pcctrack.yaml."""
    roles = {**ROLES, **(role_extra or {})}
    config = {
        "force": "Test Constabulary",
        "roles": {"Head of Safeguarding": ["Safeguarding Lead"], "Office of the PCC": [], **{r: [] for r in roles if r != "Head of Safeguarding"}},
        "reminders": {
            "from": "tracker@opcc.example",
            "reply_to": "analysts@opcc.example",
            "mailboxes": {r: m for r, m in roles.items() if m},
        },
    }
    (records / "pcctrack.yaml").write_text(json.dumps(config, indent=2), encoding="utf-8")
    dues = ["2026-01-20", "2025-06-30", "2025-12-10"]
    for n, (role, due) in enumerate(zip(list(roles)[1:], dues + ["2025-11-30"] * 10), start=2):
        (records / "audits" / "test-audit" / f"action-{n}.yaml").write_text(
            f"id: test-audit-{n}\naudit: test-audit\nnumber: {n}\n"
            f"action: {json.dumps(f'Action {n}{owner_text} for the role.')}\npriority: Medium\n"
            f"owner: {json.dumps(role)}\ndue: {due}\nstatus: open\n",
            encoding="utf-8",
        )


@pytest.fixture
def smtp_env(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def point_at(port: int, security: str = "none", **more: str) -> None:
        monkeypatch.setenv("PCCTRACK_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("PCCTRACK_SMTP_PORT", str(port))
        monkeypatch.setenv("PCCTRACK_SMTP_SECURITY", security)
        monkeypatch.setenv("PCCTRACK_SMTP_TIMEOUT", more.pop("TIMEOUT", "5"))
        for name, value in more.items():
            monkeypatch.setenv(f"PCCTRACK_SMTP_{name}", value)

    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "TIMEOUT", "CA_FILE"):
        monkeypatch.delenv(f"PCCTRACK_SMTP_{name}", raising=False)
    return point_at


def parts(message: EmailMessage) -> tuple[str, str, bytes | None]:
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    ics = [p.get_content() for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    return text, html, (ics[0].encode() if isinstance(ics[0], str) else ics[0]) if ics else None


def test_send_delivers_one_message_per_role_and_a_second_run_sends_nothing(records: Path, smtp_env) -> None:  # type: ignore[no-untyped-def]
    chase_tree(records)
    handler = Handler()
    with smtp_server(handler) as port:
        smtp_env(port)
        first = run("remind", "--send", "--as-of", AS_OF)
        assert first.exit_code == 0, first.stderr
        second = run("remind", "--send", "--as-of", AS_OF)
        assert second.exit_code == 0, second.stderr
    assert sorted(r for got in handler.received for r in got.recipients) == sorted(
        ["safeguarding@force.example", "pvp-hub@force.example", "pvp-deputies@force.example", "prevention@force.example"]
    )
    assert len(handler.received) == 3  # one per role with a mailbox; the second run sent nothing
    assert "already sent" in second.stdout
    assert "no mailbox" in first.stdout and "Chief Inspector (Neighbourhoods)" in first.stderr

    [message] = handler.to("safeguarding@force.example")
    assert message["Subject"] == "2 overdue: Test Constabulary tracker"
    assert message["From"] == "tracker@opcc.example"
    assert message["Reply-To"] == "analysts@opcc.example"
    assert message["To"] == "Head of Safeguarding <safeguarding@force.example>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Bcc"] is None and message["Cc"] is None
    text, html, ics = parts(message)
    assert "as of 1 January 2026" in text and "as of 1 January 2026" in html
    # Most overdue first; both the recommendation (owner as written) and the action (a spelling
    # pcctrack.yaml declares for the role) reach the role.
    assert text.index("test-inspection-rec-1") < text.index("test-audit-1")
    assert "Due 31 March 2025: 276 days overdue" in text
    assert "Last update 15 September 2025: Dashboard review started." in text
    assert "pcctrack update test-audit-1 --status STATUS --by 'Head of Safeguarding' --note 'WHAT THE OWNER REPORTS'" in text
    assert "<h2 id=\"overdue\">Overdue, most overdue first (2)</h2>" in html
    assert ics is None and "calendar" not in text  # both dates have passed: nothing for a diary

    [pvp] = handler.to("pvp-deputies@force.example")
    assert [a.addr_spec for a in pvp["To"].addresses] == ["pvp-hub@force.example", "pvp-deputies@force.example"]
    assert pvp["Subject"] == "1 due in the next 30 days: Test Constabulary tracker"
    text, html, ics = parts(pvp)
    assert "Due 20 January 2026: 19 days left" in text
    assert "The dates are attached as a calendar (due-dates.ics)." in text
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert (str(event["UID"]), event.decoded("DTSTART")) == ("test-audit-2@pcctrack", date(2026, 1, 20))

    log = yamlio.load_editable((records.parent / "reminders" / "sent.yaml").read_bytes()).data
    assert sorted(e["to"] for e in log["2026-01-01"]["PVP Hub Manager"]) == ["pvp-deputies@force.example", "pvp-hub@force.example"]


@pytest.mark.parametrize(
    ("handler", "why", "retried"),
    [
        (Handler(refuse={"pvp-deputies@force.example"}), "pvp-deputies@force.example: 550 5.1.1 No such mailbox here", ["pvp-deputies@force.example"]),
        (Handler(drop={"pvp-hub@force.example"}), "the server closed the connection", ["pvp-hub@force.example", "pvp-deputies@force.example"]),
        (Handler(stall={"pvp-hub@force.example"}), "no answer from the server within 1 s", ["pvp-hub@force.example", "pvp-deputies@force.example"]),
    ],
    ids=["refused recipient", "dropped connection", "timeout"],
)
def test_a_failure_loses_no_other_message_and_the_rerun_sends_only_what_is_missing(
    records: Path, smtp_env, handler: Handler, why: str, retried: list[str]  # type: ignore[no-untyped-def]
) -> None:
    chase_tree(records)
    with smtp_server(handler) as port:
        smtp_env(port, TIMEOUT="1")
        failed = run("remind", "--send", "--as-of", AS_OF)
        assert failed.exit_code == 1
        assert "not delivered to 1 role: PVP Hub Manager" in failed.stderr
        assert why in failed.stderr
        # Roles go in name order, PVP Hub Manager second: the role after it still got its message.
        delivered = {a for r in handler.received for a in r.recipients}
        assert {"safeguarding@force.example", "prevention@force.example"} <= delivered
        assert not set(retried) & delivered
        handler.refuse.clear()
        handler.received.clear()
        again = run("remind", "--send", "--as-of", AS_OF)
    assert again.exit_code == 0, again.stderr
    assert [r.recipients for r in handler.received] == [retried]


def test_an_unreachable_server_fails_every_role_without_waiting_on_each(records: Path, smtp_env) -> None:  # type: ignore[no-untyped-def]
    chase_tree(records)
    from tests.reminders.server import free_port

    smtp_env(free_port())
    result = run("remind", "--send", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "not delivered to 3 roles" in result.stderr
    assert result.stderr.count("could not connect to 127.0.0.1") == 4  # one line per mailbox
    assert not (records.parent / "reminders" / "sent.yaml").exists()


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


def server_context(authority: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    return context


def test_implicit_tls_with_a_certificate_the_office_trusts(records: Path, smtp_env, authority: trustme.CA, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chase_tree(records)
    ca = tmp_path / "office-ca.pem"
    authority.cert_pem.write_to_path(str(ca))
    handler = Handler()
    with smtp_server(handler, tls=server_context(authority)) as port:
        smtp_env(port, "tls")
        untrusted = run("remind", "--send", "--as-of", AS_OF)
        assert untrusted.exit_code == 1 and "TLS failed: CERTIFICATE_VERIFY_FAILED" in untrusted.stderr
        assert handler.received == []
        smtp_env(port, "tls", CA_FILE=str(ca))
        trusted = run("remind", "--send", "--as-of", AS_OF)
    assert trusted.exit_code == 0, trusted.stderr
    assert len(handler.received) == 3


def test_starttls_and_login(records: Path, smtp_env, authority: trustme.CA, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chase_tree(records)
    ca = tmp_path / "office-ca.pem"
    authority.cert_pem.write_to_path(str(ca))
    handler = Handler()
    with smtp_server(handler, starttls=server_context(authority), login=("tracker", "s3cret")) as port:
        smtp_env(port, "starttls", CA_FILE=str(ca), USER="tracker", PASSWORD="wrong")
        refused = run("remind", "--send", "--as-of", AS_OF)
        assert refused.exit_code == 1 and "535" in refused.stderr
        assert "wrong" not in refused.stderr + refused.stdout
        smtp_env(port, "starttls", CA_FILE=str(ca), USER="tracker", PASSWORD="s3cret")
        accepted = run("remind", "--send", "--as-of", AS_OF)
    assert accepted.exit_code == 0, accepted.stderr
    assert len(handler.received) == 3


def test_credentials_are_never_sent_unencrypted_and_the_server_must_be_named(records: Path, smtp_env) -> None:  # type: ignore[no-untyped-def]
    chase_tree(records)
    nowhere = run("remind", "--send", "--as-of", AS_OF)
    assert nowhere.exit_code == 2 and "set PCCTRACK_SMTP_HOST" in nowhere.stderr
    smtp_env(25, "none", USER="tracker", PASSWORD="s3cret")
    plain = run("remind", "--send", "--as-of", AS_OF)
    assert plain.exit_code == 2 and "never sent unencrypted" in plain.stderr


def read_eml(path: Path) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())  # type: ignore[return-value]


def test_without_send_each_role_gets_an_eml_file_and_a_summary(records: Path) -> None:
    chase_tree(records)
    result = run("remind", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    folder = records.parent / "reminders" / "2026-01-01"
    assert sorted(p.name for p in folder.iterdir()) == ["head-of-safeguarding.eml", "pvp-hub-manager.eml", "superintendent-prevention.eml"]
    assert "wrote 3 messages to reminders/2026-01-01" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Reminders as of 1 January 2026: 5 roles owe something"
    assert any("Chief Inspector" in line and "no mailbox" in line for line in lines)
    message = read_eml(folder / "superintendent-prevention.eml")
    assert message["Subject"] == "1 overdue: Test Constabulary tracker"
    assert "Due 30 June 2025: 185 days overdue" in parts(message)[0]
    assert not (records.parent / "reminders" / "sent.yaml").exists()
    elsewhere = run("remind", "--as-of", AS_OF, "--out", str(records.parent / "review"))
    assert elsewhere.exit_code == 0
    assert (records.parent / "review" / "pvp-hub-manager.eml").exists()


HOSTILE = ' <script>alert(1)</script> {{ 7*7 }} {% raw %}\nBcc: spy@evil.example\n\n<b>bold</b>'  # carriage returns are refused when a record is read


def test_hostile_record_text_adds_no_header_and_no_markup(records: Path) -> None:
    evil_role = "Evil\nBcc: spy@evil.example"  # a carriage return is refused when the record is read
    chase_tree(records, owner_text=HOSTILE, role_extra={evil_role: ["evil-role@force.example"]})
    templates = records.parent / "templates"
    templates.mkdir()
    (templates / "remind.html.j2").write_text(
        '{% extends "pcctrack/remind.html.j2" %}', encoding="utf-8"  # an override built on the shipped one
    )
    result = run("remind", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    folder = records.parent / "reminders" / "2026-01-01"
    for path in folder.iterdir():
        raw = path.read_bytes()
        message = read_eml(path)
        assert message["Bcc"] is None
        assert b"\nBcc:" not in raw.split(b"\r\n\r\n", 1)[0]
        text, html, _ = parts(message)
        assert "<script>" not in html and "<b>bold</b>" not in html
        assert "{{ 7*7 }}" in text or "Action" not in text
    evil = read_eml(folder / "evil-bcc-spy-evil-example.eml")
    assert evil["To"] == '"Evil Bcc: spy@evil.example" <evil-role@force.example>'
    assert [a.addr_spec for a in evil["To"].addresses] == ["evil-role@force.example"]
    html = parts(evil)[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    assert "--by &#39;Evil Bcc: spy@evil.example&#39;" in html or "--by &#39;Evil" in html


def test_mailboxes_are_internal_so_publishable_records_stay_publishable(records: Path) -> None:
    chase_tree(records)
    result = run("validate", "--publishable", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_a_mailbox_that_is_not_one_bare_address_is_refused_where_it_is_written(records: Path) -> None:
    (records / "pcctrack.yaml").write_text(
        "force: Test Constabulary\nreminders:\n  from: tracker@opcc.example\n  mailboxes:\n"
        "    Head of Safeguarding: ['a@force.example, spy@evil.example']\n",
        encoding="utf-8",
    )
    result = run("validate", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "records/pcctrack.yaml:5:28: error: " in result.stderr
    assert "is not one bare email address" in result.stderr
    reminded = run("remind", "--as-of", AS_OF)
    assert reminded.exit_code == 1
    assert reminded.stderr.startswith("records/pcctrack.yaml:5:28: error: ")
    assert "pcctrack.yaml must be mended before any reminder can be addressed" in reminded.stderr


def test_without_a_reminders_section_it_says_what_to_add(records: Path) -> None:
    result = run("remind", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "records/pcctrack.yaml has no reminders: section: add one with `from:` and each role's `mailboxes:`" in result.stderr


def test_the_readme_example_is_what_the_bundled_records_give(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8").split("### `pcctrack remind`", 1)[1]
    config = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    wrote = "wrote 2 messages to reminders/2026-11-21: review them, then send with --send\n"
    shown = readme.split(f"```console\n$ pcctrack remind --as-of 2026-11-21\n{wrote}", 1)[1].split("pcctrack: warning", 1)[0]
    shutil.copytree(REPO / "records", tmp_path / "records")
    with (tmp_path / "records" / "pcctrack.yaml").open("a", encoding="utf-8") as f:
        f.write("\n" + config)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PCCTRACK_RECORDS", raising=False)
    monkeypatch.setenv("COLUMNS", "120")  # wide enough that no cell is cut: the same in any table layout
    result = run("remind", "--as-of", "2026-11-21")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == shown, f"update the README's `pcctrack remind` example (COLUMNS=120) to:\n{result.stdout}"
    assert result.stderr.startswith(wrote)
    assert "pcctrack: warning: no mailbox in pcctrack.yaml for 3 roles, so not reminded: Chief Inspector (Complex Exploitation Team); " in result.stderr
    assert sorted(p.name for p in (tmp_path / "reminders" / "2026-11-21").iterdir()) == [
        "chief-officer-lead-gain-board.eml", "pvp-hub-manager.eml"
    ]


def test_a_mailbox_given_for_another_spelling_reaches_the_role_and_a_stray_one_is_named(records: Path) -> None:
    chase_tree(records)
    config = json.loads((records / "pcctrack.yaml").read_text(encoding="utf-8"))
    mailboxes = config["reminders"]["mailboxes"]
    mailboxes["Safeguarding Lead"] = mailboxes.pop("Head of Safeguarding")
    mailboxes["Head of Nothing"] = ["nobody@force.example"]
    (records / "pcctrack.yaml").write_text(json.dumps(config), encoding="utf-8")
    result = run("remind", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert (records.parent / "reminders" / "2026-01-01" / "head-of-safeguarding.eml").exists()
    assert "mailboxes for roles it does not declare, which no item can name: Head of Nothing" in result.stderr


def test_a_delivery_log_that_cannot_be_read_stops_the_send_before_anything_goes(records: Path, smtp_env) -> None:  # type: ignore[no-untyped-def]
    chase_tree(records)
    log = records.parent / "reminders" / "sent.yaml"
    log.parent.mkdir()
    log.write_text("- just: a list\n", encoding="utf-8")
    handler = Handler()
    with smtp_server(handler) as port:
        smtp_env(port)
        result = run("remind", "--send", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "reminders/sent.yaml is not a delivery log as pcctrack writes it" in result.stderr
    assert handler.received == []


@pytest.mark.browser
def test_the_html_part_passes_axe_in_a_real_browser_even_with_hostile_text(records: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    from tests.documents.test_browser import AXE_TAGS

    chase_tree(records, owner_text=HOSTILE.replace("\r\n", " "))
    assert run("remind", "--as-of", AS_OF).exit_code == 0
    page_file = records.parent / "reminder.html"
    page_file.write_text(parts(read_eml(records.parent / "reminders" / "2026-01-01" / "pvp-hub-manager.eml"))[1], encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri())
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    assert page.evaluate("document.scripts.length") == 0 and dialogs == []
    assert "<script>alert(1)</script>" in page.inner_text("main")  # shown as the text it is
    page.close()


def test_a_second_send_while_one_is_running_is_refused_before_it_sends(records: Path, smtp_env) -> None:  # type: ignore[no-untyped-def]
    from pcctrack.boundary.atomic import held

    chase_tree(records)
    handler = Handler()
    with smtp_server(handler) as port:
        smtp_env(port)
        with held(records.parent / "reminders" / ".sent.lock"):  # as a run still sending holds it
            refused = run("remind", "--send", "--as-of", AS_OF)
        after = run("remind", "--send", "--as-of", AS_OF)
    assert refused.exit_code == 2
    assert "another `pcctrack remind --send` is sending from reminders now" in refused.stderr
    assert after.exit_code == 0 and len(handler.received) == 3
