"""Every YAML file in the repository passes yamllint with the repository's .yamllint.yaml."""

from __future__ import annotations

from tests.infra.conftest import run, tool


def test_yaml_files_pass_yamllint() -> None:
    result = run([tool("yamllint"), "--strict", "-f", "parsable", "."])
    assert result.returncode == 0, f"yamllint found problems:\n{result.stdout}{result.stderr}"
