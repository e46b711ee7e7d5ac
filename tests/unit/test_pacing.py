"""The chat's update pacing: the newest update goes out, a few a second, none after the end."""

from __future__ import annotations

import asyncio

import pytest

from app.ui.state.pacing import Pacer

EVERY = 0.05


class Page:
    """What the page was sent, in order."""

    def __init__(self, slow: float = 0.0) -> None:
        self.shown: list[str] = []
        self.slow = slow  # how long a value starting with "slow" takes to send

    async def send(self, value: str) -> None:
        if value.startswith("slow"):
            await asyncio.sleep(self.slow)
        self.shown.append(value)


@pytest.mark.asyncio
async def test_a_burst_sends_the_first_at_once_and_then_only_the_newest() -> None:
    page = Page()
    pacer = Pacer(send=page.send, every=EVERY)
    for step in ("fetching", "analysing", "drawing", "asking"):
        await pacer.push(step)
    assert page.shown == ["fetching"]
    await asyncio.sleep(EVERY * 2)
    assert page.shown == ["fetching", "asking"]
    await pacer.close()


@pytest.mark.asyncio
async def test_updates_further_apart_than_the_pause_all_go_out_at_once() -> None:
    page = Page()
    pacer = Pacer(send=page.send, every=EVERY)
    await pacer.push("fetching")
    await asyncio.sleep(EVERY * 1.5)
    await pacer.push("asking")
    assert page.shown == ["fetching", "asking"]
    await pacer.close()


@pytest.mark.asyncio
async def test_close_drops_what_was_kept_so_nothing_follows_the_answer() -> None:
    page = Page()
    pacer = Pacer(send=page.send, every=EVERY)
    await pacer.push("fetching")
    await pacer.push("the reading, half written")
    await pacer.close()
    await asyncio.sleep(EVERY * 2)
    assert page.shown == ["fetching"]


@pytest.mark.asyncio
async def test_a_value_pushed_while_a_send_is_in_flight_is_sent_after_it() -> None:
    page = Page(slow=EVERY / 2)
    pacer = Pacer(send=page.send, every=EVERY)
    await pacer.push("one")  # sent at once
    await pacer.push("slow two")  # kept: its send starts when the pause ends
    await asyncio.sleep(EVERY * 1.2)  # "slow two" is being sent now
    assert page.shown == ["one"]
    await pacer.push("three")
    await asyncio.sleep(EVERY * 3)
    assert page.shown == ["one", "slow two", "three"]
    await pacer.close()


@pytest.mark.asyncio
async def test_close_lets_a_send_in_flight_finish() -> None:
    page = Page(slow=EVERY)
    pacer = Pacer(send=page.send, every=EVERY)
    await pacer.push("one")
    await pacer.push("slow two")
    await asyncio.sleep(EVERY * 1.2)  # the pause is over, "slow two" is in flight
    assert page.shown == ["one"]
    await pacer.close()
    assert page.shown == ["one", "slow two"]
