"""Bounded connections for the feed server: in total, per client address, and idle time (issue #17).

waitress bounds connections in total (`connection_limit`) and closes idle ones
(`channel_timeout`), but a single client could take them all, and then nothing,
not even /healthz, was answered. `BoundedServer` also refuses (closes at once)
a connection from an address that already holds `per_client` of them. This is
the one place that relies on waitress internals (`handle_accept`, `accept`,
`active_channels`, `channel_class`, `task_class`, `build_response_header`,
`set_close_on_finish`); tests/server/test_connections.py guards it.
waitress 3.0 also closes the connection after every response without a
Content-Length, 304 included, although a 304 has no body and so a known end
(RFC 9110 §15.4.5): pollers revalidating a feed paid a new TCP connection per
poll. `_KeepAliveTask` keeps such a connection open on HTTP/1.1.
Behind a reverse proxy every connection comes from the proxy: raise `per_client`
(`tracker serve --max-per-client`) or let the proxy enforce its own limits.
"""

from __future__ import annotations

import logging
from typing import cast

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher, WSGITask

from tracker import limits

__all__ = ["BoundedServer", "create_bounded_server"]

_log = logging.getLogger("tracker.server")


class _KeepAliveTask(WSGITask):
    """A WSGI task that does not close an HTTP/1.1 connection after a response that has no body."""

    _bodyless_keep_alive = False

    def build_response_header(self):
        keep = (
            not self.has_body
            and not self.close_on_finish
            and self.version == "1.1"
            and self.request.headers.get("CONNECTION", "").lower() != "close"
        )
        self._bodyless_keep_alive = keep
        try:
            return super().build_response_header()
        finally:
            self._bodyless_keep_alive = False

    def set_close_on_finish(self) -> None:
        # Called by build_response_header only because a 304/204 carries no Content-Length.
        if not self._bodyless_keep_alive:
            super().set_close_on_finish()


class _Channel(HTTPChannel):
    task_class = _KeepAliveTask


class BoundedServer(TcpWSGIServer):
    """A waitress TCP server that refuses a client's connection beyond `per_client` open ones."""

    per_client = limits.SERVER_MAX_CONNECTIONS_PER_CLIENT
    refused = 0
    channel_class = _Channel
    # Set by waitress once bound (the port chosen for port 0); types-waitress leaves it out.
    effective_port: int

    def handle_accept(self):
        try:
            accepted = self.accept()
            if accepted is None:
                return
            connection, address = accepted
            self.set_socket_options(connection)
        except OSError:  # the client left before we got to it (as in waitress's own handle_accept)
            return
        address = self.fix_addr(address)
        host = address[0] if isinstance(address, tuple) else address
        open_ = sum(
            1
            for channel in list(self.active_channels.values())
            if isinstance(channel.addr, tuple) and channel.addr[0] == host
        )
        if open_ >= self.per_client:
            self.refused += 1
            if self.refused & (self.refused - 1) == 0:  # 1st, 2nd, 4th, 8th...: a flood cannot flood the log
                _log.warning(
                    "refused %d connection(s) so far beyond %d per client (latest from %s)",
                    self.refused,
                    self.per_client,
                    host,
                )
            connection.close()
            return
        self.channel_class(self, connection, address, self.adj, map=self._map)


def create_bounded_server(
    application,
    *,
    host: str,
    port: int,
    threads: int,
    max_connections: int = limits.SERVER_MAX_CONNECTIONS,
    per_client: int = limits.SERVER_MAX_CONNECTIONS_PER_CLIENT,
    idle_seconds: int = limits.SERVER_IDLE_SECONDS,
) -> BoundedServer:
    """A started (listening) server for `application` on host:port; `run()` serves until stopped."""
    adjustments = Adjustments(
        host=host,
        port=port,
        threads=threads,
        ident="tracker",
        connection_limit=max_connections,
        channel_timeout=idle_seconds,
        cleanup_interval=max(1, min(30, idle_seconds // 2)),
    )
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(threads)
    # The first address `host` resolves to (waitress would listen on each of them). types-waitress
    # declares `listen` as strings; waitress fills it with getaddrinfo() tuples, which sockinfo takes.
    sockinfo = cast("tuple[int, int, int | None, tuple[str, int]]", adjustments.listen[0])
    server = BoundedServer(
        application, {}, True, None, dispatcher=dispatcher, adj=adjustments, sockinfo=sockinfo
    )
    server.per_client = per_client
    return server
