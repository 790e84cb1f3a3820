"""The web address part of a document's identity (issue #17, point 2): which sources are a release's address."""

from __future__ import annotations

import pytest

from tracker.domain.identity import url_key


def test_one_page_is_one_address_whatever_the_scheme_or_the_case_of_the_host():
    keys = {
        url_key("https://mfa.gov.rs/en/press-service/statements/1234"),
        url_key("http://MFA.gov.rs/en/press-service/statements/1234"),
        url_key("  https://mfa.gov.rs/en/press-service/statements/1234\n"),
    }
    assert len(keys) == 1 and None not in keys


@pytest.mark.parametrize(
    "other",
    [
        "https://mfa.gov.rs/en/press-service/statements/1235",
        "https://mfa.gov.rs/en/press-service/statements/1234?print=1",
        "https://mfa.gov.rs/EN/press-service/statements/1234",
    ],
)
def test_another_path_or_query_is_another_address(other):
    assert url_key(other) != url_key("https://mfa.gov.rs/en/press-service/statements/1234")


@pytest.mark.parametrize(
    "source",
    [
        "release.txt",
        "/home/desk/press/release.html",
        "C:\\press\\release.txt",
        "file:///home/desk/release.txt",
        # A feed entry without a link of its own: its number moves as entries are added.
        "https://mfa.example/press/rss.xml#entry-1",
        "https://",
        "http://[::1",
    ],
)
def test_files_and_parts_of_pages_have_no_address(source):
    assert url_key(source) is None
