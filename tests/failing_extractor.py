"""An extractor with a bug met on some texts: what ingest and poll do when extraction fails on one."""

import tracker.services.ingest as ingest


def fail_extraction_on(monkeypatch, marker: str) -> None:
    """For this test, extraction raises KeyError('a bug') on every text that contains `marker`."""
    read = ingest.extract

    def extract(text, published=None):
        if marker in text:
            raise KeyError("a bug")
        return read(text, published)

    monkeypatch.setattr(ingest, "extract", extract)
