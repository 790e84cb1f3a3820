"""The small desk the calendar tests export: a meeting, a dated item and an open-ended one, added by the CLI."""

from __future__ import annotations

import json

ADDED_ON = "2016-10-07"


def _added(cli, *args: str) -> dict:
    return json.loads(cli(*args, "--json", today=ADDED_ON).stdout)


def add_meeting(cli, *, start: str = "2016-10-06", time: str | None = None) -> dict:
    """Consultations in Belgrade (BY, RS); with `time`, at that hour in Europe/Belgrade."""
    timed = ("--time", time, "--timezone", "Europe/Belgrade") if time else ()
    return _added(
        cli, "meetings", "add", "--start", start, *timed, "--kind", "consultations", "--city", "Belgrade",
        "--party", "BY,RS",
    )  # fmt: skip


def add_item(cli, title: str = "Next round, in Minsk; political consultations") -> dict:
    """The next round in Minsk, due in 2017 (BY, RS)."""
    return _added(
        cli, "items", "add", title, "--kind", "consultations", "--start", "2017-01-01", "--end", "2017-12-31",
        "--city", "Minsk", "--party", "BY,RS",
    )  # fmt: skip


def add_open_ended(cli) -> dict:
    """A visit with no date (BY)."""
    return _added(cli, "items", "add", "Visit at a convenient time", "--kind", "visit", "--party", "BY")
