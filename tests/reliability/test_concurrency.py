"""Four processes ingest overlapping folders into one database at once (issue #7).

None may fail ("database is locked" included), nothing may be stored twice, and
the result must hold what one process ingesting the union stores.
"""

from __future__ import annotations

import json
import multiprocessing

import pytest

from .docgen import write_corpus
from .helpers import (
    canonical_state,
    count_entities,
    integrity_problems,
    run_tracker,
    start_tracker,
)

PROCESSES = 4
SHARED = range(0, 12)  # in every folder
PAIRWISE = 6


def _folder_indexes(position: int) -> list[int]:
    """The shared documents, a block shared with each neighbour folder, and a block of its own."""
    own = range(1000 + 100 * position, 1000 + 100 * position + PAIRWISE)
    with_next = range(500 + 100 * position, 500 + 100 * position + PAIRWISE)
    previous = (position - 1) % PROCESSES
    with_previous = range(500 + 100 * previous, 500 + 100 * previous + PAIRWISE)
    return sorted({*SHARED, *own, *with_next, *with_previous})


def test_four_processes_ingest_overlapping_folders(tmp_path, make_db_url, engine_name):
    folders = []
    for position in range(PROCESSES):
        folder = tmp_path / f"folder-{position}"
        write_corpus(folder, _folder_indexes(position))
        folders.append(folder)
    union = sorted({i for position in range(PROCESSES) for i in _folder_indexes(position)})

    shared_url = make_db_url(engine_name)  # empty: the four processes also race to create the schema
    processes = [start_tracker(shared_url, "ingest", folder, "--json") for folder in folders]
    outcomes = [(p.wait(timeout=240), *p.communicate()) for p in processes]
    for code, _stdout, stderr in outcomes:
        assert code == 0, stderr
        assert stderr == "", stderr
    summaries = [json.loads(stdout) for _, stdout, _ in outcomes]
    assert sum(s["added"] for s in summaries) == len(union)  # each text added by exactly one process

    single_url = make_db_url(engine_name)
    alone = run_tracker(single_url, "ingest", *folders, "--json")
    assert alone.returncode == 0, alone.stderr
    assert json.loads(alone.stdout)["added"] == len(union)

    assert integrity_problems(shared_url) == []
    assert count_entities(shared_url) == count_entities(single_url)
    concurrent, sequential = canonical_state(shared_url), canonical_state(single_url)
    # Which folder's copy of a shared text won decides its `source`; all else must agree.
    assert concurrent["documents"].keys() == sequential["documents"].keys()
    assert concurrent["meetings"].keys() == sequential["meetings"].keys()
    assert concurrent["commitments"].keys() == sequential["commitments"].keys()


def _first_use(db_url, barrier):
    from tracker.storage.db import ensure_schema, make_engine

    engine = make_engine(db_url)
    barrier.wait()
    ensure_schema(engine)
    engine.dispose()


def test_first_commands_on_an_empty_database_take_turns_creating_the_schema(make_db_url, engine_name):
    """Regression (#7): on PostgreSQL four first commands at once failed with a duplicate CREATE TABLE."""
    url = make_db_url(engine_name)
    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(PROCESSES)
    workers = [spawn.Process(target=_first_use, args=(url, barrier)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    assert integrity_problems(url) == []


@pytest.mark.parametrize("readers", [2])
def test_reads_while_ingesting_do_not_fail(tmp_path, make_db_url, engine_name, readers):
    """A list command during an ingest waits for its turn instead of failing with 'database is locked'."""
    folder = tmp_path / "corpus"
    write_corpus(folder, range(40))
    url = make_db_url(engine_name)
    assert run_tracker(url, "items", "list").returncode == 0
    writer = start_tracker(url, "ingest", folder)
    listed = [run_tracker(url, "items", "list", "--json") for _ in range(readers)]
    assert writer.wait(timeout=240) == 0, writer.communicate()[1]
    for result in listed:
        assert result.returncode == 0, result.stderr
        json.loads(result.stdout)


def test_extraction_runs_before_the_write_transaction(engine, monkeypatch):
    """Regression (#7): on SQLite the first query takes the write lock (BEGIN IMMEDIATE); a long
    extraction inside it made every other process wait, past the busy timeout for big texts."""
    import datetime as dt

    from sqlalchemy.orm import Session

    from tracker.extraction import decode_document
    from tracker.services import ingest

    from .docgen import press_release

    [document] = decode_document(press_release(5).encode(), "release.txt")
    seen = []
    real = ingest.extract_document
    with Session(engine) as session:

        def spying(doc):
            seen.append(session.in_transaction())
            return real(doc)

        monkeypatch.setattr(ingest, "extract_document", spying)
        result = ingest.ingest_document(session, document, at=dt.datetime(2017, 6, 1, tzinfo=dt.UTC))
        session.commit()
    assert result.added and seen == [False]
