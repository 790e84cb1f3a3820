"""Compiled modules kept for the length of a test run where the environment says not to write them.

With PYTHONDONTWRITEBYTECODE set (as on the team's machines and in CI), every Python process compiles
each module it imports from its source: about 1 s of CPU for SQLAlchemy alone, in each of the hundreds
of `tracker` processes the tests start, half or more of what most of them cost. So a run that meets
the setting gets a folder of its own for compiled modules (PYTHONPYCACHEPREFIX), removed when the run
ends: nothing is written beside the sources, as the setting asks, and each module is compiled once
per run instead of once per process. Where the setting is absent Python caches as usual, and this
does nothing.

With a prefix set, Python looks for compiled modules only there, never in the __pycache__ folders
the install wrote (`make setup` compiles the virtualenv's packages and tracker/, and Python's own
library comes compiled). So those are linked into the folder first (some 5,000 files, a tenth of a
second): a fresh folder made each run compile every module it imported again, some 2 s of start-up
for the test process and seconds of CPU over the run. A compiled module whose source changed since
is found out of date by Python as usual (its header records the source's time and size), compiled
again and written to the folder only.

tests/conftest.py imports this module before anything else, so that this process's own imports, the
pytest-xdist workers (which inherit the environment) and every process a test starts all use it.
"""

import atexit
import importlib.util
import os
import shutil
import sys
import sysconfig
import tempfile

__all__: list[str] = []

# Folders of Python's library that no test imports from: not worth a link each.
_UNUSED = {"site-packages", "test", "tests", "idlelib", "tkinter", "turtledemo", "lib2to3", "ensurepip"}


def _cache_for_this_run() -> None:
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return
    folder = tempfile.mkdtemp(prefix="tracker-tests-pycache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ["PYTHONPYCACHEPREFIX"] = folder
    sys.pycache_prefix = folder
    sys.dont_write_bytecode = False
    _link_installed_bytecode()


def _link_installed_bytecode() -> None:
    """Link each compiled module of the install's __pycache__ folders where the prefix makes Python look."""
    roots = {sysconfig.get_path(name) for name in ("stdlib", "purelib", "platlib")}
    tracker = importlib.util.find_spec("tracker")  # finds the package without importing it
    if tracker is not None and tracker.origin:
        roots.add(os.path.dirname(tracker.origin))
    suffix = f".{sys.implementation.cache_tag}.pyc"
    seen: set[str] = set()
    for root in sorted(roots):
        for folder, subfolders, _files in os.walk(root):
            subfolders[:] = [name for name in subfolders if name not in _UNUSED]
            if folder in seen or "__pycache__" not in subfolders:
                continue
            seen.add(folder)
            cached = os.path.join(folder, "__pycache__")
            # Where Python looks for this folder's modules now (the prefix, then the folder's path).
            target = os.path.dirname(importlib.util.cache_from_source(os.path.join(folder, "_.py")))
            for name in os.listdir(cached):
                if name.endswith(suffix):
                    os.makedirs(target, exist_ok=True)
                    try:
                        os.link(os.path.join(cached, name), os.path.join(target, name))
                    except OSError:  # another file system, or no links: Python compiles it as before
                        pass


_cache_for_this_run()
