"""One contract for every `ObjectStore`: images are kept whole, private, and shared by links
that open only their own object, and only until they expire."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from integrations.storage import InvalidObjectKeyError, ObjectNotFoundError
from tests.integration.conftest import StoreUnderTest

PNG = b"\\x89PNG\\r\\n\\x1a\\n" + bytes(range(256)) * 4

BAD_KEYS = [
    "",
    "../secrets.txt",
    "charts/../../etc/passwd",
    "/etc/passwd",
    "charts//a.png",
    "charts/.hidden.png",
    "charts\\\\a.png",
    "charts/a b.png",
    "charts/ключ.png",
    "charts/a.png/",
    "x" * 513,
]


def _key(name: str = "chart.png") -> str:
    return f"tests/{uuid.uuid4().hex}/{name}"


async def test_put_then_get_returns_the_same_bytes(object_store: StoreUnderTest) -> None:
    key = _key()
    await object_store.store.put(key, PNG)
    assert await object_store.store.get(key) == PNG

    await object_store.store.put(key, b"<svg/>")
    assert await object_store.store.get(key) == b"<svg/>", "a put replaces the object"
    await object_store.store.delete(key)


async def test_deleted_and_unknown_objects_are_not_found(object_store: StoreUnderTest) -> None:
    key = _key()
    await object_store.store.put(key, PNG)
    await object_store.store.delete(key)

    with pytest.raises(ObjectNotFoundError):
        await object_store.store.get(key)
    await object_store.store.delete(key)  # deleting twice is fine
    with pytest.raises(ObjectNotFoundError):
        await object_store.store.get(_key())


@pytest.mark.parametrize("bad_key", BAD_KEYS)
async def test_unsafe_keys_are_refused_before_touching_storage(
    object_store: StoreUnderTest, bad_key: str
) -> None:
    store = object_store.store
    for attempt in (
        store.put(bad_key, PNG),
        store.get(bad_key),
        store.delete(bad_key),
        store.signed_url(bad_key, timedelta(minutes=5)),
    ):
        with pytest.raises(InvalidObjectKeyError, match="not accepted: use 1 to 512 characters"):
            await attempt


async def test_a_signed_link_opens_its_object(object_store: StoreUnderTest) -> None:
    key = _key("chart.png")
    await object_store.store.put(key, PNG)

    response = await object_store.open_link(
        await object_store.store.signed_url(key, timedelta(minutes=5))
    )

    assert response.status_code == 200
    assert response.content == PNG
    assert response.headers["content-type"] == "image/png"
    await object_store.store.delete(key)


async def test_a_link_opens_nothing_but_its_own_object(object_store: StoreUnderTest) -> None:
    mine, other = _key("mine.png"), _key("other.png")
    await object_store.store.put(mine, PNG)
    await object_store.store.put(other, b"someone else's chart")
    link = await object_store.store.signed_url(mine, timedelta(minutes=5))
    mine_path, other_path = mine.replace("/", "%2F"), other.replace("/", "%2F")
    retargeted = link.replace(mine, other).replace(mine_path, other_path)
    assert retargeted != link

    response = await object_store.open_link(retargeted)

    assert response.status_code == 403
    assert b"someone else's chart" not in response.content
    for key in (mine, other):
        await object_store.store.delete(key)


async def test_an_expired_link_is_refused(object_store: StoreUnderTest) -> None:
    if object_store.advance_clock is None:
        pytest.skip("the real service's clock cannot be moved; expiry runs on the loopback")
    key = _key()
    await object_store.store.put(key, PNG)
    link = await object_store.store.signed_url(key, timedelta(minutes=5))

    object_store.advance_clock(4 * 60)
    assert (await object_store.open_link(link)).status_code == 200
    object_store.advance_clock(2 * 60)
    assert (await object_store.open_link(link)).status_code == 403


async def test_links_must_last_at_least_a_second(object_store: StoreUnderTest) -> None:
    with pytest.raises(ValueError, match="at least one second"):
        await object_store.store.signed_url(_key(), timedelta(0))


async def test_a_started_store_answers_a_ping(object_store: StoreUnderTest) -> None:
    await object_store.store.ping()
