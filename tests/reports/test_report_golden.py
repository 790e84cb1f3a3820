"""Golden reports: each tests/golden/report/<case>.json names a command run on the desk database;
its output must equal <case>.md (or .txt). Regenerate with `pytest tests/reports --regen-golden`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report"
CASES = sorted(GOLDEN.glob("*.json"))


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_report_matches_golden_file(case, desk_db, cli, regen_golden):
    spec = json.loads(case.read_text(encoding="utf-8"))
    result = cli(*spec["args"], today=spec["today"])
    assert result.exit_code == spec.get("exit_code", 0), result.stderr
    actual = result.stdout if result.exit_code == 0 else result.stderr
    expected_path = case.with_suffix("." + spec.get("output", "md"))
    if regen_golden:
        expected_path.write_text(actual, encoding="utf-8")
        pytest.skip(f"rewrote {expected_path.name}; review the diff")
    assert expected_path.exists(), f"no {expected_path.name}: run pytest tests/reports --regen-golden"
    assert actual == expected_path.read_text(encoding="utf-8")
