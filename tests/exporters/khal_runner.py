"""khal commands run as forks of one process that has imported khal (issue #17: suite time).

Each `khal` command used to be a fresh interpreter: importing khal and its dependencies costs
about 1.9 s of CPU there (no bytecode is cached on the test machines), and the calendar tests ran
some forty of them. One helper process per test process imports khal once; every command is then
an os.fork() of it, so it still starts from a state where nothing but the imports has run, in the
environment, files and exit code of its own, exactly as a new `khal` process would, for a few
hundredths of a second.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass

__all__ = ["KhalResult", "run_khal"]

# The helper process: imports khal's command line, then for each request (one JSON line on stdin) forks
# a child that runs the command with the request's environment, its stdout and stderr in the request's
# files and stdin empty, and answers the child's exit status (one line on stdout).
_FORK_SERVER = r"""
import json, os, sys, time, traceback
from khal.cli import main_khal

def run(request):
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    sys.argv = ["khal", *request["args"]]
    try:
        main_khal(args=request["args"], prog_name="khal")
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        if not isinstance(stop.code, (int, type(None))):
            print(stop.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return code

for line in sys.stdin:
    request = json.loads(line)
    child = os.fork()
    if child == 0:
        code = 1
        try:
            code = run(request)
        finally:
            os._exit(code)
    _, status = os.waitpid(child, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


@dataclass(frozen=True)
class KhalResult:
    returncode: int
    stdout: str
    stderr: str


class _ForkServer:
    def __init__(self) -> None:
        self.home = tempfile.TemporaryDirectory(prefix="khal-runner-")
        # khal's settings read XDG folders when imported: give it empty ones, as each command's own env does.
        env = {**os.environ, "HOME": self.home.name, "TZ": "UTC"}
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[name] = os.path.join(self.home.name, name.lower())
        self.process = subprocess.Popen(
            [sys.executable, "-c", _FORK_SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,  # its own process group: a hung command is killed with it
        )

    def run(self, args: list[str], env: dict[str, str], timeout: float) -> KhalResult:
        assert self.process.stdin is not None and self.process.stdout is not None
        with tempfile.TemporaryDirectory(dir=self.home.name) as folder:
            stdout, stderr = os.path.join(folder, "stdout"), os.path.join(folder, "stderr")
            request = {"args": args, "env": env, "stdout": stdout, "stderr": stderr}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            if not select.select([self.process.stdout], [], [], timeout)[0]:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
                raise subprocess.TimeoutExpired(["khal", *args], timeout)
            answer = self.process.stdout.readline()
            if not answer:
                raise RuntimeError(f"the khal fork server ended (exit {self.process.wait()})")
            with open(stdout, encoding="utf-8") as out, open(stderr, encoding="utf-8") as err:
                return KhalResult(int(answer), out.read(), err.read())

    def close(self) -> None:
        assert self.process.stdin is not None
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)  # reaped, so its CPU counts in the test run's own
        self.home.cleanup()


_server: _ForkServer | None = None


def run_khal(args: list[str], env: dict[str, str], timeout: float = 120) -> KhalResult:
    """`khal ARGS` with environment `env` (nothing inherited), as a new process would run it.

    Raises subprocess.TimeoutExpired after `timeout` s (the helper process is then killed, and the
    next command starts another)."""
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _ForkServer()
        atexit.register(_server.close)
    return _server.run(args, env, timeout)
