"""Every command has help text with an example (its docstring)."""

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from tracker.cli import app


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, prefix + (name,))
        else:
            yield prefix + (name,)


@pytest.mark.parametrize("path", sorted(_commands(get_command(app))), ids=" ".join)
def test_every_command_has_help_with_example(path):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout, f"`tracker {' '.join(path)}` help has no example"
