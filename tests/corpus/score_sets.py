"""`make score`: the team's scorer on the dev corpus and on every set under tests/corpus, in one process.

    python tests/corpus/score_sets.py ../shared

The scorer (SHARED/extraction/score.py) starts one `tracker extract` process per document, a second of
start-up each: 700 documents, ten minutes. Here its run_extractor is answered in this process through
the same CLI app, which prints the same JSON (tests/extraction/test_dev_corpus.py runs one document both
ways). A set whose README still says "## Held out" is marked so: score it only in aggregate.
"""

import contextlib
import importlib.util
import io
import json
import re
import sys
from pathlib import Path

from typer.testing import CliRunner

from tracker.cli import app

SETS = Path(__file__).parent


def load_scorer(shared: Path):
    """The scorer module of the team's shared folder."""
    spec = importlib.util.spec_from_file_location("tracker_shared_score", shared / "extraction" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {shared / 'extraction' / 'score.py'}")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    scorer.run_extractor = run_in_process
    return scorer


def extract_args(txt: Path, published: str | None) -> list[str]:
    return ["extract", str(txt)] + (["--published", published] if published else []) + ["--json"]


def run_in_process(_cmd: list[str], txt: Path, published: str | None, _timeout: float):
    """The scorer's run_extractor, answering as `tracker extract` would without a new process."""
    result = CliRunner().invoke(app, extract_args(txt, published))
    if result.exit_code != 0:
        return None, f"exit {result.exit_code}: {result.stderr.strip()[:200]}"
    return json.loads(result.stdout), None


def score(scorer, corpus: Path) -> tuple[int, list[str]]:
    """The scorer's exit status and printed lines for one corpus (one job: the CLI runner swaps
    sys.stdout, so extractions must not overlap)."""
    printed = io.StringIO()
    argv = sys.argv
    sys.argv = ["score.py", "--corpus", str(corpus), "--jobs", "1"]
    try:
        with contextlib.redirect_stdout(printed):
            status = scorer.main()
    finally:
        sys.argv = argv
    return status, printed.getvalue().splitlines()


def figures(lines: list[str]) -> dict[str, float]:
    """exact_f1, commitments_f1, meetings_f1 and failures from the scorer's last line."""
    return {name: float(value) for name, value in re.findall(r"(\w+)=([\d.]+)", lines[-1])}


def in_repo_sets() -> list[Path]:
    """tests/corpus/blind, blind2, blind3 ... in the order they were written."""
    found = [p for p in SETS.glob("blind*") if p.is_dir()]
    return sorted(found, key=lambda p: int(p.name.removeprefix("blind") or 1))


def held_out(corpus: Path) -> bool:
    readme = corpus / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    return "\n## Held out" in text and "No longer held out" not in text


def main() -> int:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
    scorer = load_scorer(shared)
    for corpus in [shared / "corpus" / "dev", *in_repo_sets()]:
        name = "dev" if corpus.name == "dev" else corpus.name
        print(f"== {name} ({corpus}{', held out' if held_out(corpus) else ''})", flush=True)
        _, lines = score(scorer, corpus)
        print("\n".join(lines[-4:]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
