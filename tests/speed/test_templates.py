"""Compiled Jinja2 templates kept in the cache folder (tracker.speed.templates, issue #16)."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from tracker.speed.templates import template_cache

OPTIONS = {"autoescape": True, "trim_blocks": True}


def _render(cache_dir, options=OPTIONS) -> str:
    env = Environment(
        loader=DictLoader({"page.html": "<p>{{ text }}</p>\n"}),
        bytecode_cache=template_cache(cache_dir, options),
        **options,
    )
    return env.get_template("page.html").render(text="<&>")


def test_a_template_compiled_once_is_loaded_back_by_the_next_environment(tmp_path, monkeypatch):
    assert _render(tmp_path) == "<p>&lt;&amp;&gt;</p>"
    assert len(list((tmp_path / "templates").iterdir())) == 1
    monkeypatch.setattr(Environment, "compile", lambda *_args, **_kwargs: pytest.fail("compiled again"))
    assert _render(tmp_path) == "<p>&lt;&amp;&gt;</p>"


def test_environments_of_other_options_keep_their_own_templates(tmp_path):
    _render(tmp_path)
    assert _render(tmp_path, {**OPTIONS, "autoescape": False}) == "<p><&></p>"
    assert len(list((tmp_path / "templates").iterdir())) == 2


def test_a_folder_that_cannot_be_written_only_means_compiling_each_time(tmp_path):
    (tmp_path / "templates").write_text("not a folder")
    assert _render(tmp_path) == _render(tmp_path) == "<p>&lt;&amp;&gt;</p>"
    assert _render(None) == "<p>&lt;&amp;&gt;</p>"
