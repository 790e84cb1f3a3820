"""Input formats: text, Markdown, HTML (main text, metadata), feeds, encodings, unusable input."""

import datetime as dt

import pytest

from tracker.errors import InputError
from tracker.extraction import decode_document

HTML = b"""<!doctype html><html><head><title>Chile and Peru hold consultations</title>
<meta property="article:published_time" content="2019-04-02T09:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/about">About us</a> | <a href="/contact">Contact</a></nav>
<article><h1>Chile and Peru hold consultations</h1>
<p>Political consultations between the foreign ministries of Chile and Peru were held in Lima on Monday.</p>
<p>The delegations agreed to hold the next round of consultations in Santiago in 2020.</p></article>
<footer>Copyright 2019 Ministry. Subscribe to our newsletter. Cookie policy.</footer></body></html>"""

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry news</title>
<item><title>Talks held</title><pubDate>Tue, 02 Apr 2019 10:00:00 GMT</pubDate><link>https://example.org/a</link>
<description>&lt;p&gt;Chile and Peru held talks in Lima on Monday.&lt;/p&gt;</description></item>
<item><title>Visit announced</title><pubDate>Wed, 03 Apr 2019 10:00:00 GMT</pubDate><link>https://example.org/b</link>
<description>The minister of Peru will visit Santiago in May.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>Call</title><updated>2020-06-15T12:00:00Z</updated><id>urn:1</id>
<content type="html">&lt;p&gt;The ministers of Serbia and Belarus held a telephone conversation.&lt;/p&gt;</content></entry>
</feed>"""


def test_html_keeps_the_main_text_and_reads_title_and_date():
    [document] = decode_document(HTML, "page.html")
    assert "were held in Lima" in document.text
    assert "newsletter" not in document.text and "About us" not in document.text
    assert document.title == "Chile and Peru hold consultations"
    assert document.published == dt.date(2019, 4, 2)


def test_given_publication_date_wins_over_metadata():
    [document] = decode_document(HTML, "page.html", dt.date(2019, 4, 3))
    assert document.published == dt.date(2019, 4, 3)


def test_rss_gives_one_document_per_entry_dated_by_the_entry():
    documents = decode_document(FEED, "news.rss")
    assert [(d.source, d.published) for d in documents] == [
        ("https://example.org/a", dt.date(2019, 4, 2)),
        ("https://example.org/b", dt.date(2019, 4, 3)),
    ]
    assert "held talks in Lima" in documents[0].text


def test_atom_feed_is_sniffed_without_suffix():
    [document] = decode_document(ATOM, "https://example.org/feed")
    assert document.published == dt.date(2020, 6, 15)
    assert "telephone conversation" in document.text


def test_other_encodings_are_detected():
    text = (
        "Les ministres de la France et du Sénégal se sont réunis à Dakar. Coopération économique, été, café."
    )
    [document] = decode_document(text.encode("cp1252"), "note.txt")
    assert document.text == text


def test_utf8_bom_is_dropped():
    [document] = decode_document("\ufeffHello".encode("utf-8"), "a.md")
    assert document.text == "Hello"


@pytest.mark.parametrize(
    "raw, source, message",
    [
        (b"", "empty.txt", "empty.txt: empty document"),
        (b"   \n\t", "blank.txt", "blank.txt: empty document"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "image.txt",
            "image.txt: not a text document (binary content)",
        ),
        (
            b"hello",
            "data.bin",
            "data.bin: unknown document type '.bin'; use .txt, .md, .html, .pdf, .docx or a feed (.xml, .rss, .atom)",
        ),
    ],
)
def test_unusable_input_is_one_clear_input_error(raw, source, message):
    with pytest.raises(InputError) as caught:
        decode_document(raw, source)
    assert str(caught.value) == message
