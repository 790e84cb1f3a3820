"""Settings (issue #4): precedence, origins, validation, and `tracker config show` with secrets masked."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.config import explain_settings, mask_url_password, resolve_settings
from tracker.errors import ConfigError


def test_precedence_option_env_file_default(tmp_path):
    settings_file = tmp_path / "config.toml"
    settings_file.write_text("due_soon_days = 10\nstale_months = 6\nsmtp_port = 2525\n")
    environ = {"TRACKER_STALE_MONTHS": "9", "TRACKER_SMTP_PORT": "587"}
    origins = {
        v.name: (v.value, v.origin) for v in explain_settings({"smtp_port": 465}, environ, settings_file)
    }
    assert origins["smtp_port"] == (465, "option")
    assert origins["stale_months"] == (9, "env TRACKER_STALE_MONTHS")
    assert origins["due_soon_days"] == (10, f"file {settings_file}")
    assert origins["smtp_security"] == ("none", "default")
    assert resolve_settings({}, environ, settings_file).stale_months == 9


@pytest.mark.parametrize(
    "content, message",
    [
        ('smtp_security = "ssl"\n', "smtp_security must be none, starttls or tls"),
        ("stale_months = -1\n", "stale_months must be 0 or more"),
        ('due_soon_days = "soon"\n', "due_soon_days from settings file"),
        ("colour = 1\n", "unknown setting(s) in settings file"),
    ],
)
def test_invalid_settings_are_config_errors(tmp_path, content, message):
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(content)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        resolve_settings({}, {}, settings_file)


@pytest.mark.parametrize(
    "url, shown",
    [
        (
            "postgresql+psycopg://bob:pw@db.example.org:5432/tracker",
            "postgresql+psycopg://bob:***@db.example.org:5432/tracker",
        ),
        ("postgresql://bob:p@ss@host/db", "postgresql://bob:***@host/db"),
        ("postgresql://bob@host/db", "postgresql://bob@host/db"),
        ("sqlite:////var/lib/tracker.db", "sqlite:////var/lib/tracker.db"),
    ],
)
def test_mask_url_password(url, shown):
    assert mask_url_password(url) == shown


def test_config_show_masks_secrets(cli, monkeypatch, tmp_path):
    settings_file = tmp_path / "config.toml"
    settings_file.write_text('smtp_user = "desk"\nsmtp_password = "from-the-file"\nstale_months = 18\n')
    monkeypatch.setenv("TRACKER_CONFIG", str(settings_file))
    monkeypatch.setenv("TRACKER_SMTP_HOST", "mail.example.org")
    result = CliRunner().invoke(
        app, ["--db", "postgresql+psycopg://bob:db-secret@db.example.org/tracker", "config", "show", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)["settings"]
    assert shown["db_url"] == {
        "value": "postgresql+psycopg://bob:***@db.example.org/tracker",
        "origin": "option",
    }
    assert shown["smtp_password"] == {"value": "********", "origin": f"file {settings_file}"}
    assert shown["smtp_host"] == {"value": "mail.example.org", "origin": "env TRACKER_SMTP_HOST"}
    assert shown["stale_months"]["value"] == 18 and shown["due_soon_days"] == {
        "value": 30,
        "origin": "default",
    }
    text = CliRunner().invoke(app, ["--db", "postgresql://bob:db-secret@h/x", "config", "show"]).stdout
    assert "db-secret" not in text and "from-the-file" not in text and "********" in text
