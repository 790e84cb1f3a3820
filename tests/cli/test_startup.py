"""Start-up: each command imports its own module only, and help imports none (issues #14, #16).

Cron jobs and scripts that call the tool in a loop pay the imports on every call; these tests
pin which modules each command loads, in a fresh interpreter as a user runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import COMMANDS, app, load_commands

SEED = Path(__file__).resolve().parents[2] / "seeds"
COMMAND_MODULES = {f"tracker.cli.{entry.module}" for entry in COMMANDS.values()}
# Loaded by the command that needs them, never by help or by a command that does not.
HEAVY = ("sqlalchemy", "tracker.gazetteer", "tracker.extraction", "tracker.temporal", "rich")


def _registered() -> dict[str, object]:
    """Each top-level command name -> its click command, as Typer builds them from `app`."""
    from typer.main import get_command

    load_commands()
    return dict(get_command(app).commands)


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
    assert registered == {name: f"tracker.cli.{entry.module}" for name, entry in COMMANDS.items()}


def test_the_help_lists_each_command_with_its_own_first_line():
    # `tracker --help` reads the summaries from the registry so as to import no command module.
    commands = _registered()
    assert {name: (entry.summary, entry.hidden) for name, entry in COMMANDS.items()} == {
        name: (command.get_short_help_str(), command.hidden) for name, command in commands.items()
    }


def _loaded(args: list[str], env: dict) -> set[str]:
    """The modules `tracker args` loaded, run through tracker.cli.main in a fresh interpreter."""
    code = (
        "import sys; from tracker.cli import main; sys.argv = ['tracker', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    return set(result.stderr.splitlines()[-1].split())


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """An environment whose database holds the seeds (one meeting, one item)."""
    folder = tmp_path_factory.mktemp("startup")
    env = {
        **os.environ,
        "TRACKER_CONFIG": os.devnull,
        "TRACKER_DB_URL": f"sqlite:///{folder / 'small.db'}",
        "TRACKER_CACHE_DIR": str(folder / "cache"),
        "TRACKER_TODAY": "2017-06-01",
    }
    subprocess.run([sys.executable, "-m", "tracker", "ingest", str(SEED)], env=env, check=True, timeout=300)
    return env


@pytest.mark.parametrize("args", [["--help"], ["--version"], []], ids=" ".join)
def test_help_and_version_load_no_command_and_neither_sqlalchemy_nor_rich(args, small_db):
    loaded = _loaded(args, small_db)
    assert "tracker.cli.app" in loaded
    assert not loaded & COMMAND_MODULES
    assert not {m for m in loaded if m.split(".")[0] in ("sqlalchemy", "rich", "pydantic")}
    assert not {m for m in loaded if m.startswith((*HEAVY, "tracker.config", "tomllib"))}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_loads_its_own_module_and_no_other(name, small_db):
    loaded = _loaded([name, "--help"], small_db)
    assert loaded & COMMAND_MODULES == {f"tracker.cli.{COMMANDS[name].module}"} | (
        # remind prints items as `items list` does, and review shows them as `items show` does
        {"tracker.cli.items"} if name in ("remind", "review") else set()
    )


# What each command, run for real on a copy of a small database, may not load: what it does not use.
# Every command and subcommand has a row (test_every_command_has_a_row_in_the_table); `serve`, which
# runs until stopped, is checked through its help. Pydantic (Typer's reader of option values) is
# read around in tracker/speed/typer_values.py; Rich is never loaded for help (tracker/cli/app.py).
# The ORM (`sqlalchemy.orm`, the mapped classes of `tracker.storage.models`) is loaded by the
# commands that change rows through it, never by those that read with Core (issue #16).
ORM = ("sqlalchemy.orm", "tracker.storage.models")
UNUSED = ("tracker.extraction", "tracker.temporal", "tracker.gazetteer", "tracker.exporters.ics", "pydantic")
NO_DATABASE = ("sqlalchemy", "tracker.storage", "tracker.services", "pydantic")
CALENDARS = ("tracker.extraction", "tracker.temporal", "tracker.gazetteer", "jinja2", "pydantic")
ITEM = str(next(SEED.glob("*.txt")))
NOT_LOADED = [
    (["ingest", str(SEED)], ("tracker.exporters.ics", "jinja2", "httpx", "pydantic")),
    (["extract", ITEM], ("tracker.exporters.ics", "jinja2", "httpx", "pydantic")),
    (
        ["sources", "list"],
        ("tracker.extraction", "tracker.temporal", "tracker.exporters.ics", "jinja2", "pydantic"),
    ),
    (["sources", "add", "https://mfa.example/rss.xml", "--name", "mfa"], ("tracker.extraction", "pydantic")),
    (["sources", "show", "mfa"], ("tracker.extraction", "tracker.temporal", "pydantic")),
    (["sources", "remove", "mfa"], ("tracker.extraction", "tracker.temporal", "pydantic")),
    (["sources", "poll"], ("tracker.exporters.ics", "jinja2", "pydantic")),
    (["review", "list"], (*UNUSED, "jinja2")),
    (["review", "confirm", "1"], (*UNUSED, "jinja2")),
    (["review", "reject", "1"], (*UNUSED, "jinja2")),
    (["review", "confirm-link", "1"], (*UNUSED, "jinja2")),
    (["review", "reject-link", "1"], (*UNUSED, "jinja2")),
    (["items", "list"], (*UNUSED, *ORM, "tracker.services")),
    (["items", "list", "--json"], (*UNUSED, *ORM, "tracker.services")),
    (
        ["items", "list", "--party", "BY", "--overdue"],
        (*UNUSED[:2], "tracker.exporters.ics", "pydantic", *ORM),
    ),
    (["items", "show", "1"], (*UNUSED, *ORM, "tracker.services")),
    # No stored meeting can fulfil it (none since the day it is made): no matching, no ORM.
    (["items", "add", "Visit", "--kind", "visit", "--start", "2018-01-01"], (*UNUSED, *ORM)),
    (
        ["items", "add", "Visit", "--kind", "visit", "--due", "in 2018", "--party", "HU"],
        ("tracker.extraction", "pydantic", *ORM),
    ),
    (["items", "edit", "1", "--city", "Minsk"], (*UNUSED, "jinja2")),
    (["items", "done", "1"], (*UNUSED, "jinja2")),
    (["items", "cancel", "1"], (*UNUSED, "jinja2")),
    (["items", "reschedule", "1", "--start", "2018-01-01", "--end", "2018-03-31"], (*UNUSED, "jinja2")),
    (["meetings", "list"], (*UNUSED, *ORM, "tracker.services", "jinja2")),
    (["meetings", "show", "1"], (*UNUSED, *ORM, "tracker.services", "jinja2")),
    (
        ["meetings", "add", "--kind", "visit", "--start", "2018-01-01", "--party", "HU"],
        ("tracker.extraction", "pydantic"),
    ),
    (["meetings", "edit", "1", "--title", "Consultations"], (*UNUSED, "jinja2")),
    (
        ["documents", "list"],
        ("tracker.extraction", "tracker.services", "tracker.exporters", "jinja2", "pydantic"),
    ),
    (
        ["documents", "show", "1"],
        ("tracker.extraction", "tracker.services", "tracker.exporters", "jinja2", "pydantic"),
    ),
    (["search", "Minsk"], ("tracker.extraction", "tracker.temporal", "tracker.services", "pydantic")),
    (["remind"], UNUSED),
    (["remind", "--json"], UNUSED),
    (["cadence"], (*UNUSED, "tracker.storage.models", "jinja2")),
    (
        ["report", "weekly", "--format", "json", "-o", "{tmp}/week.json"],
        (*ORM, "tracker.extraction", "tracker.temporal", "tracker.exporters.ics", "pydantic"),
    ),
    (
        ["report", "compliance"],
        (*ORM, "tracker.extraction", "tracker.temporal", "tracker.exporters.ics", "pydantic"),
    ),
    (["export", "ics", "-o", "{tmp}/out.ics"], ("tracker.extraction", "tracker.temporal", "jinja2")),
    (["export", "vdir", "{tmp}/vdir"], ("tracker.extraction", "tracker.temporal", "jinja2")),
    (["calendars", "add", "desk"], CALENDARS),
    (["calendars", "list"], CALENDARS),
    (["calendars", "rotate", "desk"], CALENDARS),
    (["calendars", "revoke", "desk"], CALENDARS),
    (["serve", "--help"], NO_DATABASE),
    (["caldav", "add", "desk", "https://dav.example/cal/", "--password-env", "DESK_PW"], CALENDARS),
    (["caldav", "list"], CALENDARS),
    (["caldav", "remove", "desk"], CALENDARS),
    (["sync"], CALENDARS),
    (["config", "show"], NO_DATABASE),
    (["config", "path"], NO_DATABASE),
    (["db", "current"], (*ORM, "tracker.services", "pydantic")),
    (["db", "upgrade"], ("tracker.services", "tracker.extraction", "pydantic")),
    (["dump", "-o", "{tmp}/dump.json"], (*ORM, "tracker.extraction", "tracker.temporal", "pydantic")),
    (["load", "{tmp}/dump.json"], (*ORM, "tracker.extraction", "tracker.temporal", "pydantic")),
]


def _test_id(args: list[str]) -> str:
    return " ".join(arg for arg in args if not arg.startswith(("/", "{", "http")))


@pytest.mark.parametrize("args, absent", NOT_LOADED, ids=[_test_id(args) for args, _ in NOT_LOADED])
def test_a_command_loads_nothing_it_does_not_use(args, absent, small_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copyfile(small_db["TRACKER_DB_URL"].removeprefix("sqlite:///"), db)
    env = {**small_db, "TRACKER_DB_URL": f"sqlite:///{db}"}
    loaded = _loaded([arg.format(tmp=tmp_path) for arg in args], env)
    assert f"tracker.cli.{COMMANDS[args[0]].module}" in loaded
    assert not {m for m in loaded if m.startswith(absent)}
    assert not {m for m in loaded if m.split(".")[0] == "rich"} or args[0] == "sources"


def test_every_command_has_a_row_in_the_table():
    commands = _registered()
    expected: set[tuple[str, ...]] = set()
    for name, command in commands.items():
        if COMMANDS[name].hidden:  # an old name of another command (`feeds` for `calendars`): the same module
            continue
        subcommands = getattr(command, "commands", None)
        expected |= {(name, sub) for sub in subcommands} if subcommands else {(name,)}
    listed = {tuple(args[: 2 if hasattr(commands[args[0]], "commands") else 1]) for args, _ in NOT_LOADED}
    assert listed == expected


@pytest.mark.parametrize(
    "args, message",
    [
        (["items", "show", "one"], "Invalid value for 'ITEM_ID': 'one' is not a whole number."),
        (["search", "Minsk", "--limit", "0"], "Invalid value for '--limit': 0 is below 1."),
        (["serve", "--threads", "65"], "Invalid value for '--threads': 65 is above 64."),
    ],
)
def test_values_read_without_pydantic_are_still_checked(args, message):
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["--db", "sqlite://", *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"


def test_values_read_without_pydantic_arrive_as_typed(cli, seed_path):
    cli("ingest", seed_path)
    shown = cli("items", "show", " 1 ", "--json")  # a number with spaces around it, as a script may pass it
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == 1
    added = cli(
        "items", "add", "Visit", "--party", "HU", "--party", "Serbia,BY", "--start", "2018-01-01", "--json"
    )
    assert json.loads(added.stdout)["parties"] == ["BY", "HU", "RS"]


def test_help_still_lists_every_visible_command():
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 0
    section = result.stdout.split("\nCommands:\n")[1].split("\n\n")[0]
    listed = {line.split()[0] for line in section.splitlines() if not line.startswith("   ")}
    assert listed == {name for name, entry in COMMANDS.items() if not entry.hidden}


def test_a_mistyped_command_gets_the_nearest_name():
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "itmes"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "Error: No such command 'itmes'. Did you mean 'items'?"


def test_extract_in_a_fresh_process_caches_the_gazetteer_where_configured(tmp_path):
    env = {**os.environ, "TRACKER_CACHE_DIR": str(tmp_path / "cache"), "TRACKER_DB_URL": "sqlite://"}
    loaded = _loaded(["extract", str(next(SEED.glob("*.txt")))], env)
    assert "tracker.gazetteer" in loaded
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".json"]


def test_shell_completion_works_with_commands_loaded_lazily(tmp_path):
    def complete(words: str, index: int) -> tuple[list[str], set[str]]:
        env = {
            **os.environ,
            "_TRACKER_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(index),
        }
        code = (
            "import sys; from tracker.cli import main; sys.argv = ['tracker']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
        )
        return done.stdout.split(), set(done.stderr.splitlines()[-1].split())

    names, loaded = complete("tracker re", 1)
    assert names == ["review", "remind", "report"] and not loaded & COMMAND_MODULES
    names, loaded = complete("tracker items l", 2)
    assert names == ["list"] and loaded & COMMAND_MODULES == {"tracker.cli.items"}
    assert complete("tracker items list --pa", 3)[0] == ["--party"]
