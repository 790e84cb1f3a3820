"""Idle connections cannot stop the feed server (issue #17, point 10), on a real server on 127.0.0.1.

Before: about 110 idle connections reached waitress's connection limit and
/healthz was no longer answered. Now one address holds at most `per_client`
connections, the total is bounded, idle ones are closed. The idle clients
connect from 127.0.0.2 (Linux routes all of 127/8 to loopback), the health
check from 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading

import pytest

from tracker import limits
from tracker.server.connections import create_bounded_server
from tracker.server.feed import FeedApp

IDLE_CLIENTS = 110


@pytest.fixture
def server(engine, server_log):
    app = FeedApp(engine, today=lambda: dt.date(2017, 6, 1), logger=server_log[0], check_interval=0)
    bounded = create_bounded_server(app, host="127.0.0.1", port=0, threads=2)
    stop = threading.Event()

    def serve() -> None:  # `run()` with a way out: the sockets are closed only once the loop has stopped
        while not stop.is_set():
            bounded.asyncore.loop(timeout=0.05, map=bounded._map, count=1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield bounded
    stop.set()
    thread.join(timeout=10)
    bounded.asyncore.close_all(bounded._map)
    bounded.task_dispatcher.shutdown()


def _idle_connection(port: int, source: str = "127.0.0.2") -> socket.socket:
    connection = socket.socket()
    connection.bind((source, 0))
    connection.connect(("127.0.0.1", port))
    return connection


def _health(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as probe:
        probe.sendall(b"GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        reply = b""
        while chunk := probe.recv(4096):
            reply += chunk
    return reply


def test_health_is_answered_with_110_idle_connections_open(server):
    port = int(server.effective_port)
    idle = [_idle_connection(port) for _ in range(IDLE_CLIENTS)]
    try:
        reply = _health(port)  # before: timed out, the connection limit was reached
        assert reply.startswith(b"HTTP/1.0 200") and reply.endswith(b"ok\n")
        # The ones beyond the per-client bound were closed at once: reading them gives EOF.
        closed = 0
        for connection in idle:
            connection.settimeout(0.05)
            try:
                closed += connection.recv(1) == b""
            except TimeoutError:
                pass
            except ConnectionResetError:
                closed += 1
        assert closed == IDLE_CLIENTS - limits.SERVER_MAX_CONNECTIONS_PER_CLIENT
        assert server.refused == closed
    finally:
        for connection in idle:
            connection.close()


def test_the_limits_reach_waitress(server):
    assert server.adj.connection_limit == limits.SERVER_MAX_CONNECTIONS
    assert server.adj.channel_timeout == limits.SERVER_IDLE_SECONDS
    assert server.per_client == limits.SERVER_MAX_CONNECTIONS_PER_CLIENT
