"""The tracker's error family: each class carries the exit status the CLI uses.

The CLI catches TrackerError in one place, prints `tracker: <message>` on stderr
and exits with `exit_code` (see STYLE.md section 4 for the table).
"""

__all__ = [
    "TrackerError",
    "InputError",
    "FetchError",
    "ExtractionError",
    "NotFoundError",
    "ConflictError",
    "StorageError",
    "ConfigError",
    "MailError",
    "SyncServerError",
    "EXIT_CODES",
    "exit_codes_text",
]


class TrackerError(Exception):
    """Any failure the user can act on; the message says what to do next."""

    exit_code = 7
    meaning = "any other failure the message explains"


class InputError(TrackerError):
    """Raised for unreadable or unusable input: a missing file, bytes that are not text, a bad date."""

    exit_code = 2
    meaning = "bad input: an unreadable or unusable file, a bad option or argument"


class FetchError(InputError):
    """Raised when a watched URL cannot be read: network error, timeout, HTTP error, robots.txt, size cap, not a feed.

    `tracker sources poll` records its message as the failing source's reason and goes on
    with the other sources; the poll then exits 1 (see tracker.services.watch).
    """


class ExtractionError(InputError):
    """Raised when the extractor fails on one text (a bug in the tracker, not in the text).

    The document is not stored, so that a later version of the tracker reads it when it is ingested
    again; `tracker ingest` names it and goes on with the others (exit 1), as for a file it cannot read.
    """


class NotFoundError(TrackerError):
    """Raised when a meeting, item, feed or document named by the user does not exist."""

    exit_code = 3
    meaning = "not found: no meeting, item, feed, link or document with that id"


class ConflictError(TrackerError):
    """Raised when a status rule or a uniqueness constraint refuses a change."""

    exit_code = 4
    meaning = "refused: a status rule or a uniqueness check (e.g. done after cancelled)"


class StorageError(TrackerError):
    """Raised when the database is unreachable, unwritable or not at the expected schema."""

    exit_code = 5
    meaning = "database problem: missing, unreachable, unusable or at an unknown revision"


class ConfigError(TrackerError):
    """Raised for an unreadable settings file or an invalid setting."""

    exit_code = 6
    meaning = "settings problem: an unreadable settings file, an invalid setting or SMTP login"


class MailError(TrackerError):
    """Raised when the SMTP server cannot be reached or refuses the message."""

    exit_code = 7
    meaning = "mail not sent (the SMTP server is unreachable or refuses it), or another failure the message explains"


_CHECK = (
    "a check found what it reports (remind --fail-on-overdue), ingest read only some of its inputs, "
    "a polled source failed, or a CalDAV server failed a sync"
)
# Every exit status of the CLI, in order: README and `tracker --help` show this table (issue #14).
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (0, "success"),
    (1, _CHECK),
    *(
        (cls.exit_code, cls.meaning)
        for cls in (InputError, NotFoundError, ConflictError, StorageError, ConfigError, MailError)
    ),
)


def exit_codes_text() -> str:
    """The exit codes as one line per code, "N  meaning"."""
    return "\n".join(f"{code}  {meaning}" for code, meaning in EXIT_CODES)


class SyncServerError(TrackerError):
    """Raised when a CalDAV server cannot be reached or refuses a sync; nothing of that account is saved.

    Exit 1, as a check that found a problem: `tracker sync` runs from cron, goes on
    with the other accounts, and names each server that failed.
    """

    exit_code = 1
