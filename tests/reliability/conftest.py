"""Fixtures of the reliability tests (issue #7); the helpers live in helpers.py."""

import pytest


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine_name(request) -> str:
    return request.param
