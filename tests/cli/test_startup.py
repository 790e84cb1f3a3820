"""`main` loads only the module of the command it runs (start-up time of cron jobs and scripts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import COMMAND_MODULES, app, called_command, load_commands

SEED = Path(__file__).resolve().parents[2] / "seeds"


def test_every_command_is_found_in_the_module_named_for_it():
    load_commands()
    registered = {
        info.name or info.callback.__name__: info.callback.__module__ for info in app.registered_commands
    }
    registered.update(
        {
            info.name: info.typer_instance.registered_commands[0].callback.__module__
            for info in app.registered_groups
        }
    )
    assert registered == {name: f"tracker.cli.{module}" for name, module in COMMAND_MODULES.items()}


@pytest.mark.parametrize(
    "args, command",
    [
        (["remind", "--json"], "remind"),
        (["--db", "sqlite:///x.db", "--today", "2017-01-01", "items", "list"], "items"),
        (["--today=2017-01-01", "export", "ics"], "export"),
        (["--db", "remind"], None),  # "remind" is the value of --db here
        (["--help"], None),
        ([], None),
        (["no-such-command"], None),
    ],
)
def test_called_command(args, command):
    assert called_command(args) == command


def _run_main(args: list[str], env: dict) -> list[str]:
    """Run tracker.cli.main with `args` in a fresh interpreter; the tracker modules it loaded."""
    code = (
        "import sys; from tracker.cli import main; sys.argv = ['tracker', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('tracker.'))), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    return result.stderr.split()


def test_remind_loads_neither_the_extractor_nor_the_exporters_of_other_commands(tmp_path):
    env = {
        **os.environ,
        "TRACKER_DB_URL": f"sqlite:///{tmp_path / 'empty.db'}",
        "TRACKER_TODAY": "2017-01-01",
    }
    loaded = _run_main(["remind"], env)
    assert "tracker.cli.remind" in loaded
    for heavy in (
        "tracker.extraction",
        "tracker.temporal",
        "tracker.gazetteer",
        "tracker.exporters.ics",
        "tracker.cli.report",
        "tracker.cli.documents",
    ):
        assert heavy not in loaded


def test_help_still_lists_every_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 0
    for name in COMMAND_MODULES:
        assert f" {name} " in result.stdout


def test_extract_in_a_fresh_process_caches_the_gazetteer_where_configured(tmp_path):
    env = {**os.environ, "TRACKER_CACHE_DIR": str(tmp_path / "cache"), "TRACKER_DB_URL": "sqlite://"}
    loaded = _run_main(["extract", str(next(SEED.glob("*.txt")))], env)
    assert "tracker.gazetteer" in loaded
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".json"]
