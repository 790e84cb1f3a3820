"""Servers the tests and benchmarks start on 127.0.0.1: a free port, and a Radicale CalDAV server.

Imported as `local_servers` (tests/ is on the path through its conftest; bench/ adds it).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["free_port", "start_radicale"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_radicale(
    folder: Path, user: str, password: str, *, wait: float = 30
) -> tuple[subprocess.Popen, str]:
    """Radicale in a subprocess (htpasswd with a plain password, storage under `folder`), answering.

    Returns the process and its base URL; raises RuntimeError when it does not answer within `wait` s.
    """
    import httpx

    (folder / "users").write_text(f"{user}:{password}\n")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(folder / "storage"),
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(folder / "users"),
            "--auth-htpasswd-encryption",
            "plain",
            "--logging-level",
            "error",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    while True:
        try:
            httpx.get(base + "/", timeout=1)
            return process, base
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.terminate()
                raise RuntimeError("Radicale did not start") from None
            time.sleep(0.1)
