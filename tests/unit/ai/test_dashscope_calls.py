"""Qwen-VL's JSON call, through the real `dashscope` SDK and the loopback DashScope server:
a good call is validated and pinned to the last bar, a malformed or missing one leaves the
reading without a call (never an invented one)."""

from __future__ import annotations

import json

import pytest

from tests.support.dashscope_server import DashScopeServer, JsonAnswer, SseAnswer, vl_message
from tests.unit.ai.test_dashscope_adapters import READING, aapl, interpreter, server

__all__ = ["server"]  # the loopback fixture, shared with the adapter tests

GOOD_CALL = {
    "bias": "bearish",
    "horizon_bars": 5,
    "watch_levels": [430.47, 435.0],
    "invalidation": 452.48,
    "confidence": 0.6,
}


def _fenced(body: str) -> str:
    return f"{READING}\n```json\n{body}\n```\n"


async def test_the_prompt_asks_for_the_call_as_json(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(JsonAnswer(200, vl_message(_fenced(json.dumps({"call": GOOD_CALL})))))

    await interpreter(server).interpret(png, analysis)

    system = server.requests[0].body["input"]["messages"][0]["content"][0]["text"]
    assert '{"call": {"bias": "bullish" | "bearish" | "neutral"' in system
    assert "graded on the bars that follow" in system


async def test_a_good_call_is_validated_pinned_and_kept_off_the_text(
    server: DashScopeServer,
) -> None:
    analysis, png = aapl()
    server.queue(JsonAnswer(200, vl_message(_fenced(json.dumps({"call": GOOD_CALL})))))

    reading = await interpreter(server).interpret(png, analysis, symbol="AAPL")

    call = reading.call
    assert call is not None
    assert (call.bias, call.horizon_bars, call.confidence) == ("bearish", 5, 0.6)
    assert call.watch_levels == (430.47, 435.0)
    assert call.invalidation == 452.48
    assert call.as_of == analysis.series.last_time
    assert call.close == analysis.series.last_close
    assert reading.text == READING.strip(), "the JSON block is not part of the reading"
    assert reading.ungrounded == ["$999.99"], "the reading is still checked"


async def test_a_streamed_call_is_read_from_the_whole_text(server: DashScopeServer) -> None:
    analysis, png = aapl()
    text = _fenced(json.dumps({"call": GOOD_CALL}))
    pieces = [text[:40], text[40:-30], text[-30:]]
    server.queue(SseAnswer([vl_message(p, "null") for p in pieces[:-1]] + [vl_message(pieces[-1])]))

    stream = interpreter(server).stream(png, analysis)
    async for _ in stream:
        pass

    assert stream.result.call is not None
    assert stream.result.call.bias == "bearish"


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(_fenced('{"call": {"bias": "bearish", "horizon_bars": 5'), id="cut-off JSON"),
        pytest.param(
            _fenced(json.dumps({"call": {**GOOD_CALL, "bias": "SELL"}})), id="unknown bias"
        ),
        pytest.param(
            _fenced(json.dumps({"call": {**GOOD_CALL, "confidence": 87}})), id="confidence > 1"
        ),
        pytest.param(
            _fenced(json.dumps({"call": {**GOOD_CALL, "horizon_bars": 0}})), id="no horizon"
        ),
        pytest.param(_fenced(json.dumps({"bias": "bearish"})), id="no call key"),
    ],
)
async def test_a_malformed_call_leaves_the_reading_without_one(
    server: DashScopeServer, reply: str
) -> None:
    analysis, png = aapl()
    server.queue(JsonAnswer(200, vl_message(reply)))

    reading = await interpreter(server).interpret(png, analysis)

    assert reading.call is None
    assert reading.text == READING.strip()


async def test_a_reply_without_a_call_is_kept_with_no_call(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(JsonAnswer(200, vl_message(READING)))

    reading = await interpreter(server).interpret(png, analysis)

    assert reading.call is None
    assert reading.text == READING.strip()
