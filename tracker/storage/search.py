"""Search over what is stored: items, meetings and documents, by words in their texts and parties.

Every word must occur in the row (titles, source sentences, cities, a document's title,
source and text; case-insensitive substring) or, for a party code, among its parties.
Portable LIKE matching, the same on SQLite and PostgreSQL; no full-text index yet
(issue #14 asks for FTS5 / PostgreSQL full text behind this interface), so a search
reads every row: fine for a desk's thousands, not for millions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from tracker.storage import models as m

__all__ = ["SearchHit", "search_rows"]


@dataclass(frozen=True)
class SearchHit:
    """One row that matched: what it is ("item", "meeting" or "document"), its id, a title and a sentence."""

    kind: str
    id: int
    title: str
    sentence: str | None


def _contains(column: QueryableAttribute[str | None], word: str) -> ColumnElement[bool]:
    return func.lower(func.coalesce(column, "")).contains(word.lower(), autoescape=True)


def search_rows(
    session: Session, words: list[str], party_codes: dict[str, str], *, limit: int = 50
) -> list[SearchHit]:
    """Items, then meetings, then documents matching every word in `words`, each kind by id, up to `limit` each.

    :param party_codes: word -> the party code it names (a word that names none is not a key).
    """

    def condition(
        columns: list[QueryableAttribute[str | None]],
        party_rows: QueryableAttribute[Sequence[object]] | None = None,
    ) -> ColumnElement[bool]:
        terms: list[ColumnElement[bool]] = []
        for word in words:
            options = [_contains(column, word) for column in columns]
            if party_rows is not None and word in party_codes:
                options.append(party_rows.any(code=party_codes[word]))
            terms.append(or_(*options))
        return and_(*terms)

    hits: list[SearchHit] = []
    c = m.Commitment
    for item in session.execute(
        select(c.id, c.title, c.evidence_text)
        .where(condition([c.title, c.evidence_text, c.city, c.window_text], c.party_rows))
        .order_by(c.id)
        .limit(limit)
    ):
        hits.append(SearchHit("item", item.id, item.title, item.evidence_text))
    mt = m.Meeting
    for meeting in session.execute(
        select(mt.id, mt.title, mt.evidence_text)
        .where(condition([mt.title, mt.evidence_text, mt.city], mt.party_rows))
        .order_by(mt.id)
        .limit(limit)
    ):
        hits.append(SearchHit("meeting", meeting.id, meeting.title, meeting.evidence_text))
    d = m.Document
    for document in session.execute(
        select(d.id, d.title, d.source)
        .where(condition([d.title, d.source, d.text]))
        .order_by(d.id)
        .limit(limit)
    ):
        hits.append(SearchHit("document", document.id, document.title or document.source, None))
    return hits
