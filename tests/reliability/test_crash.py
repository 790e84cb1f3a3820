"""An ingest killed (SIGKILL) at random moments leaves whole documents only, and a re-run completes it (#7).

After each kill the database passes its integrity check, and every document is
there with all its meetings and items or not at all. Running the same ingest
again then reaches exactly the state of one uninterrupted run (compared through
the canonical state, which leaves out ids and instants).
An ingest writes WRITE_BATCH new documents per transaction, so what a kill can
break is the same whatever the corpus size: 120 documents give twelve
transactions, room for three kills each at least three transactions before the
end, and are still enough for the ingest to extract in its second process
(EXTRACT_AHEAD_THRESHOLD), as it does for users' folders. Both engines ingest
the same folder, so one uninterrupted SQLite run is the reference of both (the
canonical state is the same on either engine).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time

import pytest
from sqlalchemy.engine import make_url

from tracker.cli.documents import EXTRACT_AHEAD_THRESHOLD
from tracker.services.ingest import WRITE_BATCH

from .docgen import write_corpus
from .helpers import canonical_state, integrity_problems, run_tracker, start_tracker

CORPUS_SIZE = 120
KILLS = 3
# A kill comes at most a few tens of milliseconds after its target is stored; the batches left after it
# leave the ingest running that long (no kill may come after the end: the test counts them).
BATCHES_LEFT_AFTER_A_TARGET = 3
SEED = 20161006

# One worker runs the module: its fixture starts both engines' reference ingests at once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("crash")]


class _Reference:
    """One uninterrupted ingest of a folder into a SQLite file, run in the background."""

    def __init__(self, folder, db_path):
        self.url = f"sqlite:///{db_path}"
        self.process = start_tracker(self.url, "ingest", folder)
        self._state = None

    def state(self) -> dict:
        if self._state is None:
            _, stderr = self.process.communicate(timeout=300)
            assert self.process.returncode == 0, stderr
            self._state = canonical_state(self.url)
        return self._state


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(folder, reference run); the reference starts at once and runs beside the crash tests."""
    base = tmp_path_factory.mktemp("crash")
    write_corpus(base / "corpus", range(CORPUS_SIZE))
    reference = _Reference(base / "corpus", base / "reference.db")
    yield base / "corpus", reference
    if reference.process.poll() is None:
        reference.process.kill()
        reference.process.wait()


class _StoredDocuments:
    """Counts the documents committed so far, without taking any write lock; one connection kept
    open on PostgreSQL (a connection per poll made the server start a backend every 20 ms)."""

    def __init__(self, db_url: str):
        self.url = make_url(db_url)
        self._postgres = None

    def count(self) -> int:
        try:
            if self.url.drivername.startswith("sqlite"):
                with sqlite3.connect(f"file:{self.url.database}?mode=ro", uri=True, timeout=5) as connection:
                    return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
            if self._postgres is None:
                import psycopg

                plain = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
                self._postgres = psycopg.connect(plain, connect_timeout=5, autocommit=True)
            return self._postgres.execute("SELECT count(*) FROM documents").fetchone()[0]
        except Exception:  # no file or no table yet: nothing stored
            return 0

    def close(self) -> None:
        if self._postgres is not None:
            self._postgres.close()


def _kill_when(process, stored: _StoredDocuments, target: int, extra_delay_s: float) -> bool:
    """SIGKILL `process` once `target` documents are stored (plus a small delay); False when it ended first."""
    while process.poll() is None:
        if stored.count() >= target:
            time.sleep(extra_delay_s)
            process.send_signal(signal.SIGKILL)
            process.communicate()
            return True
        time.sleep(0.02)
    process.communicate()
    return False


def _assert_whole_documents(partial: dict, complete: dict) -> None:
    """Each stored document has exactly the meetings and items it has after an uninterrupted run."""

    def by_document(state, kind):
        grouped: dict[str, set[str]] = {}
        for uid, row in state[kind].items():
            grouped.setdefault(row["document"], set()).add(uid)
        return grouped

    assert set(partial["documents"]) <= set(complete["documents"])
    for sha, row in partial["documents"].items():
        assert row == complete["documents"][sha]
    for kind in ("meetings", "commitments"):
        stored, expected = by_document(partial, kind), by_document(complete, kind)
        assert set(stored) - {None} <= set(partial["documents"]), f"{kind} of a document that is not stored"
        for sha in partial["documents"]:
            assert stored.get(sha, set()) == expected.get(sha, set()), f"{kind} of {sha[:12]} incomplete"
        for uid in set().union(*stored.values()) if stored else ():
            assert partial[kind][uid]["parties"] == complete[kind][uid]["parties"]


def test_killed_ingest_keeps_whole_documents_and_rerun_completes(corpus, make_db_url, engine_name):
    assert (
        CORPUS_SIZE >= EXTRACT_AHEAD_THRESHOLD
    )  # the kills hit the ingest that extracts in a second process
    folder, reference = corpus
    rng = random.Random(f"{SEED}-{engine_name}")
    # Each kill after a different commit, so that each run writes before it is killed.
    commits = range(1, CORPUS_SIZE // WRITE_BATCH - BATCHES_LEFT_AFTER_A_TARGET)
    targets = [WRITE_BATCH * commit for commit in sorted(rng.sample(commits, KILLS))]
    url = make_db_url(engine_name)
    stored = _StoredDocuments(url)

    kills = 0
    for target in targets:
        process = start_tracker(url, "ingest", folder)
        kills += _kill_when(process, stored, target, extra_delay_s=rng.uniform(0, 0.03))
        assert integrity_problems(url) == []
        _assert_whole_documents(canonical_state(url), reference.state())
    stored.close()
    assert kills == KILLS  # each kill landed while the ingest was still running

    rerun = run_tracker(url, "ingest", folder)
    assert rerun.returncode == 0, rerun.stderr
    assert integrity_problems(url) == []
    assert canonical_state(url) == reference.state()


def test_rerun_skips_stored_texts_without_extracting_them(make_db_url, tmp_path, monkeypatch):
    """A re-run after a crash only pays for what is missing (#7): stored texts are not read again."""
    import json

    from typer.testing import CliRunner

    from tracker.cli import app
    from tracker.services import ingest

    write_corpus(tmp_path / "corpus", range(6))
    url = make_db_url("sqlite")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", url, "ingest", str(tmp_path / "corpus")]).exit_code == 0

    def no_extraction(document):
        raise AssertionError(f"{document.source} extracted again")

    monkeypatch.setattr(ingest, "extract_document", no_extraction)
    again = runner.invoke(
        app, ["--db", url, "ingest", str(tmp_path / "corpus"), "--json"], catch_exceptions=False
    )
    assert again.exit_code == 0
    assert json.loads(again.stdout)["added"] == 0
