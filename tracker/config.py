"""Settings: declared once, resolved once in the CLI, passed down frozen.

Precedence: command-line option > environment variable > settings file (TOML
in the user's config directory) > default. Nothing below `cli/` reads
`os.environ`; it receives a `Settings`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from tracker.clock import today as _clock_today
from tracker.domain.status import DUE_SOON_DAYS
from tracker.errors import ConfigError
from tracker.limits import MAX_DAYS, MAX_MONTHS

__all__ = [
    "Settings",
    "SETTINGS_SPEC",
    "Setting",
    "SettingValue",
    "resolve_settings",
    "explain_settings",
    "default_db_url",
    "default_cache_dir",
    "config_path",
    "mask_secret",
    "mask_url_password",
    "normalize_db_url",
]

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
    Setting(
        "db_url",
        "TRACKER_DB_URL",
        str,
        None,
        "database URL (default: SQLite file in the user data dir)",
        secret=True,
    ),
    Setting("today", "TRACKER_TODAY", str, None, "fixed date (YYYY-MM-DD) instead of the real one"),
    Setting("due_soon_days", "TRACKER_DUE_SOON_DAYS", int, DUE_SOON_DAYS, "horizon of 'due soon' in days"),
    Setting(
        "stale_months",
        "TRACKER_STALE_MONTHS",
        int,
        12,
        "an open-ended item with no news for this many months is stale",
    ),
    Setting("smtp_host", "TRACKER_SMTP_HOST", str, "localhost", "SMTP server for --mail-to"),
    Setting("smtp_port", "TRACKER_SMTP_PORT", int, 25, "SMTP port"),
    Setting(
        "smtp_security",
        "TRACKER_SMTP_SECURITY",
        str,
        None,
        "none, starttls or tls (default: starttls when smtp_password is set, else none)",
    ),
    Setting("smtp_user", "TRACKER_SMTP_USER", str, None, "SMTP user name"),
    Setting("smtp_password", "TRACKER_SMTP_PASSWORD", str, None, "SMTP password", secret=True),
    Setting("mail_from", "TRACKER_MAIL_FROM", str, "tracker@localhost", "sender address of mails"),
    Setting(
        "feed_base_url",
        "TRACKER_FEED_BASE_URL",
        str,
        "http://127.0.0.1:8080",
        "public base URL printed in feed subscription links",
    ),
    Setting(
        "cache_dir",
        "TRACKER_CACHE_DIR",
        str,
        None,
        "folder for the gazetteer's name index cache (default: the user cache dir)",
    ),
    Setting(
        "home_country",
        "TRACKER_HOME_COUNTRY",
        str,
        None,
        "your own country (code or name): reports do not list it as a partner",
    ),
    # `tracker sources poll` (issue #12): how politely sources are read.
    Setting(
        "poll_user_agent",
        "TRACKER_POLL_USER_AGENT",
        str,
        None,
        "User-Agent of polls (default: tracker/<version> and what it does)",
    ),
    Setting("poll_per_host", "TRACKER_POLL_PER_HOST", int, 2, "requests at once to one host"),
    Setting(
        "poll_delay",
        "TRACKER_POLL_DELAY",
        float,
        1.0,
        "seconds between two requests to one host (robots.txt Crawl-delay may ask more)",
    ),
    Setting(
        "poll_timeout", "TRACKER_POLL_TIMEOUT", float, 15.0, "seconds to connect and to read a whole answer"
    ),
    Setting("poll_max_bytes", "TRACKER_POLL_MAX_BYTES", int, 5 * 1024 * 1024, "largest feed or article read"),
    Setting("poll_retries", "TRACKER_POLL_RETRIES", int, 2, "further attempts after a 429 or 5xx answer"),
    Setting("poll_workers", "TRACKER_POLL_WORKERS", int, 8, "threads of one poll (all hosts together)"),
)


def default_cache_dir() -> str:
    return platformdirs.user_cache_dir(APP_NAME)


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    today: dt.date | None = None
    due_soon_days: int = DUE_SOON_DAYS
    stale_months: int = 12
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_security: str | None = None
    smtp_user: str | None = None
    smtp_password: str | None = None
    mail_from: str = "tracker@localhost"
    feed_base_url: str = "http://127.0.0.1:8080"
    cache_dir: str = field(default_factory=default_cache_dir)
    poll_user_agent: str | None = None
    poll_per_host: int = 2
    poll_delay: float = 1.0
    poll_timeout: float = 15.0
    poll_max_bytes: int = 5 * 1024 * 1024
    poll_retries: int = 2
    poll_workers: int = 8
    home_country: str | None = None

    def __post_init__(self) -> None:
        # A password never travels in clear by default (issue #17): unset, the security is
        # STARTTLS as soon as there is a password to protect.
        if self.smtp_security is None:
            object.__setattr__(self, "smtp_security", "starttls" if self.smtp_password else "none")

    def effective_today(self) -> dt.date:
        """The date everything acts on: the fixed one, else the real date."""
        return _clock_today(self.today)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):")  # two letters or more: `C:` is a Windows drive


def normalize_db_url(value: str) -> str:
    """The database URL `value` names, spelled as SQLAlchemy reads it (issue #14).

    A plain file path is an SQLite file (`~/desk.db`); an SQLite path inside a URL is made
    absolute (`sqlite:///x.db` is relative to the working folder, easy to misread);
    `postgres://` and `postgresql://` mean PostgreSQL through psycopg. Anything else is
    returned as given: `make_engine` refuses what it cannot read, with a hint.
    """
    text = value.strip()
    scheme, sep, rest = text.partition("://")
    if not sep:
        if _looks_like_a_path(text):
            return f"sqlite:///{Path(text).expanduser().resolve()}"
        return text  # make_engine refuses it with a hint showing both forms
    dialect, _plus, driver = scheme.partition("+")
    if dialect.lower() in {"postgres", "postgresql"}:
        return f"postgresql+{driver or 'psycopg'}://{rest}"
    if dialect.lower() == "sqlite" and rest.startswith("/"):
        path, query_sep, query = rest[1:].partition("?")
        # `:memory:` and `file:` URIs (uri=true) name no plain file.
        if path and path != ":memory:" and "uri=true" not in query:
            return f"{scheme}:///{Path(path).expanduser().resolve()}{query_sep}{query}"
    return text


def _looks_like_a_path(text: str) -> bool:
    """A file path rather than a mistyped URL: a database suffix, a folder or a home prefix, no scheme."""
    if not text or _SCHEME.match(text):
        return False
    return Path(text).suffix.lower() in {".db", ".sqlite", ".sqlite3"} or "/" in text or text.startswith("~")


# A setting's value once read: SETTINGS_SPEC gives each setting one of these types.
_Value = str | int | float


def _coerce(setting: Setting, value: object, origin: str) -> _Value | None:
    if value is None:
        return None
    try:
        if setting.type_ in (int, float):
            if not isinstance(value, _Value):  # e.g. a TOML list or table
                raise TypeError(f"not a number: {value!r}")
            return int(value) if setting.type_ is int else float(value)
        if setting.name == "db_url":
            return normalize_db_url(str(value))
        return str(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(
            f"{setting.name} from {origin} must be {setting.type_.__name__}, got {value!r}"
        ) from err


def _read_file(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"cannot read settings file {path}: {err}") from err


@dataclass(frozen=True)
class SettingValue:
    """One effective setting and where it came from: option, environment variable, settings file or default."""

    name: str
    value: object
    origin: str
    secret: bool = False

    @property
    def shown(self) -> object:
        """The value fit for printing: secrets masked, a URL keeps all but its password."""
        if self.value is None or not self.secret:
            return self.value
        if self.name == "db_url":
            return mask_url_password(str(self.value))
        return mask_secret(self.value)


def mask_secret(value: object) -> str | None:
    return None if value is None else "********"


# Query parameters whose value is a secret (issue #7: libpq also takes the password as one, and a key file).
_SECRET_WORDS = ("password", "secret", "token", "key")
_SECRET_QUERY = re.compile(rf"([?&][^=&#]*(?:{'|'.join(_SECRET_WORDS)})[^=&#]*=)[^&#]*", re.IGNORECASE)
# scheme:[//]user:password@ -- the password may hold an "@": the last one before the path ends it.
_USER_PASSWORD = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:/*[^:/?#@]*):[^/?#]*@")


def mask_url_password(url: str) -> str:
    """`url` with the password of its user part and of secret query parameters (?password=) replaced by ***.

    Plain text work, no URL parser, so that reading settings loads no database code. Text that
    is no URL at all is returned unchanged: do not echo it (storage/db.py does not).
    """
    return _USER_PASSWORD.sub(r"\1:***@", _SECRET_QUERY.sub(r"\1***", url))


def _resolve(
    options: Mapping[str, object] | None, environ: Mapping[str, str] | None, path: Path | None
) -> tuple[dict[str, _Value | None], dict[str, str]]:
    """Raw values and their origins, by precedence."""
    environ = os.environ if environ is None else environ
    options = options or {}
    file = path or config_path(environ)
    file_values = _read_file(file)
    unknown = set(file_values) - {s.name for s in SETTINGS_SPEC}
    if unknown:
        raise ConfigError(f"unknown setting(s) in settings file {file}: {', '.join(sorted(unknown))}")
    values: dict[str, _Value | None] = {}
    origins: dict[str, str] = {}
    for setting in SETTINGS_SPEC:
        if options.get(setting.name) is not None:
            values[setting.name] = _coerce(setting, options[setting.name], "the command line")
            origins[setting.name] = "option"
        elif environ.get(setting.env):
            values[setting.name] = _coerce(setting, environ[setting.env], setting.env)
            origins[setting.name] = f"env {setting.env}"
        elif setting.name in file_values:
            values[setting.name] = _coerce(setting, file_values[setting.name], f"settings file {file}")
            origins[setting.name] = f"file {file}"
        else:
            origins[setting.name] = "default"
    return values, origins


def _validate(values: dict[str, _Value | None]) -> None:
    if values.get("smtp_security") not in {None, "none", "starttls", "tls"}:
        raise ConfigError("smtp_security must be none, starttls or tls")
    # The settings below are numbers: _coerce made them int or float.
    for name, largest in (("due_soon_days", MAX_DAYS), ("stale_months", MAX_MONTHS)):
        value = values.get(name)
        if value is not None and int(value) < 0:
            raise ConfigError(f"{name} must be 0 or more, got {value}")
        if value is not None and int(value) > largest:  # tracker.limits
            raise ConfigError(f"{name} must be at most {largest}, got {value}")
    for name in ("poll_per_host", "poll_workers", "poll_max_bytes", "poll_timeout"):
        value = values.get(name)
        if value is not None and float(value) <= 0:
            raise ConfigError(f"{name} must be more than 0, got {value}")
    for name in ("poll_delay", "poll_retries"):
        value = values.get(name)
        if value is not None and float(value) < 0:
            raise ConfigError(f"{name} must be 0 or more, got {value}")
    port = values.get("smtp_port")
    if port is not None and not 0 < int(port) < 65536:
        raise ConfigError(f"smtp_port must be 1..65535, got {port}")


def resolve_settings(
    options: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> Settings:
    """Merge options, environment, settings file and defaults into one Settings."""
    values, _origins = _resolve(options, environ, path)
    if values.get("db_url") is None:
        values.pop("db_url", None)
    today = values.pop("today", None)
    fixed_today = _clock_today(str(today)) if today is not None else None
    _validate(values)
    known = {f.name for f in fields(Settings)}
    # Each value has its field's type (SETTINGS_SPEC and _coerce see to it), a pairing mypy cannot follow
    # through a dict keyed by name.
    chosen: dict[str, Any] = {k: v for k, v in values.items() if k in known and v is not None}
    if fixed_today is not None:
        chosen["today"] = fixed_today
    return Settings(**chosen)


def explain_settings(
    options: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> list[SettingValue]:
    """Every setting of SETTINGS_SPEC with its effective value and origin (for `tracker config show`)."""
    settings = resolve_settings(options, environ, path)
    _values, origins = _resolve(options, environ, path)
    return [
        SettingValue(spec.name, getattr(settings, spec.name, None), origins[spec.name], spec.secret)
        for spec in SETTINGS_SPEC
    ]
