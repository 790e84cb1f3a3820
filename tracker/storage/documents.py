"""Revisions of a document: the texts read at one web address, and what was read from them.

A release published at an address may be edited there (a corrected date, an added
paragraph). Each text is its own document row, numbered by `revision` under the
address key `url_sha256`; the meetings and items read from earlier revisions stay
attached to the text they were read from. Nothing here commits.
"""

from __future__ import annotations

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import Session

from tracker.storage import models as m
from tracker.storage.items import not_rejected

__all__ = ["find_last_revision", "list_meetings_of_address", "list_commitments_of_address"]


def find_last_revision(session: Session, url_sha256: str) -> int | None:
    """The highest revision stored at the address with this key, None when none is."""
    return session.scalar(select(func.max(m.Document.revision)).where(m.Document.url_sha256 == url_sha256))


def _of_address(url_sha256: str) -> ScalarSelect[int]:
    return select(m.Document.id).where(m.Document.url_sha256 == url_sha256).scalar_subquery()


def list_meetings_of_address(session: Session, url_sha256: str) -> list[m.Meeting]:
    """The meetings read from any revision at the address, not rejected in review, by id."""
    query = (
        select(m.Meeting)
        .where(m.Meeting.document_id.in_(_of_address(url_sha256)), not_rejected(m.Meeting))
        .order_by(m.Meeting.id)
    )
    return list(session.scalars(query))


def list_commitments_of_address(session: Session, url_sha256: str) -> list[m.Commitment]:
    """The items read from any revision at the address, not rejected in review, by id."""
    query = (
        select(m.Commitment)
        .where(m.Commitment.document_id.in_(_of_address(url_sha256)), not_rejected(m.Commitment))
        .order_by(m.Commitment.id)
    )
    return list(session.scalars(query))
