"""The step many CLI tests share: a meeting of Belarus and Serbia in Minsk, the kind of meeting that
fulfils the seed's item (the next round of consultations in Minsk in 2017)."""

from __future__ import annotations


def add_minsk_meeting(run, *extra: str, start: str = "2017-05-10", kind: str = "consultations", **options):
    """`tracker meetings add` through `run` (the `cli` fixture or a runner like it); `extra` goes last."""
    return run(
        "meetings", "add", "--start", start, "--kind", kind, "--city", "Minsk", "--party", "BY,RS", *extra,
        **options,
    )  # fmt: skip
