"""Every command and option is documented: in its help text (with an example) and in the README."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from tidings.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    assert isinstance(cli, click.Group)
    return sorted(cli.commands.items())


def test_each_command_has_an_example_in_its_help() -> None:
    for name, cmd in _commands():
        assert cmd.help and "Example" in cmd.help, f"tidings {name}: no example in its docstring"


def test_each_command_and_option_is_in_the_readme() -> None:
    for name, cmd in _commands():
        assert re.search(rf"tidings {name}\b", README), f"README does not document 'tidings {name}'"
        for param in cmd.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--"):
                        assert opt in README, f"README does not document {opt} of 'tidings {name}'"


def test_help_runs_for_every_command() -> None:
    runner = CliRunner()
    for name, _ in _commands():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
