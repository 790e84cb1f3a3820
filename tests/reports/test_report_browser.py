"""The HTML report in a real browser (issue #6): sections and timeline visible, document text inert.

Runs Debian's headless Chromium through Playwright. Locally a missing browser
skips with one line; in CI (CI=true) it fails, since `make test` installs it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_browser import browser_problem, launch  # noqa: E402
from report_desk import DESK_TODAY, DESK_WEEK, _window, add_document, add_item, build_desk  # noqa: E402

from tracker.domain.model import Kind, Precision, ReviewState  # noqa: E402
from tracker.storage.db import make_engine, upgrade  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
TITLE = "Weekly report 2017-W10"
SCRIPT = '<script>window.__pwned = 1; document.title = "pwned";</script>'
IMG = "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">"


@pytest.fixture(scope="module")
def chromium():
    problem = browser_problem()
    if problem:
        if IN_CI:
            pytest.fail(f"headless Chromium needed in CI: {problem}")
        pytest.skip(f"headless Chromium unavailable: {problem}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def hostile_report(make_db_url, tmp_path) -> Path:
    """The desk database plus a document whose texts try to run script; its report as an HTML file."""
    from typer.testing import CliRunner

    from tracker.cli import app

    url = make_db_url("sqlite")
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as session:
        build_desk(session)
        document = add_document(
            session,
            source='https://example.org/x"onmouseover="window.__pwned=3',
            title=f"Release {SCRIPT}",
            published="2017-03-08",
            text=f"{SCRIPT} {IMG}",
        )
        add_item(
            session,
            title=f"Talks {SCRIPT}",
            kind=Kind.TALKS,
            city=f"Novi {IMG} Sad",
            window=_window("2017-03-01", "2017-03-20", Precision.DAYS, f"soon {IMG}"),
            parties=["BY", "RS"],
            made_on="2017-03-08",
            document_id=document,
            review=ReviewState.UNREVIEWED,
            evidence=f"They agreed {SCRIPT} and {IMG} in March.",
            uid="hostile@test",
        )
        session.commit()
    engine.dispose()
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app,
        [
            "--db",
            url,
            "--today",
            DESK_TODAY,
            "report",
            "weekly",
            "--week",
            DESK_WEEK,
            "--format",
            "html",
            "-o",
            str(out),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    return out


def test_html_report_renders_sections_and_timeline_and_runs_no_document_text(chromium, hostile_report):
    page = chromium.new_page(viewport={"width": 1100, "height": 900})
    errors, dialogs, requests = [], [], []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    url = hostile_report.resolve().as_uri()
    page.goto(url)

    for section in (
        "timeline",
        "meetings",
        "made",
        "changes",
        "due",
        "overdue",
        "stale",
        "cadences",
        "party-BY",
        "party-HU",
        "party-KZ",
        "party-RS",
        "sources",
    ):
        assert page.locator(f"#{section} h2").is_visible(), f"section {section} is not visible"
    timeline = page.locator("svg.timeline")
    assert timeline.is_visible()
    box = timeline.bounding_box()
    assert box["width"] > 600 and box["height"] > 100
    assert page.locator("svg.timeline rect.bar").count() >= 8
    assert page.locator("svg.timeline rect.bar.overdue").count() >= 2
    # A vertical line has no width, which Playwright counts as invisible: check its extent instead.
    today = page.locator("svg.timeline line.today").evaluate("line => line.getBBox().height")
    assert today > 100
    assert page.locator("svg.timeline text.today-label").is_visible()

    # The hostile texts are shown as text, in the page and in the SVG, and nothing ran.
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() == TITLE
    assert not errors and not dialogs
    assert requests == [url], f"the page loaded something: {requests}"
    assert page.evaluate("document.querySelectorAll('script, img, iframe, object').length") == 0
    body = page.inner_text("body")
    assert SCRIPT in body and IMG in body
    assert any(SCRIPT[:20] in text for text in page.locator("svg.timeline text").all_text_contents())
    page.hover("#sources a[href^='https://example.org']")
    assert page.evaluate("typeof window.__pwned") == "undefined"

    # Print: the same sections and the timeline still show.
    page.emulate_media(media="print")
    assert page.locator("#overdue h2").is_visible() and timeline.is_visible()
    page.close()
