"""Sending mail: one multipart message (plain text + HTML) through the configured SMTP server.

Security `none` talks plain SMTP, `starttls` upgrades the connection before
logging in, `tls` connects with TLS from the start (SMTPS, usually port 465);
with a password and no `smtp_security` set, it is `starttls`. Credentials never
travel without TLS except to a server on this machine (loopback): the login is
refused before connecting (issue #17). The password is only ever handed to
`smtplib.login`; error messages never contain it (they are scrubbed in case a
server echoes it back).
"""

from __future__ import annotations

import ipaddress
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid

from tracker.config import Settings
from tracker.errors import ConfigError, InputError, MailError

__all__ = ["MailError", "build_message", "send_mail", "parse_recipients"]

TIMEOUT_SECONDS = 30


def parse_recipients(to: str | list[str]) -> list[str]:
    """Addresses from "a@x, b@y" or a list; raise InputError when there is none or one is malformed."""
    values = [to] if isinstance(to, str) else list(to)
    addresses = [address for _name, address in getaddresses(values) if address]
    if not addresses or any("@" not in address for address in addresses):
        raise InputError(f"not a mail address: {', '.join(values)!r}")
    return addresses


def build_message(settings: Settings, to: list[str], subject: str, text: str, html: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=settings.mail_from.rpartition("@")[2] or "localhost")
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def _is_loopback(host: str) -> bool:
    """Whether `host` names this machine without a network in between (localhost, 127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "********") if secret else text


def send_mail(settings: Settings, to: str | list[str], subject: str, text: str, html: str) -> list[str]:
    """Send `text` and `html` as one multipart/alternative message; return the recipients.

    :param settings: smtp_host, smtp_port, smtp_security, smtp_user, smtp_password, mail_from.
    :raises InputError: for a malformed address.
    :raises ConfigError: when the server refuses the login, cannot do STARTTLS, or the login would
        travel without TLS to another machine.
    :raises MailError: when the server cannot be reached or refuses the message.
    """
    recipients = parse_recipients(to)
    # Errors below are raised `from None`: a chained smtplib exception could carry a
    # server's echo of the credentials into a traceback or log.
    message = build_message(settings, recipients, subject, text, html)
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    password = settings.smtp_password
    if settings.smtp_security == "none" and settings.smtp_user and not _is_loopback(settings.smtp_host):
        raise ConfigError(
            f"will not send the SMTP login to {where} without TLS; set smtp_security to "
            "starttls (or tls, usually port 465)"
        )
    try:
        client: smtplib.SMTP
        if settings.smtp_security == "tls":
            client = smtplib.SMTP_SSL(
                settings.smtp_host,
                settings.smtp_port,
                timeout=TIMEOUT_SECONDS,
                context=ssl.create_default_context(),
            )
        else:
            client = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT_SECONDS)
        with client:
            if settings.smtp_security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                client.login(settings.smtp_user, password or "")
            client.send_message(message, to_addrs=recipients)
    except smtplib.SMTPAuthenticationError as err:
        raise ConfigError(
            f"SMTP server {where} refused the login of {settings.smtp_user!r} "
            f"(code {err.smtp_code}); check smtp_user and smtp_password"
        ) from None
    except smtplib.SMTPNotSupportedError as err:  # no STARTTLS, no AUTH: the settings do not fit the server
        raise ConfigError(
            _scrub(f"SMTP server {where} does not support this: {err}; check smtp_security", password)
        ) from None
    except smtplib.SMTPRecipientsRefused as err:
        raise MailError(f"SMTP server {where} refused the recipient(s) {', '.join(err.recipients)}") from None
    except smtplib.SMTPException as err:
        raise MailError(_scrub(f"SMTP server {where} failed: {err}", password)) from None
    except ssl.SSLError as err:
        raise MailError(
            f"TLS with {where} failed ({err.reason or err}); check smtp_security and smtp_port"
        ) from None
    except (TimeoutError, OSError) as err:
        raise MailError(
            f"cannot reach SMTP server {where}: {err.strerror or err}; check smtp_host and smtp_port"
        ) from None
    return recipients
