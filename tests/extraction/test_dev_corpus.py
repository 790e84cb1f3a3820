"""The issue #3 thresholds on the dev corpus, through the real scorer and the installed command."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "extraction" / "score.py"
CORPUS = SHARED / "corpus" / "dev"


@pytest.mark.slow
@pytest.mark.skipif(not SCORER.exists() or not CORPUS.exists(), reason="shared/ corpus not beside the repository")
def test_dev_corpus_scores_reach_the_thresholds():
    tracker = Path(sys.executable).with_name("tracker")
    command = f"{tracker} extract" if tracker.exists() else f"{sys.executable} -m tracker extract"
    done = subprocess.run([sys.executable, str(SCORER), "--corpus", str(CORPUS), "--cmd", command],
                          capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONUTF8": "1"})
    last = done.stdout.strip().splitlines()[-1]
    figures = dict(re.findall(r"(\w+)=([\d.]+)", last))
    assert float(figures["failures"]) == 0, done.stdout
    assert float(figures["exact_f1"]) >= 0.85, last
    assert float(figures["meetings_f1"]) >= 0.85, last
