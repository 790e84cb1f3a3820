"""Extraction a chunk ahead in a second process (`tracker ingest FOLDER`, issue #16): the same results as
extracting in turn, stored texts never sent to it, and no worker left behind by a killed ingest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest
from failing_extractor import fail_extraction_on
from reliability.docgen import press_release

from tracker.extraction import TextDocument
from tracker.services.ingest import ingest_documents
from tracker.speed.extract_worker import ExtractionFailed, ExtractWorker
from tracker.storage.db import make_engine, session_scope, upgrade

AT = dt.datetime(2017, 6, 1, 12, 0, tzinfo=dt.UTC)


def _ingest(engine, documents, *, ahead: bool, chunk: int = 7) -> list[dict]:
    results = ingest_documents(
        lambda: session_scope(engine), documents, now=lambda: AT, chunk=chunk, extract_ahead=ahead
    )
    return [dataclasses.asdict(result) for result in results]


def _corpus() -> list[TextDocument]:
    documents = [TextDocument(press_release(i), f"release-{i}.txt") for i in range(20)]
    # A repeat across chunks and one within a chunk, a page title, a date out of range (#17).
    documents.append(TextDocument(press_release(3), "again-3.txt"))
    documents.insert(5, TextDocument(press_release(4), "twice-4.txt"))
    documents.append(TextDocument("Untitled text.", "page.html", title="Page title"))
    documents.append(TextDocument(press_release(30), "far.txt", published=dt.date(9999, 1, 1)))
    return documents


def test_ahead_stores_and_reports_what_extracting_in_turn_does(engine, make_db_url):
    in_turn = make_engine(make_db_url("sqlite"))
    upgrade(in_turn)
    try:
        expected = _ingest(in_turn, _corpus(), ahead=False)
    finally:
        in_turn.dispose()
    got = _ingest(engine, _corpus(), ahead=True)
    assert [r["added"] for r in got].count(False) == 2
    assert got == expected


def test_stored_texts_are_not_extracted_again(engine):
    documents = [TextDocument(press_release(i), f"release-{i}.txt") for i in range(10)]
    _ingest(engine, documents, ahead=True)
    again = _ingest(engine, documents, ahead=True)
    assert [(r["added"], r["extraction"]) for r in again] == [(False, None)] * 10


def test_a_failure_on_one_document_is_raised_with_its_traceback_and_the_worker_goes_on():
    with ExtractWorker() as worker:
        worker.submit(("Minsk, 6 October 2016.", None))
        worker.submit((None, None))
        worker.submit(("Minsk, 6 October 2016.", None))
        assert worker.result().language
        with pytest.raises(ExtractionFailed, match="Traceback") as failed:
            worker.result()
        assert failed.value.summary.startswith(("AttributeError: ", "TypeError: "))
        assert worker.result().language


@pytest.mark.parametrize("ahead", [False, True], ids=["in turn", "ahead"])
def test_a_document_the_extractor_fails_on_is_reported_in_its_place_and_not_stored(
    engine, monkeypatch, ahead
):
    documents = [TextDocument(press_release(i), f"release-{i}.txt") for i in range(4)]
    documents[1] = dataclasses.replace(documents[1], text=documents[1].text + "\nBUG HERE")
    if ahead:  # the worker process runs the real extractor: its answer for the marked text is replaced
        real_result = ExtractWorker.result
        answers = iter(["ok", "fails", "ok", "ok"])

        def result(worker):
            extraction = real_result(worker)
            if next(answers) == "fails":
                raise ExtractionFailed("Traceback (most recent call last):\nKeyError: 'a bug'\n")
            return extraction

        monkeypatch.setattr(ExtractWorker, "result", result)
    else:
        fail_extraction_on(monkeypatch, "BUG HERE")
    got = _ingest(engine, documents, ahead=ahead)
    assert [(r["source"], r["added"], r["failure"] is not None) for r in got] == [
        ("release-0.txt", True, False),
        ("release-1.txt", False, True),
        ("release-2.txt", True, False),
        ("release-3.txt", True, False),
    ]
    assert got[1]["failure"] == (
        "release-1.txt: the extractor failed on this text (KeyError: 'a bug'); not stored; please report it with the file"
    )
    monkeypatch.undo()
    again = _ingest(engine, documents, ahead=ahead)
    assert [r["added"] for r in again] == [False, True, False, False]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_worker_ends_with_a_killed_parent():
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from tracker.speed.extract_worker import ExtractWorker; "
            "w = ExtractWorker(); print(w.pid, flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    worker_pid = int(parent.stdout.readline())
    assert _alive(worker_pid)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 20
    while _alive(worker_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker_pid)


def test_closing_with_results_unread_ends_the_worker_at_once():
    """An ingest that fails midway leaves results unread, more than the pipes hold: closing does not wait."""
    text = press_release(1)
    worker = ExtractWorker()
    for _ in range(300):
        worker.submit((text, None))
    worker.result()
    started = time.monotonic()
    worker.close()
    assert time.monotonic() - started < 4
    assert not _alive(worker.pid)
