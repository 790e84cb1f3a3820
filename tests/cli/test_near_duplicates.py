"""The same release in another form is not stored again (issue #17, point 2).

Before, one extra newline or the HTML page of a .txt release gave a second
document with its own meeting and item, and a later meeting then matched both
items, so it only got "proposed" links instead of fulfilling the one item.
"""

from __future__ import annotations

import html
import json

import pytest

FULFILLING = (
    "On 12 May 2017, political consultations between the foreign ministries of Serbia and Belarus "
    "were held in Minsk.\n"
)


def _html_page(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    return (
        "<!doctype html><html><head><title>Political consultations between Serbia and Belarus</title></head>"
        "<body><nav><a href='/'>Home</a> | <a href='/press'>Press</a></nav><header><h1>Ministry of Foreign "
        f"Affairs</h1></header><main><article>{paragraphs}</article></main><footer><p>\u00a9 2016 Ministry "
        "of Foreign Affairs. All rights reserved.</p></footer></body></html>"
    )


@pytest.fixture
def release(seed_path):
    [path] = sorted(seed_path.glob("*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("form", ["extra newline", "crlf and curly quotes", "html page"])
def test_the_same_release_in_another_form_adds_nothing_and_says_so(cli, tmp_path, release, form):
    original = tmp_path / "release.txt"
    original.write_text(release, encoding="utf-8")
    if form == "extra newline":
        again = tmp_path / "release-again.txt"
        again.write_text(release + "\n", encoding="utf-8")
    elif form == "crlf and curly quotes":
        again = tmp_path / "release-again.txt"
        again.write_bytes(release.replace("\n", "\r\n").replace("'", "\u2019").encode("utf-8"))
    else:
        again = tmp_path / "release.html"
        again.write_text(_html_page(release), encoding="utf-8")

    first = cli("ingest", original, "--json")
    assert first.exit_code == 0 and json.loads(first.stdout)["added"] == 1
    second = cli("ingest", again)
    assert second.exit_code == 0, second.stderr
    assert f"{again}: already stored (the same text as {original})" in second.stdout
    assert "0 new, 1 already stored" in second.stdout
    assert len(json.loads(cli("meetings", "list", "--json").stdout)) == 1
    [item] = json.loads(cli("items", "list", "--json").stdout)

    # A later meeting now fulfils the one item instead of being proposed for two.
    later = tmp_path / "later.txt"
    later.write_text(FULFILLING, encoding="utf-8")
    assert cli("ingest", later, "--published", "2017-05-12").exit_code == 0
    shown = json.loads(cli("items", "show", item["id"], "--json").stdout)
    assert shown["status"] == "fulfilled"
    assert [link["state"] for link in shown["links"]] == ["auto"]


def test_json_summary_names_the_stored_document(cli, tmp_path, release):
    original = tmp_path / "release.txt"
    original.write_text(release, encoding="utf-8")
    again = tmp_path / "again.txt"
    again.write_text("\n" + release, encoding="utf-8")
    cli("ingest", original)
    summary = json.loads(cli("ingest", again, "--json").stdout)
    assert summary["added"] == 0
    assert summary["results"][0]["stored_as"] == str(original)


def test_a_different_release_is_still_added(cli, tmp_path, release):
    original = tmp_path / "release.txt"
    original.write_text(release, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(release.replace("Minsk in 2017", "Minsk in 2018"), encoding="utf-8")
    cli("ingest", original)
    assert json.loads(cli("ingest", other, "--json").stdout)["added"] == 1
