"""Names vulture reports as unused that are reached by name from outside Python's view.

Read by `vulture` (paths in pyproject.toml), never imported. Each entry says who uses it; add one only
with such a reason, and remove code instead when nothing does.
"""

# Read by the Jinja report templates (tracker/exporters/templates/weekly.*.j2).
_.due_until
_.clipped_left
_.clipped_right
_.axis_y
_.today_label
_.row_height

# Called by libraries that subclasses plug into: waitress (handle_accept), the standard library's
# http.server (do_GET, log_message, daemon_threads, protocol_version), html.parser (handle_*),
# aiosmtpd (handle_DATA), robotparser's flags and the sqlite3 connection's isolation_level.
_.handle_accept
_.do_GET
_.log_message
_.daemon_threads
_.protocol_version
_.handle_starttag
_.handle_endtag
_.handle_data
_.handle_DATA
_.disallow_all
_.allow_all
_.isolation_level

# Parameters a protocol fixes: __exit__(exc_type, exc, tb), aiosmtpd's auth callback.
exc
exc_info
mechanism

# pytest reads these by name: hooks and module marks.
pytest_report_header
pytest_collection_modifyitems
pytest_addoption
pytestmark

# Fixtures a test requests for their effect (a pinned clock, a umask), not their value.
real_now
ticking_clock
usual_umask
no_trafilatura

# Click and Typer call these on the command classes tracker/cli/app.py plugs in (help epilog, value
# labels, value conversion); assigning __class__ turns Typer's parameter into the labelled one.
_.format_epilog
_.display_type_rich
_.coerce
_.__class__

# waitress builds its tasks from the channel's task_class (tracker/server/connections.py).
_.task_class

# Radicale calls has_uid on its storage plugin (bench/_radicale_uid_index.py).
_.has_uid

# Module __getattr__ (PEP 562): Python calls it for tracker.temporal's names loaded on first use.
__getattr__

# The interpreter reads these sys flags on every import (tests/bytecode_cache.py sets them).
_.pycache_prefix
_.dont_write_bytecode

# typer.testing.CliRunner.invoke calls its module's _get_command; tests/conftest.py caches it.
_._get_command
