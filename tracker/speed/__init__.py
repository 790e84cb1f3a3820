"""Tricks that trade clarity for speed, each in one place (STYLE.md section 10).

- `sql_rows`: items' JSON records built by the database, rows read from the
  DB-API cursor with SQLite's dates fixed up (bench/remind.py).
- `json_text`: JSON texts joined as strings and parsed back with orjson, so that
  100,000s of records are never encoded twice (bench/remind.py); `indented`, a
  document in json.dumps(indent=2)'s layout by orjson (bench/bench_report.py).
- `templates`: compiled Jinja2 templates kept in the cache folder (bench/bench_report.py).
- `ical`: icalendar's private `Component._encode`, cached per value (bench/bench_ics.py, bench/feed.py).
- `collector`: `gc.freeze()` and a slower collector pace for a command's short life (bench/remind.py).
- `extract_worker`: extraction in a child process, a chunk ahead of the ingest's writes (bench/bench_ingest.py).
- `prefilter`: the extractor's regular expressions tried only where a match may begin, or only on
  text holding the words every match holds (`Gated`), and word lists written as tries (`one_of`)
  (bench/extract.py).

docs/performance.md names the benchmark each serves and the test that guards it.
This package imports nothing itself: each module is loaded only by the code that uses it.
"""
