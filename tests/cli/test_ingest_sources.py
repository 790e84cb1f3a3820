"""`tracker extract` / `tracker ingest` on files, feeds and URLs (a local http.server on 127.0.0.1)."""

import http.server
import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app

TEXT = (
    "BAKU, 5 October 2017 - Azerbaijan and Latvia held political consultations on Thursday.\n\n"
    "It was agreed to hold the next round of consultations in Riga in 2018.\n"
)
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Consultations</title><pubDate>Thu, 05 Oct 2017 10:00:00 GMT</pubDate><link>http://127.0.0.1/a</link>
<description>Azerbaijan and Latvia held political consultations in Baku on Thursday.</description></item>
</channel></rss>"""


@pytest.fixture
def server(tmp_path):
    (tmp_path / "release.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # poll_interval: shutdown() waits for it (the default 0.5 s was most of each test)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _extract(*args):
    return CliRunner().invoke(app, ["extract", *map(str, args)], catch_exceptions=False)


def test_extract_a_url(server):
    result = _extract(f"{server}/release.txt", "--json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["document"]["published"] == "2017-10-05"
    assert [(m["start"], m["city"]) for m in record["meetings"]] == [("2017-10-05", "Baku")]
    assert [c["city"] for c in record["commitments"]] == ["Riga"]


def test_extract_a_missing_url_is_exit_2(server):
    result = _extract(f"{server}/nothing.txt")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"tracker: {server}/nothing.txt: HTTP 404 File not found"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty document"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text document (binary content)"),
        ("notes.docx", b"PK\x03\x04 some text", "not a Word .docx file"),  # .docx is read since issue #14
        ("notes.odt", b"PK\x03\x04 some text", "unknown document type '.odt'"),
    ],
)
def test_extract_unusable_file_is_one_line_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = _extract(path)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"tracker: {path}: {message}")


def test_ingest_skips_unusable_files_with_a_warning_and_goes_on(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli("ingest", empty, good)
    assert result.exit_code == 1  # a partial failure (issue #14)
    assert "tracker: warning:" in result.stderr and "empty document" in result.stderr
    assert "good.txt: added 1 meeting(s), 1 item(s)" in result.stdout


def test_ingest_dry_run_shows_items_with_their_sentence_and_stores_nothing(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = cli("ingest", "--dry-run", good)
    assert result.exit_code == 0
    assert "would add 1 meeting(s), 1 item(s)" in result.stdout
    assert (
        "\u201cIt was agreed to hold the next round of consultations in Riga in 2018.\u201d" in result.stdout
    )
    again = cli("ingest", good)
    assert "added 1 meeting(s), 1 item(s)" in again.stdout  # the dry run stored nothing


def test_ingest_a_feed_url(cli, server):
    result = cli("ingest", "--json", f"{server}/feed.xml")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert (record["documents"], record["meetings"]) == (1, 1)


def test_extract_and_ingest_use_the_same_extractor(cli, tmp_path):
    path = Path(tmp_path / "r.txt")
    path.write_text(TEXT, encoding="utf-8")
    extracted = json.loads(_extract(path, "--json").stdout)
    dry = json.loads(cli("ingest", "--dry-run", "--json", path).stdout)
    assert dry["results"][0]["extraction"] == extracted
