"""The weekly report's data and its renderings, on the desk database (issue #6)."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from report_desk import DESK_TODAY, DESK_WEEK, _window, add_document, add_item, at
from sqlalchemy.orm import Session

from tracker.domain.model import Kind, Precision
from tracker.domain.report import IsoWeek
from tracker.errors import InputError
from tracker.exporters.report import (
    _timeline_view,
    escape_markdown,
    render_html,
    render_markdown,
    report_to_json,
)
from tracker.services import tracking
from tracker.services.report import build_compliance, build_weekly_report, parse_week

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date.fromisoformat(DESK_TODAY)


# The week


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2016-W40", "2016-10-03", "2016-10-09"),
        ("2016w40", "2016-10-03", "2016-10-09"),
        ("2015-W53", "2015-12-28", "2016-01-03"),  # a 53-week year, ending in the next calendar year
        ("2019-W01", "2018-12-31", "2019-01-06"),  # week 1 starting in the previous calendar year
    ],
)
def test_iso_week_bounds(text, start, end):
    week = parse_week(text)
    assert (week.start.isoformat(), week.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["2016-40", "W40", "2016-W54", "2017-W53", "2016-W00", ""])
def test_iso_week_refuses_what_is_not_a_week(text):
    with pytest.raises(InputError):
        parse_week(text)


@pytest.mark.parametrize(
    "today, week",
    [
        ("2016-10-10", "2016-W40"),  # a Monday: the week just ended
        ("2016-10-16", "2016-W40"),  # a Sunday: still the week before this one
        ("2017-01-02", "2016-W52"),  # across New Year
    ],
)
def test_default_week_is_the_one_before_today(today, week):
    assert str(IsoWeek.before(dt.date.fromisoformat(today))) == week


# Data


@pytest.fixture
def desk_session(desk_db, db_url):
    from tracker.storage.db import make_engine

    engine = make_engine(db_url)
    with Session(engine) as session:
        yield session
        session.commit()
    engine.dispose()


def test_sections_of_the_desk_week(desk_session, desk_db):
    report = build_weekly_report(desk_session, today=TODAY, week=parse_week(DESK_WEEK))
    ids = desk_db
    assert [m.id for m in report.meetings.items] == [ids["m2"], ids["m4"]]
    assert [i.id for i in report.made.items] == [ids["c2"], ids["c3"]]
    assert [(c.change, c.item.id) for c in report.changes.items] == [
        ("fulfilled_late", ids["c6"]),
        ("rescheduled", ids["c8"]),
        ("cancelled", ids["c7"]),
    ]
    rescheduled = report.changes.items[1]
    assert (rescheduled.old_window_start, rescheduled.old_window_end) == (
        dt.date(2017, 1, 1),
        dt.date(2017, 3, 31),
    )
    assert [i.id for i in report.due.items] == [ids["c3"], ids["c11"]]
    assert [(i.id, i.days_overdue) for i in report.overdue.items] == [(ids["c12"], 72), (ids["c4"], 13)]
    assert [i.id for i in report.stale.items] == [ids["c10"]]
    assert ids["c9"] not in {i.id for p in report.parties for i in p.open_items.items}  # rejected
    assert report.summary.overdue == 2 and report.summary.due == 2 and report.summary.cancelled == 1
    assert {s.document_id for s in report.sources} == {1, 2, 3}


def test_compliance_record_and_rate(desk_session):
    records = {r.party: r for r in build_compliance(desk_session, today=TODAY)}
    hungary = records["HU"]
    assert (
        hungary.made,
        hungary.fulfilled_on_time,
        hungary.fulfilled_late,
        hungary.overdue,
        hungary.cancelled,
        hungary.pending,
    ) == (6, 1, 1, 1, 1, 2)
    assert hungary.assessed == 3 and hungary.on_time_rate == pytest.approx(1 / 3) and hungary.score == 0
    assert records["BY"].on_time_rate == 1 and records["KZ"].score == -1
    assert records["*"].made == 12  # every item once, though each has two parties


def test_compliance_since_and_party(desk_session):
    [record] = build_compliance(desk_session, today=TODAY, party="hu", since=dt.date(2017, 3, 1))
    assert (record.party, record.made) == ("HU", 0)
    assert record.on_time_rate is None
    [belarus] = build_compliance(desk_session, today=TODAY, party="BY", since=dt.date(2017, 1, 1))
    assert (belarus.made, belarus.pending) == (2, 2)


def test_fulfilment_recorded_in_the_week_counts_though_it_happened_before(desk_session, desk_db):
    # Learnt on 8 March that the working group met on 20 February: in the report of 6-12 March.
    tracking.complete_item(desk_session, desk_db["c4"], on=dt.date(2017, 2, 20), at=at("2017-03-08"))
    report = build_weekly_report(desk_session, today=TODAY, week=parse_week(DESK_WEEK))
    change = next(c for c in report.changes.items if c.item.id == desk_db["c4"])
    assert (change.change, change.on, change.recorded_on) == (
        "fulfilled",
        dt.date(2017, 2, 20),
        dt.date(2017, 3, 8),
    )
    assert "Fulfilled on time 2017-02-20 (recorded 2017-03-08):" in render_markdown(report)


def test_a_second_reschedule_is_reported(desk_session, desk_db):
    # The status stays `rescheduled`, so only the window's history says it moved again.
    tracking.reschedule_item(
        desk_session,
        desk_db["c8"],
        _window("2017-07-01", "2017-09-30", Precision.QUARTER, "in the third quarter"),
        at=at("2017-03-15"),
    )
    report = build_weekly_report(desk_session, today=dt.date(2017, 3, 20), week=parse_week("2017-W11"))
    [change] = report.changes.items
    assert change.change == "rescheduled" and change.old_window_end == dt.date(2017, 6, 30)
    assert change.item.window_end == dt.date(2017, 9, 30)


def test_limit_lists_the_first_and_counts_all(desk_session):
    report = build_weekly_report(desk_session, today=TODAY, week=parse_week(DESK_WEEK), limit=1)
    assert (len(report.overdue.items), report.overdue.total, report.overdue.more) == (1, 2, 1)
    assert "… and 1 more not listed here" in render_markdown(report)


def test_party_filter_keeps_one_section(desk_session, desk_db):
    report = build_weekly_report(desk_session, today=TODAY, week=parse_week(DESK_WEEK), party="kz")
    assert [p.party for p in report.parties] == ["KZ"] and report.party_name == "Kazakhstan"
    assert report.meetings.total == 0 and [i.id for i in report.overdue.items] == [desk_db["c12"]]


# Escaping

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hostile(desk_session):
    document = add_document(
        desk_session, source="javascript:alert(1)", title=f"T {SCRIPT}", published="2017-03-08", text=SCRIPT
    )
    add_item(
        desk_session,
        title=f"*bold* [link](http://x) {SCRIPT}",
        kind=Kind.TALKS,
        window=_window("2017-03-01", "2017-03-20", Precision.DAYS, "soon | `tick`"),
        parties=["BY"],
        made_on="2017-03-08",
        document_id=document,
        evidence=f"a_b\nnew line # {SCRIPT} ~x~",
        uid="h@test",
    )
    return build_weekly_report(desk_session, today=TODAY, week=parse_week(DESK_WEEK))


def test_markdown_escapes_document_texts(hostile):
    text = render_markdown(hostile)
    assert "<script>" not in text and "[link](" not in text  # escaped: \[link\](...) is not a link
    assert r"\*bold\* \[link\](http://x) \<script\>alert(1)\</script\>" in text
    assert r"“a\_b new line # \<script\>alert(1)\</script\> \~x\~”" in text
    assert r"soon \| \`tick\`" in text
    assert "javascript:" not in text.replace("(javascript:alert(1))", "")  # shown as text, never as a link


def test_escape_markdown_folds_lines_and_drops_control_characters():
    assert escape_markdown("a\n\n# b\x07\tc") == "a # b c"


def test_html_escapes_document_texts_and_loads_nothing(hostile):
    html = render_html(hostile)
    assert "<script" not in html.lower() and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "default-src 'none'" in html  # the page may load nothing, should escaping ever fail
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace("http://x", "")


def test_json_has_the_same_content(desk_session):
    report = build_weekly_report(desk_session, today=TODAY, week=parse_week(DESK_WEEK))
    data = json.loads(json.dumps(report_to_json(report)))
    assert data["format"] == "tracker.weekly-report/1"
    assert data["week"] == {"label": "2017-W10", "start": "2017-03-06", "end": "2017-03-12"}
    assert data["summary"]["overdue"] == data["overdue"]["total"] == 2
    hungary = next(p for p in data["parties"] if p["party"] == "HU")
    assert hungary["record"]["on_time_rate"] == pytest.approx(1 / 3)
    assert data["overdue"]["items"][0]["source"] is None and data["made"]["items"][0]["source"]["url"]


def test_timeline_marks_overdue_and_today(desk_session):
    report = build_weekly_report(desk_session, today=TODAY, week=parse_week(DESK_WEEK))
    view = _timeline_view(report.timeline, TODAY)
    first = view.bars[0]  # the oldest overdue item ended before the chart starts: a stub
    assert first.stub and "overdue" in first.css and "72 days overdue" in first.note
    assert view.plot_x < view.today_x < view.plot_right
    assert all(view.plot_x <= bar.x and bar.x + bar.width <= view.plot_right + 0.5 for bar in view.bars)


# CLI


def test_cli_formats_and_output_file(desk_db, cli, tmp_path):
    out = tmp_path / "r" / "report.html"
    result = cli("report", "weekly", "--week", DESK_WEEK, "--format", "html", "-o", out, today=DESK_TODAY)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = json.loads(cli("report", "weekly", "--format", "json", today=DESK_TODAY).stdout)
    assert data["week"]["label"] == DESK_WEEK  # the default week: the one before 13 March 2017


def test_cli_compliance_json(desk_db, cli):
    result = cli("report", "compliance", "--party", "KZ", "--json", today=DESK_TODAY)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "format": "tracker.compliance/1",
        "today": DESK_TODAY,
        "since": None,
        "records": [
            {
                "party": "KZ",
                "name": "Kazakhstan",
                "made": 2,
                "fulfilled_on_time": 0,
                "fulfilled_late": 0,
                "overdue": 1,
                "cancelled": 0,
                "pending": 1,
                "assessed": 1,
                "on_time_rate": 0.0,
                "score": -1.0,
            }
        ],
    }


def test_cli_bad_since_is_exit_2(desk_db, cli):
    result = cli("report", "compliance", "--since", "March", today=DESK_TODAY)
    assert result.exit_code == 2 and result.stderr.startswith("tracker: ") and result.stderr.count("\n") == 1


def test_cli_mail_to_sends_markdown_and_html(desk_db, cli, monkeypatch):
    mail = pytest.importorskip("tracker.services.mail")
    sent = []
    monkeypatch.setattr(
        mail, "send_mail", lambda settings, to, subject, text, html: sent.append((to, subject, text, html))
    )
    result = cli(
        "report",
        "weekly",
        "--week",
        DESK_WEEK,
        "--party",
        "BY",
        "--mail-to",
        "desk@example.org",
        today=DESK_TODAY,
    )
    assert result.exit_code == 0 and result.stdout == ""
    [(to, subject, text, html)] = sent
    assert to == "desk@example.org" and subject == "Weekly report 2017-W10 — Belarus (BY)"
    assert text.startswith("# Weekly report 2017-W10") and html.startswith("<!DOCTYPE html>")


# Packaging


def test_templates_ship_in_a_non_editable_install():
    """Every template matches a package-data pattern of tracker.exporters (the "*" patterns stop at folders)."""
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    patterns = package_data.get("tracker.exporters", [])
    folder = ROOT / "tracker" / "exporters"
    templates = [p.relative_to(folder).as_posix() for p in (folder / "templates").iterdir() if p.is_file()]
    assert templates
    assert all(any(fnmatch(name, pattern) for pattern in patterns) for name in templates), templates
