"""Mail (issue #4): `send_mail` and `tracker remind --mail-to` against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from local_servers import free_port

from tracker.config import Settings
from tracker.errors import ConfigError, InputError
from tracker.services.mail import MailError, send_mail

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

PASSWORD = "s3cret-Pa55word"


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default))
        )
        return "250 OK"


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"desk" and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (free port) that requires a login; yields (inbox, port)."""
    inbox = _Inbox()
    port = free_port()
    # No TLS in the test server, so AUTH over plain SMTP must be allowed (aiosmtpd warns about it).
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticator,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    yield inbox, port
    controller.stop()


def _parts(message) -> dict[str, str]:
    """Content type -> text of each part, with SMTP's CRLF line ends back to LF."""
    return {
        part.get_content_type(): part.get_content().replace("\r\n", "\n") for part in message.iter_parts()
    }


def _settings(port: int, **changes) -> Settings:
    values = dict(
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security="none",
        smtp_user="desk",
        smtp_password=PASSWORD,
        mail_from="tracker@example.org",
    )
    values.update(changes)
    return Settings(**values)


def test_send_mail_delivers_text_and_html(smtp_server):
    inbox, port = smtp_server
    sent = send_mail(
        _settings(port),
        "desk@example.org, chief@example.org",
        "Reminders",
        "plain body\n",
        "<p>html body</p>\n",
    )
    assert sent == ["desk@example.org", "chief@example.org"]
    [(recipients, message)] = inbox.messages
    assert (
        recipients == sent and message["Subject"] == "Reminders" and message["From"] == "tracker@example.org"
    )
    assert message.get_content_type() == "multipart/alternative"
    parts = _parts(message)
    assert parts == {"text/plain": "plain body\n", "text/html": "<p>html body</p>\n"}


def test_refused_login_names_the_user_never_the_password(smtp_server):
    _inbox, port = smtp_server
    with pytest.raises(ConfigError) as caught:
        send_mail(_settings(port, smtp_password=PASSWORD + "x"), "desk@example.org", "s", "t", "<p>h</p>")
    assert "desk" in str(caught.value) and PASSWORD not in str(caught.value)
    assert caught.value.__cause__ is None


def test_unreachable_server_and_bad_address():
    with pytest.raises(MailError, match="cannot reach SMTP server 127.0.0.1"):
        send_mail(_settings(free_port()), "desk@example.org", "s", "t", "<p>h</p>")
    with pytest.raises(InputError):
        send_mail(_settings(free_port()), "not an address", "s", "t", "<p>h</p>")


def test_remind_mail_to_sends_the_same_content(cli, seed_path, smtp_server, monkeypatch):
    inbox, port = smtp_server
    for name, value in {
        "TRACKER_SMTP_HOST": "127.0.0.1",
        "TRACKER_SMTP_PORT": str(port),
        "TRACKER_SMTP_USER": "desk",
        "TRACKER_SMTP_PASSWORD": PASSWORD,
        # The test server has no TLS; a login in clear is allowed to loopback only (#17).
        "TRACKER_SMTP_SECURITY": "none",
    }.items():
        monkeypatch.setenv(name, value)
    cli("ingest", seed_path)
    result = cli("remind", "--mail-to", "desk@example.org", "--fail-on-overdue", today="2018-01-02")
    assert result.exit_code == 1
    assert result.stdout.startswith("mailed to desk@example.org: tracker reminders 2018-01-02: 1 overdue")
    assert PASSWORD not in result.stdout + result.stderr
    [(_, message)] = inbox.messages
    parts = _parts(message)
    terminal = cli("remind", today="2018-01-02").stdout
    assert parts["text/plain"] == terminal
    assert "<td>Minsk</td>" in parts["text/html"] and "2 day(s) overdue" in parts["text/html"]


def test_remind_quiet_mails_nothing_when_nothing_is_due(cli, seed_path, smtp_server, monkeypatch):
    inbox, port = smtp_server
    monkeypatch.setenv("TRACKER_SMTP_PORT", str(port))
    monkeypatch.setenv("TRACKER_SMTP_HOST", "127.0.0.1")
    cli("ingest", seed_path)
    result = cli("remind", "--quiet", "--mail-to", "desk@example.org", today="2017-03-01")
    assert (result.exit_code, result.stdout, inbox.messages) == (0, "", [])


def test_remind_mail_failure_is_one_line_without_the_password(cli, seed_path, smtp_server, monkeypatch):
    _inbox, port = smtp_server
    for name, value in {
        "TRACKER_SMTP_HOST": "127.0.0.1",
        "TRACKER_SMTP_PORT": str(port),
        "TRACKER_SMTP_USER": "desk",
        "TRACKER_SMTP_PASSWORD": "wrong-" + PASSWORD,
        "TRACKER_SMTP_SECURITY": "none",
    }.items():
        monkeypatch.setenv(name, value)
    cli("ingest", seed_path)
    result = cli("remind", "--mail-to", "desk@example.org", today="2018-01-02")
    assert result.exit_code == 6
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("tracker: SMTP server 127.0.0.1")
    assert PASSWORD not in result.stdout + result.stderr
