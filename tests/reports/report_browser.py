"""Debian's headless Chromium driven by Playwright, for the report tests and `make report-demo`.

Playwright only drives the browser: it never downloads one (never run `playwright
install`); the browser is the `chromium` package at /usr/bin/chromium.

    python tests/reports/report_browser.py build/report-demo.html build/report-demo.png
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "browser_problem", "launch", "screenshot"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def browser_problem() -> str | None:
    """None when the browser can be started, else why not (one line)."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium; `make test` does it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is missing (pip install -e '.[dev]')"
    return None


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def screenshot(html: Path, png: Path, width: int = 1100) -> None:
    """A full-page PNG of the HTML file `html`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
            page.goto(html.resolve().as_uri())
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: report_browser.py REPORT.html OUT.png")
    problem = browser_problem()
    if problem:
        sys.exit(f"report_browser: {problem}")
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {sys.argv[2]}")
