"""Document identity (issue #17, point 2): the normalised text, and databases stored before it existed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tracker.domain.identity import normalise_text, normalised_sha256
from tracker.storage.db import make_engine, upgrade

RELEASE = "On 6 October 2016, consultations were held in Belgrade.\n\nThe next round \u2013 in Minsk in 2017."


def test_forms_of_one_text_share_the_key():
    forms = [
        RELEASE,
        RELEASE + "\n",
        "\ufeff" + RELEASE.replace("\n", "\r\n"),
        RELEASE.replace(" ", "\u00a0"),
        RELEASE.replace("\u2013", "-"),
        "  " + RELEASE.replace("\n\n", "\n"),
    ]
    assert {normalised_sha256(form) for form in forms} == {normalised_sha256(RELEASE)}
    assert normalise_text("Caf\u0065\u0301  \u201cPlan\u201d\u200b") == 'Caf\u00e9 "Plan"'


def test_other_words_give_another_key():
    assert normalised_sha256(RELEASE) != normalised_sha256(RELEASE.replace("2017", "2018"))


@pytest.mark.empty_db
def test_upgrade_fills_the_key_of_stored_documents(db_url):
    """A database at 0001 holding the same release twice upgrades; both rows get the one key."""
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    at = dt.datetime(2017, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as connection:
        for number, body in enumerate([RELEASE, RELEASE + "\n", "Another release."]):
            connection.execute(
                text(
                    "INSERT INTO documents (sha256, source, text, ingested_at) "
                    "VALUES (:sha, :source, :text, :at)"
                ),
                {"sha": f"{number:064d}", "source": f"doc-{number}.txt", "text": body, "at": at},
            )
    upgrade(engine)
    with engine.connect() as connection:
        keys = connection.execute(text("SELECT normalised_sha256 FROM documents ORDER BY id")).scalars().all()
    engine.dispose()
    assert keys == [normalised_sha256(RELEASE)] * 2 + [normalised_sha256("Another release.")]
