"""Fixtures of the report tests: a small fixed desk database, and the --regen-golden option.

The desk database is built through the storage and tracking services (never raw
SQL) with every instant given, so that a report on it is the same on every run
and on both engines. Extraction and automatic fulfilment are left out on purpose:
the golden reports must change only when the report does.

Regenerate the golden reports after a deliberate change, then review the diff:

    .venv/bin/python -m pytest tests/reports --regen-golden
"""

from __future__ import annotations

import pytest
from report_desk import build_desk
from sqlalchemy.orm import Session

from tracker.storage.db import make_engine, upgrade


def pytest_addoption(parser):
    try:
        parser.addoption(
            "--regen-golden",
            action="store_true",
            default=False,
            help="rewrite the golden files of tests/golden/report instead of comparing with them",
        )
    except ValueError:  # another conftest of the run already declares it
        pass


@pytest.fixture
def regen_golden(request) -> bool:
    return bool(request.config.getoption("--regen-golden", default=False))


@pytest.fixture
def desk_db(db_url) -> dict[str, int]:
    """The desk database at `db_url` (so the `cli` fixture reads it); returns the ids by short name."""
    engine = make_engine(db_url)
    upgrade(engine)
    with Session(engine) as session:
        ids = build_desk(session)
        session.commit()
    engine.dispose()
    return ids
