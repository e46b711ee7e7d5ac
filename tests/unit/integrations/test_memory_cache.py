"""The in-process cache: entries expire after their own time to live; least used go first."""

from __future__ import annotations

from integrations.cache import MemoryCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_entries_expire_after_their_ttl() -> None:
    clock = Clock()
    cache = MemoryCache(clock=clock)
    await cache.set("short", b"1", 60)
    await cache.set("long", b"2", 3600)
    clock.now = 59
    assert await cache.get("short") == b"1"
    clock.now = 61
    assert await cache.get("short") is None
    assert await cache.get("long") == b"2"


async def test_least_recently_used_entries_make_room_within_the_byte_budget() -> None:
    cache = MemoryCache(max_bytes=30)
    await cache.set("a", b"x" * 10, 60)
    await cache.set("b", b"x" * 10, 60)
    await cache.get("a")  # a is now more recent than b
    await cache.set("c", b"x" * 15, 60)
    assert await cache.get("b") is None
    assert await cache.get("a") is not None
    assert await cache.get("c") is not None


async def test_a_value_larger_than_the_budget_is_not_stored() -> None:
    cache = MemoryCache(max_bytes=10)
    await cache.set("keep", b"12345", 60)
    await cache.set("huge", b"x" * 11, 60)
    assert await cache.get("huge") is None
    assert await cache.get("keep") == b"12345"
