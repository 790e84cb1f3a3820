"""Idle connections cannot stop the feed server (issue #17, point 10), on a real server on 127.0.0.1.

Before: about 110 idle connections reached waitress's connection limit and
/healthz was no longer answered. Now one address holds at most `per_client`
connections, the total is bounded, idle ones are closed. The idle clients
connect from 127.0.0.2 (Linux routes all of 127/8 to loopback), the health
check from 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import select
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


def _closed_by_the_server(connections: list[socket.socket], settle_s: float = 0.05) -> int:
    """How many of `connections` the server closed (reading gives EOF or a reset), once none more has
    become readable for `settle_s`. One that is left open is never readable (nothing is sent on it): a
    wait of `settle_s` for each of those (20 of them, a second in all) used to be most of the test."""
    readable: set[socket.socket] = set()
    while ready := select.select([c for c in connections if c not in readable], [], [], settle_s)[0]:
        readable.update(ready)
    closed = 0
    for connection in readable:
        try:
            closed += connection.recv(1) == b""
        except ConnectionResetError:
            closed += 1
    return closed


def test_health_is_answered_with_110_idle_connections_open(server):
    port = int(server.effective_port)
    idle = [_idle_connection(port) for _ in range(IDLE_CLIENTS)]
    try:
        reply = _health(port)  # before: timed out, the connection limit was reached
        assert reply.startswith(b"HTTP/1.0 200") and reply.endswith(b"ok\n")
        # The ones beyond the per-client bound were closed at once: reading them gives EOF.
        closed = _closed_by_the_server(idle)
        assert closed == IDLE_CLIENTS - limits.SERVER_MAX_CONNECTIONS_PER_CLIENT
        assert server.refused == closed
    finally:
        for connection in idle:
            connection.close()


def test_the_limits_reach_waitress(server):
    assert server.adj.connection_limit == limits.SERVER_MAX_CONNECTIONS
    assert server.adj.channel_timeout == limits.SERVER_IDLE_SECONDS
    assert server.per_client == limits.SERVER_MAX_CONNECTIONS_PER_CLIENT


def _read_reply(connection: socket.socket) -> tuple[bytes, dict[str, str], bytes]:
    """One HTTP response from a kept-alive connection: status line, headers, body (by Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        assert chunk, f"connection closed after {data!r}"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    status, *lines = head.split(b"\r\n")
    headers = {k.lower(): v.strip() for k, v in (line.decode().split(":", 1) for line in lines)}
    while len(body) < int(headers.get("content-length", "0")):
        body += connection.recv(4096)
    return status, headers, body


def test_a_304_keeps_the_connection_open_for_the_next_poll(server, engine, add_data, make_feed):
    """Issue #13: waitress closed the connection after every 304 (no Content-Length there)."""
    add_data()
    path = f"/feeds/{make_feed()}.ics"
    port = int(server.effective_port)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        status, headers, body = _read_reply(connection)
        assert status == b"HTTP/1.1 200 OK" and b"BEGIN:VCALENDAR" in body
        etag = headers["etag"]
        for _ in range(2):
            connection.sendall(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: {etag}\r\n\r\n".encode()
            )
            status, headers, body = _read_reply(connection)
            assert (status, body) == (b"HTTP/1.1 304 Not Modified", b"")
            assert "connection" not in headers and "content-length" not in headers
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        status, headers, body = _read_reply(connection)
        assert status == b"HTTP/1.1 200 OK" and headers["connection"] == "close"
        assert connection.recv(1) == b""  # closed when the client asked for it
