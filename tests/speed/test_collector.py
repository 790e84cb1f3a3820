"""A command runs with the collector tuned (tracker.speed.collector), which bench/remind.py relies on."""

import subprocess
import sys


def test_a_command_freezes_the_imports_and_collects_young_objects_less_often():
    code = (
        "import gc, sys; from tracker.cli import main; sys.argv = ['tracker', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.get_threshold()[0], gc.get_freeze_count() > 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "200000 True"
