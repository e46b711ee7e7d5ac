"""`GET /api/files/{key}`: chart images open only through the app's own, unexpired links.

Through the Reflex-mounted app, with the persistence the app would open on start.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.services.container import Persistence
from integrations.storage.local import LocalObjectStore
from tests.api.conftest import Started

PNG = b"\x89PNG\r\n\x1a\n-chart"
KEY = "charts/0123456789abcdef0123456789abcdef/chart.png"


@pytest.fixture
async def persistence(started: Started) -> Persistence:
    opened = started.persistence
    assert opened.local_files is not None
    await opened.objects.put(KEY, PNG)
    return opened


@pytest.fixture
def files(persistence: Persistence) -> LocalObjectStore:
    assert persistence.local_files is not None
    return persistence.local_files


def _query(link: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(link).query).items()}


def _assert_problem(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert words in body["detail"]


async def test_a_fresh_link_serves_the_image_safely(
    client: httpx.AsyncClient, files: LocalObjectStore
) -> None:
    link = await files.signed_url(KEY, timedelta(minutes=10))

    response = await client.get(link)

    assert response.status_code == 200
    assert response.content == PNG
    assert response.headers["content-type"] == "image/png"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in response.headers["content-security-policy"]
    assert response.headers["cache-control"].startswith("private")


async def test_an_expired_link_is_refused(
    client: httpx.AsyncClient, files: LocalObjectStore
) -> None:
    # Signed with the app's own secret, but its time ran out a minute ago.
    expired_at = files.signer.now() - 60
    signature = files.signer.signature(KEY, expired_at)

    response = await client.get(f"/api/files/{KEY}?expires={expired_at}&sig={signature}")

    _assert_problem(response, 403, "expired")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda q: {**q, "sig": "0" * 64},
        lambda q: {**q, "expires": str(int(q["expires"]) + 86_400)},
        lambda q: {"expires": q["expires"]},
        lambda q: {"sig": q["sig"]},
        lambda q: {**q, "expires": "tomorrow"},
        lambda q: {**q, "expires": "9" * 5000},
        lambda q: {**q, "sig": "ünïcode"},
    ],
    ids=["signature", "extended-expiry", "no-signature", "no-expiry", "word", "huge", "unicode"],
)
async def test_a_tampered_link_is_refused(
    client: httpx.AsyncClient, files: LocalObjectStore, tamper: object
) -> None:
    link = await files.signed_url(KEY, timedelta(minutes=10))
    query = tamper(_query(link))  # type: ignore[operator]

    response = await client.get(f"/api/files/{KEY}", params=query)

    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert PNG not in response.content


async def test_a_link_for_one_file_does_not_open_another(
    client: httpx.AsyncClient, files: LocalObjectStore
) -> None:
    other = "charts/0123456789abcdef0123456789abcdef/other.png"
    await files.put(other, b"other chart")
    query = _query(await files.signed_url(KEY, timedelta(minutes=10)))

    _assert_problem(await client.get(f"/api/files/{other}", params=query), 403, "signature")


@pytest.mark.parametrize(
    "raw_path",
    [
        "/api/files/charts/%2e%2e/%2e%2e/financials.db",
        "/api/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/files/%2Fetc%2Fpasswd",
        "/api/files/charts%5C..%5Csecret",
        "/api/files/.files-signing.key",
    ],
)
async def test_path_traversal_is_refused_with_a_clear_problem(
    client: httpx.AsyncClient, files: LocalObjectStore, raw_path: str
) -> None:
    response = await client.get(raw_path + "?expires=9999999999&sig=" + "0" * 64)

    _assert_problem(response, 400, "is not accepted: use 1 to 512 characters")


async def test_a_valid_link_to_a_deleted_file_is_not_found(
    client: httpx.AsyncClient, files: LocalObjectStore
) -> None:
    link = await files.signed_url(KEY, timedelta(minutes=10))
    await files.delete(KEY)

    _assert_problem(await client.get(link), 404, "no longer exists")


async def test_before_start_up_the_route_says_so(client: httpx.AsyncClient) -> None:
    _assert_problem(await client.get(f"/api/files/{KEY}?expires=1&sig=x"), 503, "starting")
