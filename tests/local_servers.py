"""Servers the tests and benchmarks start on 127.0.0.1: a free port, Radicale and Xandikos (CalDAV).

Imported as `local_servers` (tests/ is on the path through its conftest; bench/ adds it).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["free_port", "start_radicale", "start_xandikos", "RADICALE_FAST"]

# Radicale settings for speed on a throw-away server: the item cache validated by mtime and size
# instead of a SHA-256 of each file, the htpasswd file read once. (Radicale's fsync switch is
# internal, refused in a config file: put the storage on tmpfs, where fsync costs nothing.)
# bench/sync.py quotes them beside its figures.
RADICALE_FAST = {
    "storage": {"use_mtime_and_size_for_item_cache": "True"},
    "auth": {"htpasswd_cache": "True"},
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(process: subprocess.Popen, base: str, wait: float, name: str) -> None:
    import httpx

    deadline = time.monotonic() + wait
    while True:
        try:
            httpx.get(base + "/", timeout=1)
            return
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.terminate()
                raise RuntimeError(f"{name} did not start") from None
            time.sleep(0.1)


def start_radicale(
    folder: Path,
    user: str,
    password: str,
    *,
    wait: float = 30,
    storage: Path | None = None,
    settings: dict[str, dict[str, str]] | None = None,
    python_path: tuple[str, ...] = (),
) -> tuple[subprocess.Popen, str]:
    """Radicale in a subprocess (htpasswd with a plain password, storage under `folder`), answering.

    `storage` puts the collections elsewhere (a tmpfs folder); `settings` adds config sections
    (e.g. RADICALE_FAST); `python_path` lets it import a storage plugin. Returns the process and its base URL; raises RuntimeError when it does not
    answer within `wait` s.
    """
    (folder / "users").write_text(f"{user}:{password}\n")
    port = free_port()
    sections: dict[str, dict[str, str]] = {
        "server": {"hosts": f"127.0.0.1:{port}"},
        "storage": {"filesystem_folder": str(storage or folder / "storage")},
        "auth": {
            "type": "htpasswd",
            "htpasswd_filename": str(folder / "users"),
            "htpasswd_encryption": "plain",
        },
        "logging": {"level": "error"},
    }
    for section, values in (settings or {}).items():
        sections.setdefault(section, {}).update(values)
    config = folder / "radicale.conf"
    config.write_text(
        "".join(
            f"[{section}]\n" + "".join(f"{key} = {value}\n" for key, value in values.items())
            for section, values in sections.items()
        )
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(python_path)} if python_path else None,
    )
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(process, base, wait, "Radicale")
    return process, base


def start_xandikos(folder: Path, *, wait: float = 30) -> tuple[subprocess.Popen, str]:
    """Xandikos in a subprocess (git-backed storage under `folder`, no authentication), answering.

    Xandikos only does Basic authentication over TLS (it expects a reverse proxy in front), so
    this one takes any client: the tests' credentials are sent and ignored.
    """
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "xandikos",
            "serve",
            "--directory",
            str(folder / "dav"),
            "--state-dir",
            str(folder / "state"),
            "--autocreate",
            "--current-user-principal",
            "/user/",
            "--listen-address",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-detect-systemd",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(process, base, wait, "Xandikos")
    return process, base
