"""The README's tour, run as written against a scratch database (issue #14: docs under test).

The tour names files a desk would have (press-releases/, news.rss, release.html, ...): the
test writes small ones into a scratch folder and serves the tour's URL in-process (no test
reads the network). Two lines cannot run here, each skipped or rewritten for a stated reason.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.services.sources import RawSource

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2017-06-01"

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ministry news</title><link>https://mfa.example/</link><description>News
</description><item><title>Consultations in Astana</title><link>https://mfa.example/news/astana</link>
<pubDate>Thu, 20 Apr 2017 10:00:00 GMT</pubDate><description>On 20 April 2017, political consultations between
the foreign ministries of Belarus and Kazakhstan were held in Astana.</description></item></channel></rss>
"""
PAGE = """<html><head><title>Talks in Minsk</title></head><body><article><h1>Talks in Minsk</h1>
<p>On 15 May 2017, talks between the foreign ministers of Belarus and Serbia were held in Minsk.</p>
<p>The ministers discussed cooperation in education and culture.</p></article></body></html>
"""
RELEASE = """Budapest, 3 March 2017

On 3 March 2017, political consultations between the foreign ministries of Hungary and Serbia were held in Budapest.

It was agreed to hold the next round of political consultations in Belgrade in 2018.
"""
# Why a line does not run as written.
SKIPPED = {
    "serve": "serves until stopped; tests/server runs the server itself",
    "sources": "watches real web sites (where the sources commands exist, their tests fake a ministry)",
    "caldav": "names a real CalDAV server; tests/services/test_caldav_sync.py runs Radicale",
    "sync": "talks to the CalDAV servers added with `caldav add`",
}
REMOTE_DB = (
    "postgresql+psycopg://me@host/tracker"  # an example server: loaded into a second scratch file instead
)
# Exit 1 is what `--fail-on-overdue` is for; the tour's data has nothing overdue as of TODAY.
EXPECTED_EXIT: dict[str, int] = {}


def tour_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A short tour", 1)[1].split("\n\n", 2)[1]
    return [line.strip() for line in tour.splitlines() if line.strip().startswith("tracker ")]


@pytest.fixture
def desk(tmp_path, monkeypatch, seed_path):
    """A scratch folder holding the tour's files, its working folder, and the tour's URL served in-process."""
    releases = tmp_path / "press-releases"
    releases.mkdir()
    for seed in seed_path.glob("*.txt"):
        shutil.copy(seed, releases / seed.name)
    (releases / "serbia-hungary-consultations-2017-03-03.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "news.rss").write_text(FEED, encoding="utf-8")
    (tmp_path / "release.html").write_text(PAGE.replace("culture", "science"), encoding="utf-8")
    (tmp_path / "release.txt").write_text(RELEASE.replace("Budapest", "Szeged"), encoding="utf-8")

    def fetch(url: str, **_options) -> RawSource:
        assert url == "https://mfa.example/item", url
        return RawSource(url, PAGE.encode())

    monkeypatch.setattr("tracker.services.sources.fetch_url", fetch)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRACKER_DB_URL", str(tmp_path / "desk.db"))
    monkeypatch.setenv("TRACKER_TODAY", TODAY)
    return tmp_path


def test_the_tour_has_the_commands_it_shows():
    assert len(tour_lines()) >= 20


def test_the_readme_tour_runs_as_written(desk):
    runner = CliRunner()
    ran, skipped = [], []
    for line in tour_lines():
        args = shlex.split(line, comments=True)[1:]
        command = next(word for word in args if not word.startswith("-"))
        if command in SKIPPED:
            skipped.append(line)
            continue
        args = [str(desk / "moved.db") if word == REMOTE_DB else word for word in args]
        result = runner.invoke(app, args, input="q\n", catch_exceptions=False)
        assert result.exit_code == EXPECTED_EXIT.get(line, 0), (line, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, line
        ran.append(line)
    assert len(ran) + len(skipped) == len(tour_lines()) and len(ran) >= 20
    assert (
        (desk / "week.html").exists() and (desk / "tracker.ics").exists() and (desk / "backup.json").exists()
    )
