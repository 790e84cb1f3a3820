"""Queries of the CalDAV accounts and of what was pushed to each (tracker sync)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker.storage import models as m

__all__ = ["find_account", "list_accounts", "delete_account", "pushed_objects"]


def find_account(session: Session, name: str) -> m.CaldavAccount | None:
    return session.scalar(select(m.CaldavAccount).where(m.CaldavAccount.name == name))


def list_accounts(session: Session) -> list[m.CaldavAccount]:
    return list(session.scalars(select(m.CaldavAccount).order_by(m.CaldavAccount.name)))


def delete_account(session: Session, row: m.CaldavAccount) -> None:
    """An account and the record of what was pushed to it (the server keeps its copies)."""
    session.execute(delete(m.CaldavObject).where(m.CaldavObject.account_id == row.id))
    session.delete(row)


def pushed_objects(session: Session, account_id: int) -> list[m.CaldavObject]:
    return list(session.scalars(select(m.CaldavObject).where(m.CaldavObject.account_id == account_id)))
