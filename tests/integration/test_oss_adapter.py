"""OSS specifics: Signature V4 (header and link forms), V1 refused, private objects, retries,
all against a loopback bucket that checks signatures independently of oss2."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import httpx
import oss2
import pytest
from oss2.exceptions import ServerError

from integrations.credentials import AccessKey
from integrations.storage.oss import OssConfig, OssObjectStore
from tests.support.oss_server import (
    RunningOss,
    canonical_request,
    loopback_oss,
    v4_signature,
)

SIGNED_AT = datetime(2025, 6, 15, 12, 0, 0, tzinfo=UTC)
REGION = "cn-hangzhou"
SECRET = "test-secret"


class Keys:
    """A credential source with fixed keys, counting how often it is asked."""

    def __init__(self, key_id: str = "test-id", secret: str = SECRET, token: str | None = None):
        self.key = AccessKey(key_id, secret, token)
        self.asked = 0

    @property
    def source(self) -> str:
        return "test"

    def get(self) -> AccessKey:
        self.asked += 1
        return self.key


@pytest.fixture
def oss() -> Iterator[RunningOss]:
    with loopback_oss("charts", "test-id", SECRET, region=REGION) as running:
        yield running


def _store(
    endpoint: str, keys: Keys | None = None, *, region: str = REGION, bucket: str = "charts"
) -> OssObjectStore:
    return OssObjectStore.from_config(
        OssConfig(endpoint=endpoint, bucket=bucket, region=region),
        keys or Keys(),
        attempts=3,
        retry_wait=timedelta(0),
    )


class _FrozenDatetime(datetime):
    @classmethod
    def utcnow(cls) -> datetime:  # type: ignore[override]
        return SIGNED_AT.replace(tzinfo=None)


async def test_signed_url_is_v4_scoped_to_the_region_and_carries_its_expiry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("oss2.auth.datetime", _FrozenDatetime)
    store = _store("https://oss-cn-hangzhou.aliyuncs.com", bucket="financials-charts")

    url = urlsplit(await store.signed_url("charts/abc/chart.png", timedelta(minutes=10)))

    query = dict(parse_qsl(url.query))
    assert url.scheme == "https"
    assert url.netloc == "financials-charts.oss-cn-hangzhou.aliyuncs.com"
    assert url.path == "/charts/abc/chart.png"
    assert query["x-oss-signature-version"] == "OSS4-HMAC-SHA256"
    assert query["x-oss-credential"] == "test-id/20250615/cn-hangzhou/oss/aliyun_v4_request"
    assert query["x-oss-date"] == "20250615T120000Z"
    assert query["x-oss-expires"] == "600"
    assert "Signature" not in query, "no V1 leftovers"
    assert "OSSAccessKeyId" not in query
    signed = {name: value for name, value in query.items() if name != "x-oss-signature"}
    request = canonical_request(
        "GET", "financials-charts", "charts/abc/chart.png", signed, {}, [], "UNSIGNED-PAYLOAD"
    )
    assert query["x-oss-signature"] == v4_signature(SECRET, REGION, "20250615T120000Z", request)
    assert SECRET not in url.geturl()


async def test_upload_and_presigned_get_work_against_the_v4_checking_bucket(
    oss: RunningOss,
) -> None:
    store = _store(oss.endpoint)
    await store.put("charts/r1/chart.png", b"png")

    async with httpx.AsyncClient() as browser:
        link = await store.signed_url("charts/r1/chart.png", timedelta(minutes=1))
        response = await browser.get(link)

    assert response.status_code == 200
    assert response.content == b"png"
    assert await store.get("charts/r1/chart.png") == b"png"


async def test_a_link_past_its_expiry_is_refused(oss: RunningOss) -> None:
    store = _store(oss.endpoint)
    await store.put("charts/r1/chart.png", b"png")
    link = await store.signed_url("charts/r1/chart.png", timedelta(minutes=5))

    oss.state.clock_offset_s = 5 * 60 + 1
    async with httpx.AsyncClient() as browser:
        response = await browser.get(link)

    assert response.status_code == 403
    assert b"<Code>AccessDenied</Code>" in response.content
    assert b"expired" in response.content


async def test_a_v1_signed_request_is_refused_even_with_the_right_keys(oss: RunningOss) -> None:
    v1 = OssObjectStore(
        oss2.Bucket(oss2.Auth("test-id", SECRET), oss.endpoint, "charts"), attempts=1
    )

    with pytest.raises(ServerError) as refused:
        await v1.put("charts/r1/chart.png", b"png")

    assert refused.value.status == 403
    assert refused.value.code == "AccessDenied"
    assert "version 1" in refused.value.message
    assert oss.state.objects == {}
    await _store(oss.endpoint).put("charts/r1/chart.png", b"png")
    async with httpx.AsyncClient() as browser:
        v1_link = await v1.signed_url("charts/r1/chart.png", timedelta(minutes=5))
        response = await browser.get(v1_link)
    assert response.status_code == 403
    assert b"version 1" in response.content


async def test_requests_signed_with_a_wrong_secret_are_refused(oss: RunningOss) -> None:
    with pytest.raises(ServerError) as refused:
        await _store(oss.endpoint, Keys(secret="not-the-secret")).put("charts/r1/a.png", b"png")

    assert refused.value.status == 403
    assert refused.value.code == "SignatureDoesNotMatch"
    assert oss.state.objects == {}


async def test_requests_scoped_to_another_region_are_refused(oss: RunningOss) -> None:
    with pytest.raises(ServerError) as refused:
        await _store(oss.endpoint, region="cn-shanghai").put("charts/r1/a.png", b"png")

    assert refused.value.status == 403
    assert "cn-shanghai" in refused.value.message


async def test_a_client_clock_off_by_more_than_15_minutes_is_refused(oss: RunningOss) -> None:
    oss.state.clock_offset_s = 16 * 60

    with pytest.raises(ServerError) as refused:
        await _store(oss.endpoint).put("charts/r1/a.png", b"png")

    assert refused.value.code == "RequestTimeTooSkewed"


async def test_sts_keys_send_their_token_and_are_asked_for_each_request() -> None:
    with loopback_oss("charts", "sts-id", "sts-secret", security_token="sts-token") as oss:
        keys = Keys("sts-id", "sts-secret", token="sts-token")
        store = _store(oss.endpoint, keys)
        await store.put("charts/r1/a.png", b"png")
        async with httpx.AsyncClient() as browser:
            link = await store.signed_url("charts/r1/a.png", timedelta(minutes=1))
            assert (await browser.get(link)).status_code == 200
        assert keys.asked == 2, "renewed keys are picked up without a restart"

        tokenless = _store(oss.endpoint, Keys("sts-id", "sts-secret"))
        with pytest.raises(ServerError) as refused:
            await tokenless.put("charts/r1/a.png", b"png")
        assert refused.value.code == "InvalidAccessKeyId"


async def test_objects_are_written_private_with_their_content_type(oss: RunningOss) -> None:
    await _store(oss.endpoint).put("charts/r1/chart.svg", b"<svg/>")

    stored = oss.state.objects["charts/r1/chart.svg"]
    assert stored.acl == "private"
    assert stored.content_type == "image/svg+xml"


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
