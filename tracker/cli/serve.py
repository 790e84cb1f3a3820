"""`tracker serve`: the read-only HTTP server for calendar feeds (waitress)."""

from __future__ import annotations

import ipaddress
import logging
import signal
import sys
from urllib.parse import urlsplit

import typer

from tracker import limits
from tracker.cli.app import app, get_context

__all__ = ["serve"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _base_url_port(base_url: str) -> int | None:
    """The port of feed_base_url when it names this machine (loopback), else None."""
    try:
        parts = urlsplit(base_url)
        if not _is_loopback(parts.hostname or ""):
            return None
        return parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        return None


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind; loopback unless you mean to publish."
    ),
    port: int | None = typer.Option(
        None,
        "--port",
        help="TCP port [default: feed_base_url's when it is on this machine, else 8080].",
        min=0,
        max=65535,
        show_default=False,
    ),
    threads: int = typer.Option(4, "--threads", help="Worker threads.", min=1, max=64),
    max_connections: int = typer.Option(
        limits.SERVER_MAX_CONNECTIONS, "--max-connections", min=1, max=10_000, help="Open connections in all."
    ),
    max_per_client: int = typer.Option(
        limits.SERVER_MAX_CONNECTIONS_PER_CLIENT,
        "--max-per-client",
        min=1,
        max=10_000,
        help="Open connections from one address (raise it behind a "
        "reverse proxy, whose connections share one address).",
    ),
) -> None:
    """Serve the calendar feeds made with `tracker calendars add` until stopped (Ctrl-C or SIGTERM).

    GET/HEAD /feeds/<token>.ics answers the calendar (ETag, Last-Modified, gzip,
    304 on conditional requests); /healthz answers "ok" when the database does.
    Requests are logged on stderr with the feed's name, never its token.
    Connections are bounded in all and per client address, and one idle for
    30 seconds is closed, so idle clients cannot stop the server answering.
    It speaks plain HTTP: to publish it, put a TLS-terminating reverse proxy in front.

    Example: tracker serve --host 127.0.0.1 --port 8080
    """
    from tracker.server.connections import create_bounded_server
    from tracker.server.feed import FeedApp

    app_ctx = get_context(ctx)
    # One home for the port: the URLs `feeds add` prints start with feed_base_url, so when that names this
    # machine, serve listens on its port (behind a proxy, the public URL says nothing of the local port).
    base_port = _base_url_port(app_ctx.settings.feed_base_url)
    if port is None:
        port = base_port if base_port is not None else 8080
    elif base_port is not None and port != base_port:
        typer.echo(
            f"tracker: warning: feed URLs use port {base_port} (feed_base_url) but this serves {port}; "
            "set TRACKER_FEED_BASE_URL to match",
            err=True,
        )
    engine = app_ctx.engine(create=False)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    for name in ("tracker.server", "waitress"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
        logger.propagate = False
    if not _is_loopback(host):
        typer.echo(
            f"tracker: warning: binding {host}, reachable from other machines; put TLS in front of it",
            err=True,
        )
    feed_app = FeedApp(engine, today=lambda: app_ctx.today, due_soon_days=app_ctx.settings.due_soon_days)
    server = create_bounded_server(
        feed_app,
        host=host,
        port=port,
        threads=threads,
        max_connections=max_connections,
        per_client=max_per_client,
    )
    typer.echo(f"tracker: serving feeds on http://{host}:{server.effective_port}/ (Ctrl-C stops)", err=True)
    # SIGTERM (what systemd and `kill` send) stops it as Ctrl-C does: waitress's loop ends on
    # KeyboardInterrupt and its threads are shut down; otherwise the process died mid-request.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
