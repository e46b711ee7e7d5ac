"""The credential chain: explicit keys, then RRSA (a real token exchange with a loopback STS),
then the environment's keys; and a clear refusal when none is there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from alibabacloud_credentials.exceptions import CredentialException

from app.config import ConfigurationError, Settings
from app.wiring.persistence import build_persistence
from integrations.credentials import MissingCredentialsError, credential_chain
from integrations.storage.oss import OssConfig, OssObjectStore
from tests.support.log_recorder import LogRecorder
from tests.support.oss_server import loopback_oss
from tests.support.sts_server import RunningSts, StsState, loopback_sts

ROLE = "acs:ram::1234567890:role/financials-prod-backend"
PROVIDER = "acs:ram::1234567890:oidc-provider/ack-rrsa-c123"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.pod-token.signature"


@pytest.fixture
def sts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSts]:
    state = StsState(role_arn=ROLE, oidc_provider_arn=PROVIDER, oidc_token=TOKEN)
    with loopback_sts(state, tmp_path) as running:
        # The package verifies STS's certificate against requests' CA bundle: trust ours.
        monkeypatch.setattr("requests.adapters.DEFAULT_CA_BUNDLE_PATH", str(running.ca_file))
        yield running


def _rrsa_env(tmp_path: Path, sts: RunningSts, token: str = TOKEN) -> dict[str, str]:
    token_file = tmp_path / "token"
    token_file.write_text(token)
    return {
        "ALIBABA_CLOUD_ROLE_ARN": ROLE,
        "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": PROVIDER,
        "ALIBABA_CLOUD_OIDC_TOKEN_FILE": str(token_file),
        "ALIBABA_CLOUD_STS_ENDPOINT": sts.endpoint,
    }


def test_in_the_cluster_the_pod_token_is_exchanged_for_sts_keys(
    tmp_path: Path, sts: RunningSts
) -> None:
    chain = credential_chain(
        service="OSS", access_key_id=None, access_key_secret=None, env=_rrsa_env(tmp_path, sts)
    )

    key = chain.get()

    assert chain.source == "rrsa"
    assert (key.access_key_id, key.security_token) == ("STS.loopback-id", "loopback-security-token")
    assert sts.state.calls[0]["OIDCToken"] == TOKEN
    assert sts.state.calls[0]["RoleSessionName"] == "financials-backend"
    chain.get()
    assert len(sts.state.calls) == 1, "keys are cached until shortly before they expire"


def test_a_token_sts_refuses_fails_with_its_reason(tmp_path: Path, sts: RunningSts) -> None:
    env = _rrsa_env(tmp_path, sts, token="a-stale-token")
    chain = credential_chain(service="OSS", access_key_id=None, access_key_secret=None, env=env)

    with pytest.raises(CredentialException, match=r"AuthenticationFail\.OIDCToken"):
        chain.get()


async def test_oss_signs_with_the_rrsa_keys_and_their_token(
    tmp_path: Path, sts: RunningSts
) -> None:
    chain = credential_chain(
        service="OSS", access_key_id=None, access_key_secret=None, env=_rrsa_env(tmp_path, sts)
    )
    state = sts.state
    with loopback_oss(
        "charts", state.access_key_id, state.access_key_secret, security_token=state.security_token
    ) as oss:
        store = OssObjectStore.from_config(
            OssConfig(endpoint=oss.endpoint, bucket="charts", region="cn-hangzhou"), chain
        )
        await store.put("charts/r1/chart.png", b"png")
        async with httpx.AsyncClient() as browser:
            link = await store.signed_url("charts/r1/chart.png", timedelta(minutes=1))
            response = await browser.get(link)

    assert response.content == b"png"


def _every_link(tmp_path: Path) -> dict[str, str]:
    """A pod that has RRSA and, wrongly, static keys in its environment too."""
    return {
        "ALIBABA_CLOUD_ROLE_ARN": ROLE,
        "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": PROVIDER,
        "ALIBABA_CLOUD_OIDC_TOKEN_FILE": str(tmp_path / "token"),
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "env-id",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret",
    }


def test_explicit_keys_win_over_rrsa_and_the_environment(tmp_path: Path) -> None:
    env = _every_link(tmp_path)
    chain = credential_chain(service="OSS", access_key_id="own", access_key_secret="s", env=env)

    assert chain.source == "settings"
    assert chain.get().access_key_id == "own"


def test_rrsa_wins_over_the_environments_static_keys(tmp_path: Path) -> None:
    env = _every_link(tmp_path)
    chain = credential_chain(service="OSS", access_key_id=None, access_key_secret=None, env=env)

    assert chain.source == "rrsa"


def test_on_a_laptop_the_environments_keys_are_used_with_their_token() -> None:
    env = {
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "env-id",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret",
        "ALIBABA_CLOUD_SECURITY_TOKEN": "env-token",
    }
    chain = credential_chain(service="OSS", access_key_id=None, access_key_secret=None, env=env)

    key = chain.get()
    assert chain.source == "environment"
    assert (key.access_key_id, key.access_key_secret, key.security_token) == (
        "env-id",
        "env-secret",
        "env-token",
    )
    assert "env-secret" not in repr(key)


def test_no_credentials_anywhere_says_what_to_set() -> None:
    with pytest.raises(MissingCredentialsError) as missing:
        credential_chain(service="Tablestore", access_key_id=None, access_key_secret=None, env={})

    message = str(missing.value)
    assert "ALIBABA_CLOUD_OIDC_TOKEN_FILE" in message
    assert "ALIBABA_CLOUD_ACCESS_KEY_ID" in message
    assert "FINANCIALS_TABLESTORE_ACCESS_KEY_ID" in message


def test_the_app_refuses_to_start_a_cloud_service_without_credentials(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {
            "data_dir": tmp_path,
            "oss_endpoint": "https://oss-cn-hangzhou.aliyuncs.com",
            "oss_bucket": "financials-charts",
            "oss_region": "cn-hangzhou",
        }
    )

    with pytest.raises(ConfigurationError, match="OSS is configured but no credentials"):
        build_persistence(settings)


def test_tablestore_and_oss_take_rrsa_keys_from_the_pod(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "token").write_text(TOKEN)
    monkeypatch.setenv("ALIBABA_CLOUD_ROLE_ARN", ROLE)
    monkeypatch.setenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", PROVIDER)
    monkeypatch.setenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE", str(tmp_path / "token"))
    settings = Settings.model_validate(
        {
            "data_dir": tmp_path,
            "tablestore_endpoint": "https://inst.cn-hangzhou.vpc.tablestore.aliyuncs.com",
            "tablestore_instance": "inst",
            "oss_endpoint": "https://oss-cn-hangzhou.aliyuncs.com",
            "oss_bucket": "financials-charts",
            "oss_region": "cn-hangzhou",
        }
    )

    log = LogRecorder()
    monkeypatch.setattr("app.wiring.persistence.log", log)
    persistence = build_persistence(settings)

    assert type(persistence.objects).__name__ == "OssObjectStore"
    assert type(persistence.chat_history).__name__ == "TablestoreChatHistoryStore"
    chosen = {
        f["service"]: f["source"] for _, event, f in log.records if event == "cloud credentials"
    }
    assert chosen == {"OSS": "rrsa", "Tablestore": "rrsa"}
