"""A process that has imported `tracker.cli` and forks a child for each command run (tests/cli/test_startup.py).

Every `tracker` process starts with `from tracker.cli import main`; this one does it once and then, per
request, forks: the child runs `main()` with its own arguments, environment and output files, exactly as
a fresh interpreter would after that import, and records the modules loaded by the end. That saves an
interpreter start and tracker.cli's imports per run. The first line written is the modules loaded
before any command, which the tests compare with a fresh `tracker --help`.

Protocol, one JSON document per line: a request on stdin {"args", "env", "folder", "timeout_s"}; the
answer on stdout {"exit_status"}; the child writes stdout, stderr and modules.json into `folder`.
"""

import json  # loaded by tracker.cli anyway, as are os, signal and sys
import os
import signal
import sys

from tracker.cli import main


def _answer(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _serve() -> dict | None:
    """Answer requests until stdin closes (None); in a forked child, return the request it must run."""
    _answer({"modules": sorted(sys.modules)})
    while line := sys.stdin.readline():
        request = json.loads(line)
        child = os.fork()
        if child == 0:
            return request
        _, status = os.waitpid(child, 0)
        _answer({"exit_status": os.waitstatus_to_exitcode(status)})
    return None


def _run(request: dict) -> None:
    """In the child: become `tracker ARGS` with the request's environment and output files, and run it."""
    signal.alarm(request["timeout_s"])  # a hung command dies (SIGALRM) instead of hanging the test run
    os.environ.clear()
    os.environ.update(request["env"])
    folder = request["folder"]
    for fd, path, flags in (
        (0, os.devnull, os.O_RDONLY),
        (1, os.path.join(folder, "stdout"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, os.path.join(folder, "stderr"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.argv = ["tracker", *request["args"]]
    try:
        main()
        code: object = 0
    except SystemExit as exit_:
        code = exit_.code
    with open(os.path.join(folder, "modules.json"), "w") as modules:
        json.dump(sorted(sys.modules), modules)
    sys.exit(code)  # the interpreter ends as the command's own process would (flushes, atexit)


if __name__ == "__main__":
    todo = _serve()
    if todo is not None:
        _run(todo)
