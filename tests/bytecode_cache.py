"""Compiled modules kept for the length of a test run where the environment says not to write them.

With PYTHONDONTWRITEBYTECODE set (as on the team's machines and in CI), every Python process compiles
each module it imports from its source: about 1 s of CPU for SQLAlchemy alone, in each of the hundreds
of `tracker` processes the tests start, half or more of what most of them cost. So a run that meets
the setting gets a folder of its own for compiled modules (PYTHONPYCACHEPREFIX), removed when the run
ends: nothing is written beside the sources, as the setting asks, and each module is compiled once
per run instead of once per process. Where the setting is absent Python caches as usual, and this
does nothing.

tests/conftest.py imports this module before anything else, so that this process's own imports, the
pytest-xdist workers (which inherit the environment) and every process a test starts all use it.
"""

import atexit
import os
import shutil
import sys
import tempfile

__all__: list[str] = []


def _cache_for_this_run() -> None:
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return
    folder = tempfile.mkdtemp(prefix="tracker-tests-pycache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ["PYTHONPYCACHEPREFIX"] = folder
    sys.pycache_prefix = folder
    sys.dont_write_bytecode = False


_cache_for_this_run()
