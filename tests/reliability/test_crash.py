"""An ingest killed (SIGKILL) at random moments leaves whole documents only, and a re-run completes it (#7).

After each kill the database passes its integrity check, and every document is
there with all its meetings and items or not at all. Running the same ingest
again then reaches exactly the state of one uninterrupted run (compared through
the canonical state, which leaves out ids and instants).
Each ingest process writes one document per transaction, so what a kill can break
is the same whatever the corpus size: 300 documents on SQLite leave each of the
three kills tens of transactions to land in, at a sixth of the CPU 2,000 took
(the reference and the re-run each ingest the whole corpus). PostgreSQL ingests
about 2.5 times slower than SQLite here, so its run uses the first 120.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time

import pytest
from sqlalchemy.engine import make_url

from .docgen import write_corpus
from .helpers import canonical_state, integrity_problems, run_tracker, start_tracker

CORPUS_SIZE = {"sqlite": 300, "postgres": 120}
KILLS = 3
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
def corpora(tmp_path_factory):
    """engine -> (folder, reference run); the references start at once and run beside the crash tests."""
    made = {}
    for engine_name, size in CORPUS_SIZE.items():
        base = tmp_path_factory.mktemp(f"crash-{engine_name}")
        write_corpus(base / "corpus", range(size))
        made[engine_name] = (base / "corpus", _Reference(base / "corpus", base / "reference.db"))
    yield made
    for _, reference in made.values():
        if reference.process.poll() is None:
            reference.process.kill()
            reference.process.wait()


def _stored_documents(db_url: str) -> int:
    """Documents committed so far, read without taking any write lock."""
    url = make_url(db_url)
    try:
        if url.drivername.startswith("sqlite"):
            with sqlite3.connect(f"file:{url.database}?mode=ro", uri=True, timeout=5) as connection:
                return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        import psycopg

        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(plain, connect_timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except Exception:  # no file or no schema yet: nothing stored
        return 0


def _kill_when(process, db_url: str, target: int, extra_delay_s: float) -> bool:
    """SIGKILL `process` once `target` documents are stored (plus a small delay); False when it ended first."""
    while process.poll() is None:
        if _stored_documents(db_url) >= target:
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


def test_killed_ingest_keeps_whole_documents_and_rerun_completes(corpora, make_db_url, engine_name):
    folder, reference = corpora[engine_name]
    size = CORPUS_SIZE[engine_name]
    rng = random.Random(f"{SEED}-{engine_name}")
    targets = sorted(rng.sample(range(size // 20, size - size // 20), KILLS))
    url = make_db_url(engine_name)

    kills = 0
    for target in targets:
        process = start_tracker(url, "ingest", folder)
        kills += _kill_when(process, url, target, extra_delay_s=rng.uniform(0, 0.03))
        assert integrity_problems(url) == []
        _assert_whole_documents(canonical_state(url), reference.state())
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
