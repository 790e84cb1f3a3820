"""The one set of limits: the dates and sizes the tracker accepts, declared once (issue #17).

Every entry point reads them: the CLI's dates, windows and durations, the
settings, the services that store what a user typed, `load` of a dump, and
the column sizes of the schema (`tracker.storage.models`). A value within
them is stored the same on SQLite and PostgreSQL and exports to iCalendar
(whose DTEND is the day after the last one); a value beyond them is refused
with an InputError (exit 2) where it enters. Pure: imports only the errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tracker.errors import InputError

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_DAYS",
    "MAX_MONTHS",
    "MAX_ID",
    "MAX_DOCUMENT_BYTES",
    "FETCH_DEADLINE_SECONDS",
    "MAX_HTML_TAGS",
    "SERVER_MAX_CONNECTIONS",
    "SERVER_MAX_CONNECTIONS_PER_CLIENT",
    "SERVER_IDLE_SECONDS",
    "CODE_CHARS",
    "KIND_CHARS",
    "LABEL_CHARS",
    "ZONE_CHARS",
    "TITLE_CHARS",
    "NAME_CHARS",
    "SOURCE_CHARS",
    "UID_CHARS",
    "FIELD_CHARS",
    "DATE_FIELDS",
    "check_date",
    "check_days",
    "check_text",
    "check_fields",
]

# Dates: meetings, windows, --today, --published. Wide enough for any archive and plan,
# far enough from date.min/date.max that a window end + 1 day (DTEND) or today + a
# horizon never overflows.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)
# Durations in days (--within, --alarm, due_soon_days): no span longer than the date range.
MAX_DAYS = (LATEST_DATE - EARLIEST_DATE).days
MAX_MONTHS = 12 * (LATEST_DATE.year - EARLIEST_DATE.year + 1)  # stale_months

# Ids of meetings, items, links: the schema's INTEGER (PostgreSQL's is 32-bit). A larger id
# names nothing, and must say so (exit 3) instead of overflowing the driver.
MAX_ID = 2**31 - 1

# A document read from a file or fetched from a URL, in bytes (a dump being loaded is not a
# document and has no such cap), and the longest a fetch may take in all, in seconds.
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
FETCH_DEADLINE_SECONDS = 60.0
# Tags of an HTML page. The HTML reader's time grows faster than the number of tags (measured
# on the shared 2-core test machine: 20,000 tags 7 s, 100,000 tags 213 s); a press release page
# has a few thousand. Beyond this a page is read by libxml2 alone, in time linear in its size.
MAX_HTML_TAGS = 50_000

# The feed server (`tracker serve`): open connections in all and from one address, and how
# long a connection may sit idle before it is closed (waitress's default is 120 s, so ~100 idle
# connections used to stop it answering even /healthz).
SERVER_MAX_CONNECTIONS = 100
SERVER_MAX_CONNECTIONS_PER_CLIENT = 20
SERVER_IDLE_SECONDS = 30

# Text sizes in characters; the schema's String(n) columns use the same numbers.
CODE_CHARS = 10  # a country or party code: ISO 3166 or an organisation (OSCE, ASEAN)
KIND_CHARS = 20  # kind, firmness, precision, status, review, link state
LABEL_CHARS = 200  # a city; a feed's name and filters
ZONE_CHARS = 64  # an IANA time zone
TITLE_CHARS = 500  # a title, a window as written
NAME_CHARS = 300  # a participant's name or role
SOURCE_CHARS = 2000  # a document's path or URL
UID_CHARS = 200

# Fields of meetings and items a user sets, with their size.
FIELD_CHARS = {
    "title": TITLE_CHARS,
    "city": LABEL_CHARS,
    "country": CODE_CHARS,
    "timezone": ZONE_CHARS,
    "window_text": TITLE_CHARS,
    "parties": CODE_CHARS,
}
DATE_FIELDS = {"start_date", "end_date", "window_start", "window_end", "made_on", "fulfilled_on"}


def check_date(value: dt.date, what: str = "date") -> dt.date:
    """`value` when it lies within EARLIEST_DATE..LATEST_DATE (inclusive); InputError otherwise."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise InputError(
            f"{what} {value.isoformat()} is out of range; use a date from "
            f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
        )
    return value


def check_days(days: int | float, what: str) -> None:
    """Refuse a duration of more than MAX_DAYS days (or a negative one)."""
    if not 0 <= days <= MAX_DAYS:
        raise InputError(f"{what} is out of range; use at most {MAX_DAYS} days")


def check_text(value: str | None, limit: int, what: str) -> str | None:
    """`value` when it has at most `limit` characters; InputError otherwise."""
    if value is not None and len(value) > limit:
        raise InputError(f"{what} is {len(value)} characters long; at most {limit} fit")
    return value


def check_fields(changes: dict[str, object], *, entity: str = "") -> None:
    """Check the user-set fields in `changes` (attribute -> value) against FIELD_CHARS and the date range."""
    prefix = f"{entity} " if entity else ""
    for name, value in changes.items():
        if value is None:
            continue
        if name in DATE_FIELDS and isinstance(value, dt.date):
            check_date(value, f"{prefix}{name.replace('_', ' ')}")
        elif name == "parties" and isinstance(value, Iterable):
            for code in value:
                check_text(code, CODE_CHARS, f"party code {code!r}")
        elif name in FIELD_CHARS and isinstance(value, str):
            check_text(value, FIELD_CHARS[name], f"{prefix}{name.replace('_', ' ')}")
