"""Extraction in a second process, so that `tracker ingest` of a folder uses two cores (issue #16).

The parent sends documents down the child's stdin and reads their extractions back from its stdout,
in order, as length-prefixed pickles (both ends are this module, same interpreter, same code). A
thread writes, so that neither side can block the other on a full pipe. The child exits when its
stdin closes, which the kernel does when the parent dies, even by SIGKILL: no worker outlives an
ingest. Served benchmark: bench/bench_ingest.py; guarded by tests/services/test_ingest_ahead.py and
tests/reliability/test_crash.py.
"""

from __future__ import annotations

import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO, Any

__all__ = ["ExtractWorker", "ExtractWorkerError", "ExtractionFailed"]

_SIZE = struct.Struct("!I")
_STOP = object()


class ExtractWorkerError(RuntimeError):
    """The extraction process died: no later document can be read back."""


class ExtractionFailed(ExtractWorkerError):
    """The extractor raised on one document (its traceback is the message); the process goes on."""

    @property
    def summary(self) -> str:
        """The traceback's last line: the exception and its message."""
        return str(self).strip().splitlines()[-1]


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_SIZE.pack(len(data)) + data)


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_SIZE.size)
    if len(head) < _SIZE.size:
        raise EOFError
    (size,) = _SIZE.unpack(head)
    return pickle.loads(stream.read(size))


class ExtractWorker:
    """One child process extracting the documents `submit`ted as (text, published), results read back in
    order by `result` (`tracker.extraction.extract`'s)."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tracker.speed.extract_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._outbox: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, daemon=True)
        self._writer.start()

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            while (document := self._outbox.get()) is not _STOP:
                _send(stdin, document)
                stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the child died: `result` reports it
        finally:
            try:
                stdin.close()
            except OSError:
                pass

    @property
    def pid(self) -> int:
        return self._process.pid

    def submit(self, document: object) -> None:
        self._outbox.put(document)

    def result(self) -> Any:
        """The extraction of the oldest document submitted and not yet read back."""
        assert self._process.stdout is not None
        try:
            ok, value = _receive(self._process.stdout)
        except EOFError:
            raise ExtractWorkerError(
                f"the extraction process ended early (exit status {self._process.wait()})"
            ) from None
        if not ok:
            raise ExtractionFailed(value)
        return value

    def close(self) -> None:
        """Stop the child: it finishes when its stdin closes; killed if it does not within 5 s."""
        # Its stdout first: a child still writing results nobody reads (the ingest failed midway)
        # then stops on a broken pipe, which frees the writing thread too.
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._outbox.put(_STOP)
        self._writer.join(timeout=5)
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> ExtractWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve(extract: Callable[[Any], Any], stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The child's loop: one result per document until stdin closes."""
    import traceback

    while True:
        try:
            document = _receive(stdin)
        except EOFError:
            return
        try:
            reply: tuple[bool, Any] = (True, extract(document))
        except Exception:
            reply = (False, traceback.format_exc())
        _send(stdout, reply)
        stdout.flush()


if __name__ == "__main__":
    # Only the extractor: the worker starts in a fifth of the time importing the services would take.
    from tracker.extraction import extract

    try:
        serve(lambda document: extract(*document), sys.stdin.buffer, sys.stdout.buffer)
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the parent went away
