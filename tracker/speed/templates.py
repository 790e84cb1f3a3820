"""Speed: Jinja2 templates compiled once and kept in tracker's cache folder (issue #16).

Compiling the weekly report's HTML template cost each process about 40 ms, a twentieth of
the report at 100,000 items; Jinja2's own bytecode cache loads it back in 1 ms. Jinja2 keys
each entry by the template's name and a checksum of its source, and refuses bytecode of
another Python; the file names here also carry Jinja2's version and the environment's
options, which shape the compiled code. A folder that cannot be written only means
compiling every time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import FileSystemBytecodeCache

__all__ = ["template_cache"]


class _Cache(FileSystemBytecodeCache):
    """Jinja2's cache of compiled templates in a folder, made when first written; a failed read or write is no error."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache(cache_dir: Path | None, options: dict[str, Any]) -> jinja2.BytecodeCache | None:
    """A cache of the templates of an environment built with `options`, in `cache_dir`/templates (None: none)."""
    if cache_dir is None:
        return None
    shape = sorted((name, getattr(value, "__qualname__", repr(value))) for name, value in options.items())
    key = hashlib.sha256(repr((jinja2.__version__, shape)).encode()).hexdigest()[:16]
    return _Cache(str(cache_dir / "templates"), f"{key}-%s.cache")
