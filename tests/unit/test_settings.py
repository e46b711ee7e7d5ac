"""Settings: embedded defaults, environment overrides, clear errors, and documented variables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.config import Settings
from tests.conftest import REPO_ROOT


def test_defaults_are_the_embedded_offline_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINANCIALS_DATA_DIR")
    monkeypatch.delenv("FINANCIALS_ENV")
    settings = Settings(_env_file=None)
    assert settings.env == "development"
    assert settings.data_dir == Path(".data")
    assert not settings.json_logs


def test_environment_variables_override_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    monkeypatch.setenv("FINANCIALS_LOG_LEVEL", "WARNING")
    settings = Settings(_env_file=None)
    assert settings.is_production
    assert settings.log_level == "WARNING"
    assert settings.json_logs, "production logs default to JSON for log shippers"


def test_log_format_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_LOG_FORMAT", "json")
    assert Settings(_env_file=None).json_logs


def test_bad_value_names_the_setting_and_what_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_ENV", "staging-ish")
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    message = str(caught.value)
    assert "env" in message
    assert "'development', 'test' or 'production'" in message


def test_dotenv_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINANCIALS_ENV")
    env_file = tmp_path / ".env"
    env_file.write_text("FINANCIALS_ENV=production\n")
    assert Settings(_env_file=env_file).env == "production"


def _documented_variables() -> dict[str, str]:
    """`NAME=value` lines of .env.example, commented out or not."""
    text = (REPO_ROOT / ".env.example").read_text()
    return dict(re.findall(r"^#?\s*(FINANCIALS_[A-Z0-9_]+)=(.*)$", text, flags=re.MULTILINE))


def test_env_example_documents_every_setting_with_its_default() -> None:
    documented = _documented_variables()
    fields = Settings.model_fields
    expected = {f"FINANCIALS_{name.upper()}" for name in fields}
    assert set(documented) == expected, "keep .env.example in step with Settings"
    for name, field in fields.items():
        default = field.get_default(call_default_factory=True)
        shown = "" if default is None else str(default)
        assert documented[f"FINANCIALS_{name.upper()}"].strip() == shown, name


def test_readme_configuration_table_lists_every_setting() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    for name in Settings.model_fields:
        assert f"`FINANCIALS_{name.upper()}`" in readme, name
