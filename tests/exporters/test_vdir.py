"""`tracker export vdir DIR` (issue 13): one file per UID, same UIDs and components as the .ics export."""

from __future__ import annotations

import re

from exporters.desk_data import add_item, add_meeting, add_open_ended
from exporters.ics_checks import assert_strict, khal_import, read_with_parsers
from tracker.exporters.vdir import file_name

_COMPONENT = re.compile(rb"BEGIN:(VEVENT|VTODO)\r\n.*?END:\1\r\n", re.S)


def _add_data(cli) -> tuple[dict, dict, dict]:
    return add_meeting(cli, start="2017-03-26", time="10:30"), add_item(cli), add_open_ended(cli)


def _components(data: bytes) -> dict[bytes, bytes]:
    return {
        re.search(rb"\r\nUID:(.*?)\r\n", match.group(0)).group(1): match.group(0)
        for match in _COMPONENT.finditer(data)
    }


def test_vdir_holds_the_export_one_component_per_file(cli, tmp_path):
    meeting, item, _ = _add_data(cli)
    folder = tmp_path / "vdir"
    result = cli("export", "vdir", str(folder), "--todos", "both", today="2017-06-01")
    assert result.exit_code == 0, result.stderr
    exported = _components(cli("export", "ics", "--todos", "both", today="2017-06-01").stdout_bytes)
    files = sorted(folder.iterdir())
    assert len(files) == len(exported) == 5  # meeting, item's event, digest, two to-dos
    assert result.stderr == f"{folder}: 5 written, 0 unchanged, 0 removed\n"
    for path in files:
        data = path.read_bytes()
        assert_strict(data)
        readings = read_with_parsers(data)  # libical too
        [(uid, component)] = _components(data).items()
        assert component == exported[uid], "the same bytes as in the .ics export"
        assert path.name == file_name(uid.decode())
        assert len(readings["icalendar"].events) + len(readings["icalendar"].todos) == 1
    timed = (folder / file_name(meeting["uid"])).read_bytes()
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Belgrade\r\n" in timed
    assert khal_import(timed, tmp_path / "khal", *[__import__("datetime").date(2017, 3, 26)] * 2) == [
        (meeting["uid"], "Consultations BY\u2013RS")
    ]
    assert (folder / file_name(item["uid"])).exists() and (folder / file_name(f"todo-{item['uid']}")).exists()


def test_second_export_writes_nothing_and_done_items_leave(cli, tmp_path):
    _, item, _ = _add_data(cli)
    folder = tmp_path / "vdir"
    cli("export", "vdir", str(folder), today="2017-06-01")
    foreign = folder / "someone-else.ics"
    foreign.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//other//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    stamps = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    again = cli("export", "vdir", str(folder), today="2017-06-02")
    assert again.stderr == f"{folder}: 0 written, 3 unchanged, 0 removed\n"
    assert {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} == stamps
    assert cli("items", "done", str(item["id"]), today="2017-06-03").exit_code == 0
    after = cli("export", "vdir", str(folder), today="2017-06-03")
    assert after.stderr == f"{folder}: 0 written, 2 unchanged, 1 removed\n"
    assert not (folder / file_name(item["uid"])).exists() and foreign.exists(), "other tools' files stay"
    assert not list(folder.glob(".*.tmp"))


def test_unusable_folder_is_one_line_and_exit_2(cli, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    result = cli("export", "vdir", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("tracker: ") and result.stderr.count("\n") == 1


def test_file_names_are_safe():
    assert file_name("meeting-1@tracker") == "meeting-1@tracker.ics"
    for uid in ("../../etc/passwd", ".hidden", "a/b", "x" * 300, "uid with space", "ÿ"):
        name = file_name(uid)
        assert re.fullmatch(r"[0-9a-f]{64}\.ics", name), uid
