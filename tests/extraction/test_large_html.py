"""An HTML page with a great many tags is read in time linear in its size (issue 17, point 9).

Before: every page went through trafilatura, whose time grows faster than the number
of tags (a 14 MB page with a million tags: 86 s, 1.47 GB); only `ingest` refused pages
beyond `limits.MAX_HTML_TAGS`, other readers of HTML did not. Now a page beyond that
many tags is read by libxml2 alone, furniture dropped and paragraphs kept apart.
"""

from __future__ import annotations

import pytest

from tracker import limits
from tracker.errors import InputError
from tracker.extraction.document import decode_document

_SENTENCE = "<p>On 6 October 2016 political consultations were <i>held</i> in Belgrade.</p>"


def _page(paragraphs: int) -> bytes:
    return (
        "<!doctype html><html><head><title>Consultations in Belgrade</title>"
        "<script>var menu = '<p>not text</p>';</script><style>p { color: red }</style></head>"
        "<body><nav>Home | News | Contact</nav><h1>Press release</h1>"
        + _SENTENCE * paragraphs
        + "<footer>\u00a9 Ministry</footer></body></html>"
    ).encode()


@pytest.fixture
def no_trafilatura(monkeypatch):
    import trafilatura

    def refuse(*args, **kwargs):
        raise AssertionError("a page this large must not reach trafilatura")

    monkeypatch.setattr(trafilatura, "extract", refuse)
    monkeypatch.setattr(trafilatura, "extract_metadata", refuse)


def test_a_page_beyond_the_tag_limit_is_read_without_trafilatura(no_trafilatura):
    paragraphs = limits.MAX_HTML_TAGS // 4 + 1  # four tags a paragraph: just beyond the limit
    [document] = decode_document(_page(paragraphs), "https://mfa.example/huge.html")
    assert document.title == "Consultations in Belgrade"
    assert document.text.startswith("Press release\n\nOn 6 October 2016 political consultations were held")
    assert document.text.count("political consultations were held in Belgrade.") == paragraphs
    for furniture in ("not text", "color: red", "Home | News", "Ministry"):
        assert furniture not in document.text


def test_a_large_page_without_text_is_bad_input(no_trafilatura):
    page = b"<!doctype html><html><body>" + b"<div></div>" * limits.MAX_HTML_TAGS + b"</body></html>"
    with pytest.raises(InputError, match=r"^empty.html: no readable text in this HTML page$"):
        decode_document(page, "empty.html")
