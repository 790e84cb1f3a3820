"""`tracker.speed.json_text.indented`: json.dumps(indent=2)'s text, by orjson (issue #16, bench/bench_report.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tracker.domain.report import ComplianceRecord
from tracker.exporters.report import compliance_to_json
from tracker.speed.json_text import ReprFloat, indented

AWKWARD = "".join(chr(code) for code in range(160)) + '\u2028\u2029\ufeff😀 é "\\ / </script>'


def test_indented_is_the_standard_encoders_text():
    value = {
        "text": AWKWARD,
        "nested": [
            AWKWARD,
            {},
            [],
            {"none": None, "yes": True, "no": False, "big": 2**63 - 1, "negative": -3},
        ],
        "": 0,
        "deep": {"deeper": {"deepest": [[], [{}]]}},
        "floats": [
            ReprFloat(x) for x in (5e-05, 2.5e-07, 1e16, 1e22, -0.0, 0.1, 1 / 3, -2 / 3, 1.0, 123456789.125)
        ],
    }
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_json_cannot_write_is_refused():
    with pytest.raises(TypeError):
        indented({"other": object()})


def test_the_compliance_records_rates_are_written_as_json_writes_them():
    """One on-time item of 20,001 assessed: json writes 4.999750012499375e-05, orjson alone 0.00004999750012499375."""
    record = ComplianceRecord("BY", "Belarus", made=20_001, fulfilled_on_time=1, overdue=20_000)
    data = compliance_to_json([record], today=dt.date(2017, 3, 13), since=None)
    assert indented(data) == json.dumps(data, ensure_ascii=False, indent=2)
    assert "4.999750012499375e-05" in indented(data)
