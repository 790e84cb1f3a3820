"""The tracker's error family: each class carries the exit status the CLI uses.

The CLI catches TrackerError in one place, prints `tracker: <message>` on stderr
and exits with `exit_code` (see STYLE.md section 4 for the table).
"""

__all__ = [
    "TrackerError", "InputError", "NotFoundError", "ConflictError", "StorageError", "ConfigError", "SyncServerError",
]


class TrackerError(Exception):
    """Any failure the user can act on; the message says what to do next."""

    exit_code = 7


class InputError(TrackerError):
    """Raised for unreadable or unusable input: a missing file, bytes that are not text, a bad date."""

    exit_code = 2


class NotFoundError(TrackerError):
    """Raised when a meeting, item, feed or document named by the user does not exist."""

    exit_code = 3


class ConflictError(TrackerError):
    """Raised when a status rule or a uniqueness constraint refuses a change."""

    exit_code = 4


class StorageError(TrackerError):
    """Raised when the database is unreachable, unwritable or not at the expected schema."""

    exit_code = 5


class ConfigError(TrackerError):
    """Raised for an unreadable settings file or an invalid setting."""

    exit_code = 6


class SyncServerError(TrackerError):
    """Raised when a CalDAV server cannot be reached or refuses a sync; nothing of that account is saved.

    Exit 1, as a check that found a problem: `tracker sync` runs from cron, goes on
    with the other accounts, and names each server that failed.
    """

    exit_code = 1
