"""Settings: declared once, resolved once in the CLI, passed down frozen.

Precedence: command-line option > environment variable > settings file (TOML
in the user's config directory) > default. Nothing below `cli/` reads
`os.environ`; it receives a `Settings`.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

from tracker.clock import today as _clock_today
from tracker.errors import ConfigError

__all__ = ["Settings", "SETTINGS_SPEC", "Setting", "resolve_settings", "default_db_url", "config_path"]

APP_NAME = "tracker"


@dataclass(frozen=True)
class Setting:
    """One setting: its name in the file, its environment variable, type, default and help."""

    name: str
    env: str
    type_: type
    default: object
    help: str
    secret: bool = False


def default_db_url() -> str:
    path = Path(platformdirs.user_data_dir(APP_NAME)) / "tracker.db"
    return f"sqlite:///{path}"


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get("TRACKER_CONFIG"):
        return Path(environ["TRACKER_CONFIG"])
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


SETTINGS_SPEC: tuple[Setting, ...] = (
    Setting("db_url", "TRACKER_DB_URL", str, None, "database URL (default: SQLite file in the user data dir)",
            secret=True),
    Setting("today", "TRACKER_TODAY", str, None, "fixed date (YYYY-MM-DD) instead of the real one"),
    Setting("due_soon_days", "TRACKER_DUE_SOON_DAYS", int, 30, "horizon of 'due soon' in days"),
    Setting("stale_months", "TRACKER_STALE_MONTHS", int, 12,
            "an open-ended item with no news for this many months is stale"),
    Setting("smtp_host", "TRACKER_SMTP_HOST", str, "localhost", "SMTP server for --mail-to"),
    Setting("smtp_port", "TRACKER_SMTP_PORT", int, 25, "SMTP port"),
    Setting("smtp_security", "TRACKER_SMTP_SECURITY", str, "none", "none, starttls or tls"),
    Setting("smtp_user", "TRACKER_SMTP_USER", str, None, "SMTP user name"),
    Setting("smtp_password", "TRACKER_SMTP_PASSWORD", str, None, "SMTP password", secret=True),
    Setting("mail_from", "TRACKER_MAIL_FROM", str, "tracker@localhost", "sender address of mails"),
    Setting("feed_base_url", "TRACKER_FEED_BASE_URL", str, "http://127.0.0.1:8080",
            "public base URL printed in feed subscription links"),
)


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    today: dt.date | None = None
    due_soon_days: int = 30
    stale_months: int = 12
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_security: str = "none"
    smtp_user: str | None = None
    smtp_password: str | None = None
    mail_from: str = "tracker@localhost"
    feed_base_url: str = "http://127.0.0.1:8080"

    def effective_today(self) -> dt.date:
        """The date everything acts on: the fixed one, else the real date."""
        return _clock_today(self.today)


def _coerce(setting: Setting, value: object, origin: str) -> object:
    if value is None:
        return None
    try:
        if setting.type_ is int:
            return int(value)
        return str(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{setting.name} from {origin} must be {setting.type_.__name__}, got {value!r}") from err


def _read_file(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"cannot read settings file {path}: {err}") from err


def resolve_settings(options: Mapping[str, object] | None = None,
                     environ: Mapping[str, str] | None = None,
                     path: Path | None = None) -> Settings:
    """Merge options, environment, settings file and defaults into one Settings."""
    environ = os.environ if environ is None else environ
    options = options or {}
    file_values = _read_file(path or config_path(environ))
    unknown = set(file_values) - {s.name for s in SETTINGS_SPEC}
    if unknown:
        raise ConfigError(f"unknown setting(s) in settings file: {', '.join(sorted(unknown))}")
    values: dict[str, object] = {}
    for setting in SETTINGS_SPEC:
        if options.get(setting.name) is not None:
            values[setting.name] = _coerce(setting, options[setting.name], "the command line")
        elif environ.get(setting.env):
            values[setting.name] = _coerce(setting, environ[setting.env], setting.env)
        elif setting.name in file_values:
            values[setting.name] = _coerce(setting, file_values[setting.name], "the settings file")
    if values.get("db_url") is None:
        values.pop("db_url", None)
    if values.get("today") is not None:
        values["today"] = _clock_today(str(values["today"]))
    if values.get("smtp_security", "none") not in {"none", "starttls", "tls"}:
        raise ConfigError("smtp_security must be none, starttls or tls")
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in known and v is not None})
