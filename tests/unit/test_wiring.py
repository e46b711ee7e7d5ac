"""Settings pick the adapters; production refuses what only development may do."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.config import ConfigurationError, Settings
from app.wiring.persistence import build_persistence, database_url


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings.model_validate({"data_dir": tmp_path / "data", **values})


def test_embedded_defaults_keep_everything_under_the_data_folder(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    persistence = build_persistence(settings)

    assert type(persistence.records).__name__ == "SqlAnalysisRepository"
    assert type(persistence.chat_history).__name__ == "SqlChatHistoryStore"
    assert persistence.local_files is persistence.objects
    assert database_url(settings) == f"sqlite:///{(tmp_path / 'data' / 'financials.db')}"


def test_cloud_settings_pick_the_cloud_adapters(tmp_path: Path) -> None:
    persistence = build_persistence(
        _settings(
            tmp_path,
            mongodb_uri="mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100",
            tablestore_endpoint="https://inst.cn-hangzhou.ots.aliyuncs.com",
            tablestore_instance="inst",
            tablestore_access_key_id="id",
            tablestore_access_key_secret="secret",
            oss_endpoint="https://oss-cn-hangzhou.aliyuncs.com",
            oss_bucket="financials-charts",
            oss_region="cn-hangzhou",
            oss_access_key_id="id",
            oss_access_key_secret="secret",
        )
    )

    assert type(persistence.records).__name__ == "MongoAnalysisRepository"
    assert type(persistence.chat_history).__name__ == "TablestoreChatHistoryStore"
    assert type(persistence.objects).__name__ == "OssObjectStore"
    assert persistence.local_files is None, "the files route has nothing to serve"


def test_half_a_cloud_configuration_names_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        _settings(tmp_path, oss_bucket="financials-charts", oss_endpoint="https://oss.example")
    message = str(caught.value)
    assert "also set FINANCIALS_OSS_REGION" in message
    assert "FINANCIALS_OSS_BUCKET" not in message.split("also set")[1]
    assert "ACCESS_KEY" not in message, "keys are optional: RRSA or ALIBABA_CLOUD_* keys"


def test_half_a_key_pair_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="set FINANCIALS_OSS_ACCESS_KEY_SECRET too"):
        _settings(tmp_path, oss_access_key_id="id")


def test_production_refuses_to_start_without_a_signing_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="FINANCIALS_FILES_SIGNING_KEY must be set"):
        build_persistence(_settings(tmp_path, env="production"))
    assert not (tmp_path / "data" / "files-signing.key").exists(), "no key made in production"


def test_a_signing_key_must_be_long(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 32 random characters"):
        _settings(tmp_path, files_signing_key="hunter2")


async def test_links_handed_out_before_a_restart_still_open_after(tmp_path: Path) -> None:
    before = build_persistence(_settings(tmp_path)).local_files
    assert before is not None
    link = await before.signed_url("charts/a/chart.png", timedelta(hours=1))

    after = build_persistence(_settings(tmp_path)).local_files  # same data folder, new process
    assert after is not None
    query = dict(part.split("=") for part in link.split("?")[1].split("&"))
    after.signer.verify("charts/a/chart.png", int(query["expires"]), query["sig"])


def test_empty_variables_count_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_MONGODB_URI", "")
    monkeypatch.setenv("FINANCIALS_OSS_BUCKET", " ")
    settings = Settings(_env_file=None)
    assert settings.mongodb_uri is None
    assert not settings.uses_oss


async def test_image_links_point_at_the_backend_the_frontend_talks_to(tmp_path: Path) -> None:
    from reflex.config import get_config

    objects = build_persistence(_settings(tmp_path)).objects

    link = await objects.signed_url("charts/a/chart.png", timedelta(minutes=5))

    assert link.startswith(f"{get_config().api_url}/api/files/charts/a/chart.png?expires=")
