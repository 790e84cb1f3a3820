"""Start-up: each command imports its own module only, and help imports none (issues #14, #16).

Cron jobs and scripts that call the tool in a loop pay the imports on every call; these tests
pin which modules each command loads, in a process of its own as a user runs it: a child forked
from a process that has done only the import every `tracker` process starts with (tests/cli/zygote.py;
two tests check it against fresh interpreters).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from tracker.cli import COMMANDS, app, load_commands

SEED = Path(__file__).resolve().parents[2] / "seeds"
ZYGOTE = Path(__file__).with_name("zygote.py")
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


class _Run(NamedTuple):
    exit_status: int
    stdout: str
    stderr: str
    modules: frozenset[str]  # loaded by the end of the command


def _fresh(args: list[str], env: dict) -> _Run:
    """`tracker args` run through tracker.cli.main in a fresh interpreter."""
    code = (
        "import sys; from tracker.cli import main; sys.argv = ['tracker', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exit_:\n    code = exit_.code\nelse:\n    code = 0\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\nsys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    *stderr, modules = done.stderr.splitlines(keepends=True)
    return _Run(done.returncode, done.stdout, "".join(stderr), frozenset(modules.split()))


class _Zygote:
    """tests/cli/zygote.py: one process that has imported tracker.cli, forking a child per command run.

    A fresh interpreter per run spent most of this module's time starting Python and importing Typer
    (some 80 runs); a forked child starts where a fresh process is after `from tracker.cli import main`.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.process = subprocess.Popen(
            [sys.executable, str(ZYGOTE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.preloaded = frozenset(self._read()["modules"])
        self.runs = 0

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        assert line, f"the zygote ended (exit status {self.process.wait()})"
        return json.loads(line)

    def run(self, args: list[str], env: dict) -> _Run:
        """`tracker args` with exactly the environment `env`, in a child forked for it."""
        self.runs += 1
        folder = self.folder / f"run-{self.runs}"
        folder.mkdir()
        request = {"args": [str(arg) for arg in args], "env": env, "folder": str(folder), "timeout_s": 120}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        exit_status = self._read()["exit_status"]
        stderr = (folder / "stderr").read_text()
        modules = folder / "modules.json"
        assert modules.exists(), f"tracker {' '.join(args)} crashed (exit status {exit_status}): {stderr}"
        return _Run(
            exit_status, (folder / "stdout").read_text(), stderr, frozenset(json.loads(modules.read_text()))
        )

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def zygote(tmp_path_factory):
    forks = _Zygote(tmp_path_factory.mktemp("zygote"))
    yield forks
    forks.close()


@pytest.fixture(scope="module")
def small_db(tmp_path_factory, zygote):
    """An environment whose database holds the seeds (one meeting, one item)."""
    folder = tmp_path_factory.mktemp("startup")
    env = {
        **os.environ,
        "TRACKER_CONFIG": os.devnull,
        "TRACKER_DB_URL": f"sqlite:///{folder / 'small.db'}",
        "TRACKER_CACHE_DIR": str(folder / "cache"),
        "TRACKER_TODAY": "2017-06-01",
    }
    ingested = zygote.run(["ingest", str(SEED)], env)
    assert ingested.exit_status == 0, ingested.stderr
    return env


def test_the_zygote_has_loaded_only_what_help_loads(zygote, small_db):
    assert "tracker.cli.app" in zygote.preloaded
    assert zygote.preloaded <= _fresh(["--help"], small_db).modules


@pytest.mark.parametrize("args", [["--help"], ["items", "list"]], ids=" ".join)
def test_a_forked_run_is_what_a_fresh_process_does(args, zygote, small_db):
    assert zygote.run(args, small_db) == _fresh(args, small_db)


@pytest.mark.parametrize("args", [["--help"], ["--version"], []], ids=" ".join)
def test_help_and_version_load_no_command_and_neither_sqlalchemy_nor_rich(args, zygote, small_db):
    loaded = zygote.run(args, small_db).modules
    assert "tracker.cli.app" in loaded
    assert not loaded & COMMAND_MODULES
    assert not {m for m in loaded if m.split(".")[0] in ("sqlalchemy", "rich", "pydantic")}
    assert not {m for m in loaded if m.startswith((*HEAVY, "tracker.config", "tomllib"))}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_loads_its_own_module_and_no_other(name, zygote, small_db):
    loaded = zygote.run([name, "--help"], small_db).modules
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
    (["remind"], (*UNUSED, *ORM)),
    (["remind", "--json"], (*UNUSED, *ORM)),
    (["cadence"], (*UNUSED, "tracker.storage.models", "jinja2")),
    (
        ["report", "weekly", "--format", "json", "-o", "{tmp}/week.json"],
        (*ORM, "tracker.extraction", "tracker.temporal", "tracker.exporters.ics", "pydantic", "jinja2"),
    ),
    (
        ["report", "compliance"],
        (*ORM, "tracker.extraction", "tracker.temporal", "tracker.exporters.ics", "pydantic", "jinja2"),
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
def test_a_command_loads_nothing_it_does_not_use(args, absent, zygote, small_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copyfile(small_db["TRACKER_DB_URL"].removeprefix("sqlite:///"), db)
    env = {**small_db, "TRACKER_DB_URL": f"sqlite:///{db}"}
    loaded = zygote.run([arg.format(tmp=tmp_path) for arg in args], env).modules
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


def test_help_still_lists_every_visible_command(zygote):
    result = zygote.run(["--help"], {**os.environ, "COLUMNS": "200"})
    assert result.exit_status == 0
    section = result.stdout.split("\nCommands:\n")[1].split("\n\n")[0]
    listed = {line.split()[0] for line in section.splitlines() if not line.startswith("   ")}
    assert listed == {name for name, entry in COMMANDS.items() if not entry.hidden}


def test_a_mistyped_command_gets_the_nearest_name(zygote):
    result = zygote.run(["itmes"], dict(os.environ))
    assert result.exit_status == 2
    assert result.stderr.splitlines()[-1] == "Error: No such command 'itmes'. Did you mean 'items'?"


def test_extract_in_a_fresh_process_caches_the_gazetteer_where_configured(zygote, tmp_path):
    env = {**os.environ, "TRACKER_CACHE_DIR": str(tmp_path / "cache"), "TRACKER_DB_URL": "sqlite://"}
    loaded = zygote.run(["extract", str(next(SEED.glob("*.txt")))], env).modules
    assert "tracker.gazetteer" in loaded
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".json"]


def test_shell_completion_works_with_commands_loaded_lazily(zygote):
    def complete(words: str, index: int) -> tuple[list[str], frozenset[str]]:
        env = {
            **os.environ,
            "_TRACKER_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(index),
        }
        done = zygote.run([], env)
        return done.stdout.split(), done.modules

    names, loaded = complete("tracker re", 1)
    assert names == ["review", "remind", "report"] and not loaded & COMMAND_MODULES
    names, loaded = complete("tracker items l", 2)
    assert names == ["list"] and loaded & COMMAND_MODULES == {"tracker.cli.items"}
    assert complete("tracker items list --pa", 3)[0] == ["--party"]
