"""The SMTP password never travels in clear (issue #17, point 6): real TLS servers on 127.0.0.1.

Each test makes its own self-signed certificate for localhost (with the openssl
command) and trusts it through SSL_CERT_FILE, which Python's default TLS context
reads: the code under test verifies the server exactly as it would a real one.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from local_servers import free_port

from tracker.config import Settings, resolve_settings
from tracker.errors import ConfigError
from tracker.services import mail
from tracker.services.mail import send_mail

PASSWORD = "s3cret-Pa55word"


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.rcpt_tos)
        return "250 OK"


def _authenticator(server, session, envelope, mechanism, auth_data):
    return AuthResult(
        success=auth_data.login == b"desk" and auth_data.password == PASSWORD.encode(), handled=False
    )


pytestmark = [
    pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command"),
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning"),
]


@pytest.fixture
def certificate(tmp_path, monkeypatch):
    """A self-signed certificate for localhost and 127.0.0.1, trusted by the default TLS context."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def _server(inbox, port: int, **kwargs) -> Controller:
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=_authenticator, auth_required=True, **kwargs
    )
    controller.start()
    return controller


def _settings(port: int, **changes) -> Settings:
    values = dict(
        smtp_host="localhost",
        smtp_port=port,
        smtp_user="desk",
        smtp_password=PASSWORD,
        mail_from="tracker@example.org",
    )
    values.update(changes)
    return Settings(**values)


def test_a_configured_password_means_starttls_by_default():
    settings = resolve_settings({}, environ={"TRACKER_SMTP_USER": "desk", "TRACKER_SMTP_PASSWORD": PASSWORD})
    assert settings.smtp_security == "starttls"
    assert resolve_settings({}, environ={}).smtp_security == "none"
    assert (
        resolve_settings(
            {}, environ={"TRACKER_SMTP_PASSWORD": PASSWORD, "TRACKER_SMTP_SECURITY": "tls"}
        ).smtp_security
        == "tls"
    )


def test_starttls_with_a_verified_certificate(certificate):
    inbox, port = _Inbox(), free_port()
    # The server refuses AUTH before STARTTLS: a login in clear would fail the test.
    controller = _server(inbox, port, tls_context=certificate, require_starttls=True, auth_require_tls=True)
    try:
        assert send_mail(_settings(port), "desk@example.org", "s", "t\n", "<p>h</p>") == ["desk@example.org"]
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


def test_implicit_tls_with_a_verified_certificate(certificate):
    inbox, port = _Inbox(), free_port()
    controller = _server(inbox, port, ssl_context=certificate, auth_require_tls=False)
    try:
        send_mail(_settings(port, smtp_security="tls"), "desk@example.org", "s", "t\n", "<p>h</p>")
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


def test_a_server_without_starttls_is_a_settings_error_exit_6():
    """Before: exit 7 (MailError). The settings do not fit the server: a ConfigError, exit 6."""
    inbox, port = _Inbox(), free_port()
    controller = _server(inbox, port, auth_require_tls=False)
    try:
        with pytest.raises(ConfigError, match="check smtp_security") as caught:
            send_mail(_settings(port), "desk@example.org", "s", "t\n", "<p>h</p>")
    finally:
        controller.stop()
    assert caught.value.exit_code == 6 and PASSWORD not in str(caught.value) and inbox.messages == []


def test_no_login_in_clear_to_another_machine(monkeypatch):
    """smtp_security none with a login to a remote host is refused before any connection is made."""

    def no_connection(*args, **kwargs):
        raise AssertionError("connected although the login would have gone in clear")

    monkeypatch.setattr(mail.smtplib, "SMTP", no_connection)
    monkeypatch.setattr(socket, "create_connection", no_connection)
    with pytest.raises(ConfigError, match="without TLS"):
        send_mail(
            _settings(25, smtp_host="192.0.2.25", smtp_security="none"),
            "desk@example.org",
            "s",
            "t",
            "<p>h</p>",
        )


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "mail.localhost"])
def test_loopback_hosts_may_take_a_login_in_clear(host):
    assert mail._is_loopback(host)


@pytest.mark.parametrize("host", ["192.0.2.25", "mail.example.org", "localhost.example.org", "10.0.0.1"])
def test_other_hosts_are_not_loopback(host):
    assert not mail._is_loopback(host)
