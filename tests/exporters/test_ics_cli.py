"""`tracker export ics` on every engine: stable UIDs, growing SEQUENCE, filters, atomic writes (issue #5)."""

from __future__ import annotations

import json
import os

import icalendar
import pytest

from exporters.desk_data import add_item, add_meeting
from exporters.ics_checks import assert_strict, read_everywhere
from tracker.cli.export import parse_lead_time
from tracker.cli.files import write_atomically
from tracker.errors import InputError


def _add_data(cli) -> tuple[dict, dict]:
    return add_meeting(cli), add_item(cli)


def _components(data: bytes) -> dict[str, icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(c["UID"]): c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}}


def test_export_to_stdout_is_a_strict_calendar(cli, tmp_path):
    meeting, item = _add_data(cli)
    result = cli("export", "ics", today="2017-06-01")
    assert result.exit_code == 0, result.stderr
    data = result.stdout_bytes
    assert_strict(data)
    readings = read_everywhere(data, tmp_path / "khal")
    assert all(r.events == readings["icalendar"].events for r in readings.values())
    assert len(readings["khal"].events) == 2
    components = _components(data)
    assert set(components) == {meeting["uid"], item["uid"]}
    assert components[item["uid"]]["SUMMARY"] == "Due: Next round, in Minsk; political consultations"
    assert b"SUMMARY:Due: Next round\\, in Minsk\\; political consultations" in data


@pytest.fixture
def ticking_clock(monkeypatch):
    """The real instant (tracker.clock.utc_now) as a clock that moves on an hour at each read.

    Changes are stamped with the real time, never the `--today` date (issue #14), so
    the order of LAST-MODIFIED must not depend on how fast the commands run.
    """
    import datetime as dt

    from tracker import clock

    instants = (dt.datetime(2026, 8, 20, tzinfo=dt.UTC) + dt.timedelta(hours=n) for n in range(10**6))
    monkeypatch.setattr(clock, "utc_now", lambda: next(instants))


def test_uid_stays_and_sequence_grows_after_an_edit(cli, ticking_clock):
    _, item = _add_data(cli)
    before = _components(cli("export", "ics", "--todos", "both", today="2017-06-01").stdout_bytes)
    assert cli("items", "edit", str(item["id"]), "--city", "Vitebsk", today="2017-06-02").exit_code == 0
    after = _components(cli("export", "ics", "--todos", "both", today="2017-06-02").stdout_bytes)
    assert set(before) == set(after), "no UID changes, no duplicates"
    for uid in (item["uid"], f"todo-{item['uid']}"):
        assert before[uid]["SEQUENCE"] == 0 and after[uid]["SEQUENCE"] == 1
        assert after[uid]["LAST-MODIFIED"].dt > before[uid]["LAST-MODIFIED"].dt
        assert after[uid]["DTSTAMP"].dt == after[uid]["LAST-MODIFIED"].dt
        assert after[uid]["LOCATION"] == "Vitebsk"
    assert cli("items", "done", str(item["id"]), today="2017-06-03").exit_code == 0
    done = _components(cli("export", "ics", "--todos", "both", today="2017-06-03").stdout_bytes)
    assert item["uid"] not in done, "a fulfilled item leaves the events"
    assert (
        done[f"todo-{item['uid']}"]["STATUS"] == "COMPLETED" and done[f"todo-{item['uid']}"]["SEQUENCE"] > 1
    )


def test_export_is_byte_identical_when_nothing_changed(cli):
    _add_data(cli)
    first = cli("export", "ics", today="2017-06-01").stdout_bytes
    assert cli("export", "ics", today="2017-06-01").stdout_bytes == first


def test_filters(cli):
    meeting, item = _add_data(cli)
    other = json.loads(
        cli(
            "meetings",
            "add",
            "--start",
            "2017-03-01",
            "--kind",
            "talks",
            "--party",
            "FR,DE",
            "--city",
            "Paris",
            "--json",
        ).stdout
    )
    by = _components(cli("export", "ics", "--party", "by").stdout_bytes)
    assert set(by) == {meeting["uid"], item["uid"]}
    talks = _components(cli("export", "ics", "--kind", "talks").stdout_bytes)
    assert set(talks) == {other["uid"]}
    fulfilled = _components(cli("export", "ics", "--status", "fulfilled", "--todos", "as-todos").stdout_bytes)
    assert set(fulfilled) == {meeting["uid"], other["uid"]}, "meetings have no status and stay"


def test_write_to_file_atomically(cli, tmp_path):
    _add_data(cli)
    target = tmp_path / "public" / "tracker.ics"
    target.parent.mkdir()
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    result = cli("export", "ics", "-o", target, "--alarm", "7d", today="2017-06-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr.startswith(f"wrote {target} (")
    assert_strict(target.read_bytes())
    assert b"TRIGGER:-P7D" in target.read_bytes()
    assert os.stat(target).st_mode & 0o777 == 0o640, "the file keeps its mode"
    assert [p.name for p in target.parent.iterdir()] == ["tracker.ics"], "no temporary file left behind"


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "tracker.ics"
    target.write_bytes(b"old calendar")

    def chunks():
        yield b"BEGIN:VCALENDAR\r\n"
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, chunks())
    assert target.read_bytes() == b"old calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["tracker.ics"]


@pytest.mark.parametrize("command", [("export", "ics"), ("dump",)])
def test_a_pipe_named_as_output_gets_the_whole_output_and_stays_a_pipe(cli, tmp_path, command):
    """`-o /dev/null` as root replaced the device with a file (the temporary file was renamed onto it)."""
    import stat
    import threading

    _add_data(cli)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = cli(*command, "-o", pipe)
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode), "still a pipe, not a file put in its place"
    assert received and received[0].startswith(b"BEGIN:VCALENDAR" if command[0] == "export" else b"{")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe")] == []


def test_new_file_is_readable_by_a_web_server(tmp_path):
    target = tmp_path / "new.ics"
    write_atomically(target, [b"x"])
    assert os.stat(target).st_mode & 0o044, "group/other may read it (0600 from mkstemp would hide it)"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--todos", "sometimes"], "unknown --todos 'sometimes'"),
        (["--alarm", "soon"], "cannot read the lead time 'soon'"),
        (["--status", "late"], "unknown status 'late'"),
        (["--kind", "party"], "unknown kind 'party'"),
    ],
)
def test_bad_options_exit_2_with_one_line(cli, args, message):
    result = cli("export", "ics", *args)
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.startswith(f"tracker: {message}")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "text, hours",
    [
        ("7d", 168),
        ("2w", 336),
        ("12h", 12),
        ("1d12h", 36),
        ("P7D", 168),
        ("PT12H", 12),
        ("P1DT6H", 30),
        ("90m", 1.5),
    ],
)
def test_parse_lead_time(text, hours):
    assert parse_lead_time(text).total_seconds() == hours * 3600


@pytest.mark.parametrize("text", ["", "P", "PT", "7", "d7", "7x", "-7d", "7d soon"])
def test_parse_lead_time_refuses(text):
    with pytest.raises(InputError):
        parse_lead_time(text)


@pytest.mark.postgres
def test_uids_are_the_same_on_both_engines(make_db_url, seed_path):
    from typer.testing import CliRunner

    from tracker.cli import app

    exports = []
    for engine in ("sqlite", "postgres"):
        url = make_db_url(engine)
        runner = CliRunner()
        assert runner.invoke(app, ["--db", url, "ingest", str(seed_path)]).exit_code == 0
        exports.append(
            set(
                _components(
                    runner.invoke(app, ["--db", url, "export", "ics", "--todos", "both"]).stdout_bytes
                )
            )
        )
    assert exports[0] == exports[1] and exports[0]


def test_a_full_disk_is_one_line_and_exit_5_and_the_old_file_stays(cli, tmp_path, monkeypatch):
    """Issue #17: `export ics -o` on a full disk was a traceback."""
    import errno

    assert cli("meetings", "add", "--start", "2017-05-12", "--city", "Minsk").exit_code == 0
    target = tmp_path / "tracker.ics"
    target.write_bytes(b"old calendar")

    def full(_descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = cli("export", "ics", "-o", target)
    assert result.exit_code == 5
    assert result.stderr == (
        f"tracker: cannot write {target}: No space left on device; the old file, if any, is unchanged\n"
    )
    assert target.read_bytes() == b"old calendar"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".tracker.ics")) == []


def test_stdout_on_a_full_disk_is_one_line_and_exit_5(make_db_url, tmp_path):
    """`tracker export ics > /dev/full` (Linux): every write fails with ENOSPC. (SQLite only: writing
    stdout does not depend on the engine, and the test runs real processes.)"""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    db_url = make_db_url("sqlite")
    command = [sys.executable, "-m", "tracker", "--db", db_url, "--today", "2017-06-01"]
    subprocess.run(command + ["meetings", "add", "--start", "2017-05-12"], check=True, capture_output=True)
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            command + ["export", "ics"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env={k: v for k, v in os.environ.items() if k != "TRACKER_DB_URL"},
        )
    assert result.returncode == 5, result.stderr
    assert result.stderr == "tracker: cannot write the calendar to stdout: No space left on device\n"
