"""`tracker.cli.output`: JSON texts written in batches keep the one layout of every `--json` (issue #16)."""

from __future__ import annotations

import io
import json

from tracker.cli.output import JsonTextBatches, JsonTexts, write_json


def _written(value) -> str:
    buffer = io.StringIO()
    write_json(value, buffer)
    return buffer.getvalue()


def test_batches_are_written_as_one_list_one_text_a_line():
    texts = ['{"id":1}', '{"id":2,"title":"é"}', '{"id":3}']
    batched = _written({"items": JsonTextBatches(iter([texts[:2], [], texts[2:]])), "n": 3})
    assert batched == _written({"items": JsonTexts(texts), "n": 3})
    assert (
        batched
        == '{\n  "items": [\n    {"id":1},\n    {"id":2,"title":"é"},\n    {"id":3}\n  ],\n  "n": 3\n}\n'
    )
    assert json.loads(batched)["items"] == [json.loads(text) for text in texts]


def test_no_batches_or_empty_ones_are_an_empty_list():
    assert _written(JsonTextBatches(iter([]))) == "[]\n"
    assert _written(JsonTextBatches(iter([[], []]))) == "[]\n"
    assert _written({"items": JsonTextBatches(iter([]))}) == '{\n  "items": []\n}\n'
