"""`tracker cadence` (filled in by its issue)."""

from tracker.cli.app import app  # noqa: F401
