"""Settings pick the AI adapters: DashScope with a key, the offline pair without."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Settings
from app.wiring.ai import build_ai
from integrations.ai.dashscope_interpreter import DashScopeChartInterpreter
from integrations.ai.dashscope_planner import DashScopeChatPlanner
from integrations.ai.offline_analyst import OfflineChartInterpreter
from integrations.ai.offline_planner import OfflineChatPlanner
from tests.unit.ai.fake_resolver import fake_resolver


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings.model_validate({"data_dir": tmp_path / "data", **values})


def test_without_a_key_both_are_offline(tmp_path: Path) -> None:
    ai = build_ai(_settings(tmp_path))
    assert ai.provider == "offline"
    assert isinstance(ai.interpreter, OfflineChartInterpreter)
    assert isinstance(ai.planner, OfflineChatPlanner)


def test_with_a_key_both_use_dashscope_as_configured(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path,
        dashscope_api_key="sk-test",
        dashscope_base_url="https://dashscope.aliyuncs.com/api/v1",
        vl_model="qwen-vl-max",
        chat_model="qwen-max",
        ai_timeout_seconds=12,
    )
    ai = build_ai(settings, fake_resolver())

    assert ai.provider == "dashscope"
    assert isinstance(ai.interpreter, DashScopeChartInterpreter)
    assert isinstance(ai.planner, DashScopeChatPlanner)
    assert ai.interpreter.model == "qwen-vl-max"
    assert ai.planner.model == "qwen-max"
    assert ai.transport is not None
    config = ai.transport.config
    assert config.base_url == "https://dashscope.aliyuncs.com/api/v1"
    assert config.timeout_seconds == 12
    assert config.api_key.get_secret_value() == "sk-test"
    assert build_ai(settings, offline=True).provider == "offline"


def test_the_key_is_read_under_the_sdks_own_name_too(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(_env_file=None).dashscope_api_key is None
    monkeypatch.setenv("DASHSCOPE_API_KEY", "sk-sdk-name")
    assert _key() == "sk-sdk-name"
    monkeypatch.setenv("FINANCIALS_DASHSCOPE_API_KEY", "sk-ours")
    assert _key() == "sk-ours", "ours wins when both are set"


def _key() -> str | None:
    key = Settings(_env_file=None).dashscope_api_key
    return None if key is None else key.get_secret_value()


def test_an_empty_key_means_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_DASHSCOPE_API_KEY", "")
    assert not Settings(_env_file=None).uses_dashscope


def test_the_key_never_shows_in_the_printed_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY", "sk-secret-value")
    dumped = Settings(_env_file=None).model_dump_json()
    assert "sk-secret-value" not in dumped
