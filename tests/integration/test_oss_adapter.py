"""OSS specifics: the signature math, private objects, and retries on a loopback bucket."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import oss2
import pytest
from oss2.exceptions import ServerError
from pydantic import SecretStr

from integrations.storage.oss import OssConfig, OssObjectStore
from tests.support.oss_server import RunningOss, loopback_oss, string_to_sign, v1_signature

SIGNED_AT = 1_750_000_000


@pytest.fixture
def oss() -> Iterator[RunningOss]:
    with loopback_oss("charts", "test-id", "test-secret") as running:
        yield running


SECRET = "test-secret"


def _store(endpoint: str, secret: str = SECRET, bucket: str = "charts") -> OssObjectStore:
    auth = oss2.Auth("test-id", secret)
    return OssObjectStore(oss2.Bucket(auth, endpoint, bucket), attempts=3, retry_wait=timedelta(0))


async def test_signed_url_carries_its_expiry_and_the_v1_signature(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("oss2.auth.time.time", lambda: SIGNED_AT)
    store = OssObjectStore.from_config(
        OssConfig(
            endpoint="https://oss-cn-hangzhou.aliyuncs.com",
            bucket="financials-charts",
            access_key_id="test-id",
            access_key_secret=SecretStr("test-secret"),
        )
    )

    url = urlsplit(await store.signed_url("charts/abc/chart.png", timedelta(minutes=10)))

    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert url.scheme == "https"
    assert url.netloc == "financials-charts.oss-cn-hangzhou.aliyuncs.com"
    assert url.path == "/charts/abc/chart.png"
    assert query["OSSAccessKeyId"] == "test-id"
    assert query["Expires"] == str(SIGNED_AT + 600)
    expected = v1_signature(
        "test-secret",
        string_to_sign(
            "GET", "", "", str(SIGNED_AT + 600), {}, "/financials-charts/charts/abc/chart.png"
        ),
    )
    assert query["Signature"] == expected
    assert "test-secret" not in url.geturl()


async def test_objects_are_written_private_with_their_content_type(oss: RunningOss) -> None:
    store = _store(oss.endpoint)
    await store.put("charts/r1/chart.svg", b"<svg/>")

    stored = oss.state.objects["charts/r1/chart.svg"]
    assert stored.acl == "private"
    assert stored.content_type == "image/svg+xml"


async def test_requests_signed_with_a_wrong_secret_are_refused(oss: RunningOss) -> None:
    with pytest.raises(ServerError) as refused:
        await _store(oss.endpoint, secret="not-the-secret").put("charts/r1/chart.png", b"png")

    assert refused.value.status == 403
    assert refused.value.code == "SignatureDoesNotMatch"
    assert oss.state.objects == {}


async def test_a_brief_outage_does_not_lose_the_chart(oss: RunningOss) -> None:
    oss.state.fail_next = 2  # two 503s, then the service is back

    await _store(oss.endpoint).put("charts/r1/chart.png", b"png")

    assert oss.state.objects["charts/r1/chart.png"].data == b"png"
    assert [method for method, _ in oss.state.requests] == ["PUT", "PUT", "PUT"]


async def test_a_lasting_outage_is_reported_not_swallowed(oss: RunningOss) -> None:
    oss.state.fail_next = 10

    with pytest.raises(ServerError) as failed:
        await _store(oss.endpoint).put("charts/r1/chart.png", b"png")

    assert failed.value.status == 503
    assert len(oss.state.requests) == 3, "three attempts, then the error"
