"""The `financials` console script."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from app import __version__
from app.cli import cli

runner = CliRunner()


def test_version_prints_the_installed_version() -> None:
    result = runner.invoke(cli, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == __version__


def test_settings_prints_effective_settings_as_json() -> None:
    result = runner.invoke(cli, ["settings"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed["env"] == "test"
    assert printed["data_dir"].endswith("data")


def test_unknown_command_is_refused_with_usage() -> None:
    result = runner.invoke(cli, ["frobnicate"])
    assert result.exit_code != 0
    assert "No such command" in result.output
