"""Golden files: tests/extraction/golden/<case>.txt beside <case>.json (the tracker.extract/1 object).

Texts are our own words. Regenerate with `REGENERATE_GOLDEN=1 pytest tests/extraction/test_golden.py`
and review the diff before committing.
"""

import json
import os
from pathlib import Path

import pytest

from tracker.exporters.extract_json import extraction_to_json
from tracker.extraction import decode_document, extract

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case):
    document = decode_document(case.read_bytes(), case.name)[0]
    record = extraction_to_json(extract(document.text, document.published), document.sha256)
    expected = case.with_suffix(".json")
    if os.environ.get("REGENERATE_GOLDEN") or not expected.exists():
        expected.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert record == json.loads(expected.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_evidence_offsets_index_the_text(case):
    text = case.read_text(encoding="utf-8")
    extraction = extract(text)
    for item in [*extraction.meetings, *extraction.commitments]:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text
