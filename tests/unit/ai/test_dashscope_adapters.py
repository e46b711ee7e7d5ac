"""The DashScope adapters through the real `dashscope` SDK against a loopback server."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from functools import cache

import pytest
from pydantic import SecretStr

from analysis import Analysis, AnalysisSettings, analyze
from analysis.charts import build_chart_spec
from analysis.charts.static import render_png
from integrations.ai.dashscope_interpreter import DashScopeChartInterpreter
from integrations.ai.dashscope_planner import DashScopeChatPlanner
from integrations.ai.dashscope_transport import (
    DashScopeConfig,
    DashScopeTransport,
    RetryPolicy,
    release_sdk_connections,
)
from integrations.ai.errors import (
    AiAuthError,
    AiContentFilteredError,
    AiRateLimitedError,
    AiResponseError,
    AiTimeoutError,
)
from language.facts import GroundingFacts, grounding_facts
from language.models import Conversation
from language.vocabulary import TOOL_NAMES
from tests.support.bars import sample_stock
from tests.support.dashscope_server import (
    API_KEY,
    TEXT_PATH,
    VL_PATH,
    DashScopeServer,
    JsonAnswer,
    SseAnswer,
    Stall,
    error,
    running_dashscope,
    text_message,
    tool_calls_message,
    vl_message,
)
from tests.unit.ai.fake_resolver import fake_resolver

FAST_RETRIES = RetryPolicy(attempts=3, initial_wait_seconds=0.01, max_wait_seconds=0.05)
TODAY = date(2025, 6, 16)
# A reading of AAPL's last 300 bars in its own numbers, plus one made-up price.
READING = (
    "AAPL closed at 430.47, below the 1 retracement at 435.00 (1.1% away); the golden "
    "pocket 452.48-454.08 is far above and a bounce to $999.99 is not in the numbers.\n"
    "- Resistance: 435.00, 4.53 above.\n- Trend: ranging on the swing scale.\n"
)


@cache
def aapl() -> tuple[Analysis, bytes]:
    frame = sample_stock("AAPL").iloc[-300:]
    # the small leg the readings below were written for (the default is now the major leg)
    analysis = analyze(frame, AnalysisSettings(anchor_prices=(435.0, 484.94)))
    spec = build_chart_spec(
        frame,
        analysis,
        symbol="AAPL",
        interval="1d",
        source="sample",
        generated_at=datetime(2025, 6, 16, tzinfo=UTC),
    )
    return analysis, render_png(spec, 1024, 576)


@pytest.fixture
async def server() -> AsyncIterator[DashScopeServer]:
    with running_dashscope() as running:
        yield running
        await release_sdk_connections()


def transport(
    server: DashScopeServer, *, key: str = API_KEY, timeout: float = 5.0
) -> DashScopeTransport:
    return DashScopeTransport(
        DashScopeConfig(
            api_key=SecretStr(key),
            base_url=server.base_url,
            timeout_seconds=timeout,
            retry=FAST_RETRIES,
        )
    )


def interpreter(server: DashScopeServer, **options: object) -> DashScopeChartInterpreter:
    return DashScopeChartInterpreter(transport(server, **options), model="qwen-vl-max")  # type: ignore[arg-type]


def planner(server: DashScopeServer) -> DashScopeChatPlanner:
    return DashScopeChatPlanner(
        transport(server), fake_resolver(), model="qwen-max-test", today=lambda: TODAY
    )


# --- Chart interpretation ------------------------------------------------------------------


async def test_interpret_sends_the_png_and_the_facts_and_checks_the_answer(
    server: DashScopeServer,
) -> None:
    analysis, png = aapl()
    server.queue(JsonAnswer(200, vl_message(READING)))

    result = await interpreter(server).interpret(png, analysis, "Where is support?", symbol="AAPL")

    (sent,) = server.requests
    assert sent.path == VL_PATH
    assert sent.headers["Authorization"] == f"Bearer {API_KEY}"
    assert sent.body["model"] == "qwen-vl-max"
    system, user = sent.body["input"]["messages"]
    assert system["role"] == "system"
    image, text = user["content"]
    assert image["image"].startswith("data:image/png;base64,")
    assert base64.b64decode(image["image"].removeprefix("data:image/png;base64,")) == png
    lines = text["text"].splitlines()
    assert lines[0] == "Symbol: AAPL"
    facts = GroundingFacts.model_validate_json(lines[1].removeprefix("FACTS: "))
    assert facts == grounding_facts(analysis)
    assert "435.0" in lines[1], "the levels' prices are in the JSON"
    assert lines[2] == "Question: Where is support?"
    assert sent.body["parameters"]["max_tokens"] > 0

    assert result.provider == "dashscope"
    assert result.model == "qwen-vl-max"
    assert result.text == READING.strip()
    assert result.ungrounded == ["$999.99"]
    assert result.key_points == [
        "Resistance: 435.00, 4.53 above.",
        "Trend: ranging on the swing scale.",
    ]
    assert result.levels_mentioned == [435.0, 452.48, 454.08]


async def test_stream_yields_incremental_text_then_the_checked_result(
    server: DashScopeServer,
) -> None:
    analysis, png = aapl()
    pieces = ["AAPL closed ", "at 430.47, ", "under 435.00.\n- Support: none at $1.00"]
    server.queue(SseAnswer([vl_message(p, "null") for p in pieces[:-1]] + [vl_message(pieces[-1])]))

    stream = interpreter(server).stream(png, analysis, symbol="AAPL")
    assert server.requests == [], "nothing is sent before the stream is read"
    deltas = [delta async for delta in stream]

    assert deltas == pieces
    (sent,) = server.requests
    assert sent.headers["X-DashScope-SSE"] == "enable"
    assert sent.headers["Accept"] == "text/event-stream"
    assert sent.body["parameters"]["incremental_output"] is True
    assert sent.body["model"] == "qwen-vl-max"
    assert stream.result.text == "".join(pieces)
    assert stream.result.ungrounded == ["$1.00"]
    assert stream.result.key_points == ["Support: none at $1.00"]


async def test_a_429_is_retried_after_retry_after(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(
        JsonAnswer(
            429, error("Throttling.RateQuota", "Requests rate limit exceeded"), {"Retry-After": "0"}
        ),
        JsonAnswer(503, error("InternalError.Timeout", "busy")),
        JsonAnswer(200, vl_message(READING)),
    )

    result = await interpreter(server).interpret(png, analysis)

    assert len(server.requests) == 3
    assert result.text == READING.strip()


async def test_rate_limiting_that_persists_is_reported(server: DashScopeServer) -> None:
    analysis, png = aapl()
    throttled = JsonAnswer(429, error("Throttling.RateQuota", "Requests rate limit exceeded"))
    server.queue(throttled, throttled, throttled)

    with pytest.raises(AiRateLimitedError, match="rate limiting"):
        await interpreter(server).interpret(png, analysis)
    assert len(server.requests) == FAST_RETRIES.attempts


async def test_a_refused_key_says_which_variable_to_check(server: DashScopeServer) -> None:
    analysis, png = aapl()

    with pytest.raises(AiAuthError) as caught:
        await interpreter(server, key="sk-wrong").interpret(png, analysis)

    assert str(caught.value) == "the DashScope API key was refused; check DASHSCOPE_API_KEY"
    assert "sk-wrong" not in str(caught.value)
    assert len(server.requests) == 1, "a refused key is not retried"


async def test_a_stalled_server_times_out_with_a_clear_error(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(Stall())

    with pytest.raises(AiTimeoutError, match=r"did not answer within 0\.3 s"):
        await interpreter(server, timeout=0.3).interpret(png, analysis)
    assert len(server.requests) == 1, "a timeout is not retried: the user is waiting"


async def test_a_stalled_stream_times_out_too(server: DashScopeServer) -> None:
    analysis, png = aapl()
    # The SDK resends once when a streaming read times out (it takes the timeout for a
    # dropped pooled connection), so a stalled stream costs two waits.
    server.queue(Stall(), Stall())

    with pytest.raises(AiTimeoutError, match=r"within 0\.3 s"):
        await interpreter(server, timeout=0.3).stream(png, analysis).collect()
    assert len(server.requests) == 2


async def test_the_content_filter_is_named(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(
        JsonAnswer(
            400, error("DataInspectionFailed", "Input data may contain inappropriate content.")
        )
    )

    with pytest.raises(AiContentFilteredError, match="DataInspectionFailed"):
        await interpreter(server).interpret(png, analysis)


async def test_a_filter_mid_stream_stops_it_after_what_was_shown(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(
        SseAnswer(
            [vl_message("AAPL closed at 430.47", "null")],
            error=error("DataInspectionFailed", "Output data may contain inappropriate content."),
        )
    )
    stream = interpreter(server).stream(png, analysis)
    shown: list[str] = []

    async def show() -> None:
        async for delta in stream:
            shown.append(delta)

    with pytest.raises(AiContentFilteredError):
        await show()
    assert shown == ["AAPL closed at 430.47"]


async def test_a_stream_refused_before_its_first_token_is_retried(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(
        JsonAnswer(429, error("Throttling", "slow down"), {"Retry-After": "0"}),
        SseAnswer([vl_message("AAPL closed at 430.47.")]),
    )

    result = await interpreter(server).stream(png, analysis).collect()

    assert result.text == "AAPL closed at 430.47."
    assert len(server.requests) == 2


async def test_an_empty_answer_is_an_error_not_a_blank_reading(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(JsonAnswer(200, vl_message("  \n")))

    with pytest.raises(AiResponseError, match="qwen-vl-max returned no text"):
        await interpreter(server).interpret(png, analysis)


async def test_a_stream_of_empty_deltas_is_an_error_too(server: DashScopeServer) -> None:
    analysis, png = aapl()
    server.queue(SseAnswer([vl_message("", "null"), vl_message(" ", "null"), vl_message("")]))

    with pytest.raises(AiResponseError, match="qwen-vl-max streamed no text"):
        await interpreter(server).stream(png, analysis).collect()


# --- Chat planning -------------------------------------------------------------------------


async def test_planner_declares_every_tool_and_uses_the_configured_model(
    server: DashScopeServer,
) -> None:
    server.queue(
        JsonAnswer(200, tool_calls_message(("fibonacci", {"symbols": ["Tesla"], "period": "3mo"})))
    )

    plan = await planner(server).plan(
        "do a Fibonacci retracement for Tesla over 3 months", Conversation()
    )

    (sent,) = server.requests
    assert sent.path == TEXT_PATH
    assert sent.body["model"] == "qwen-max-test"
    parameters = sent.body["parameters"]
    assert parameters["result_format"] == "message"
    assert [tool["function"]["name"] for tool in parameters["tools"]] == list(TOOL_NAMES)
    assert all(tool["type"] == "function" for tool in parameters["tools"])
    messages = sent.body["input"]["messages"]
    assert messages[0]["role"] == "system"
    assert "2025-06-16" in messages[0]["content"]
    assert messages[-1] == {
        "role": "user",
        "content": "do a Fibonacci retracement for Tesla over 3 months",
    }

    assert plan.planner == "dashscope qwen-max-test"
    assert plan.reply is None
    (call,) = plan.calls
    assert (call.tool, call.symbols, call.period) == ("fibonacci", ["TSLA"], "3mo")


async def test_planner_normalises_arguments_like_the_offline_planner(
    server: DashScopeServer,
) -> None:
    server.queue(
        JsonAnswer(
            200,
            tool_calls_message(
                ("levels", {"symbols": ["google"], "period": "18 months", "interval": "3h"}),
                ("quote", {"symbols": ["$AMD", "bitcoin"]}),
                ("chart", {"symbols": ["eur/usd"], "start": "2024-01-01", "end": "2024-03-31"}),
            ),
        )
    )

    plan = await planner(server).plan("levels on google, quotes, and a chart", Conversation())

    levels, quote, chart = plan.calls
    assert (levels.symbols, levels.period, levels.start, levels.interval) == (
        ["GOOGL"], None, date(2023, 12, 16), "2h"
    )  # fmt: skip
    assert quote.symbols == ["AMD", "BTC-USD"]
    assert (quote.period, quote.interval) == (None, None)
    assert (chart.symbols, chart.start, chart.end) == (
        ["EURUSD=X"],
        date(2024, 1, 1),
        date(2024, 3, 31),
    )
    assert any("3h" in note and "2h" in note for note in plan.notes)
    assert any("18 months" in note for note in plan.notes)


async def test_planner_reads_a_scan_by_the_offline_rules(server: DashScopeServer) -> None:
    server.queue(
        JsonAnswer(
            200,
            tool_calls_message(
                ("scan", {"universe": "sp500", "setups": "near the 0.618 with a support zone"}),
                ("scan", {"symbols": ["apple", "tesla"], "setups": ["bullish choch"]}),
                ("scan", {"universe": "dow30", "setups": "golden pocket within 50 atr"}),
            ),
        )
    )

    plan = await planner(server).plan("scan the S&P 500 for ...", Conversation())

    universe, named = plan.calls
    assert (universe.tool, universe.universe, universe.symbols) == ("scan", "sp500", [])
    assert [s.model_dump() for s in universe.setups] == [
        {"kind": "near-fib", "ratio": 0.618, "within_atr": 0.5},
        {"kind": "near-zone", "role": "support", "within_atr": 0.5},
    ]
    assert (named.universe, named.symbols) == (None, ["AAPL", "TSLA"])
    assert [(s.kind, getattr(s, "event", None)) for s in named.setups] == [
        ("structure-break", "CHoCH")
    ]
    assert any("within atr of 50 is out of range" in note for note in plan.notes)


async def test_planner_sends_the_conversation_and_fills_a_missing_symbol(
    server: DashScopeServer,
) -> None:
    first = planner(server)
    server.queue(
        JsonAnswer(200, tool_calls_message(("fibonacci", {"symbols": ["TSLA"], "period": "3mo"}))),
        JsonAnswer(200, tool_calls_message(("summary", {"symbols": []}))),
    )
    conversation = Conversation()
    message = "fib on TSLA over 3 months"
    conversation = conversation.then(message, await first.plan(message, conversation))

    plan = await first.plan("summarize what you found", conversation)

    history = server.requests[1].body["input"]["messages"]
    assert [m["role"] for m in history] == ["system", "user", "assistant", "user"]
    assert history[2]["content"].startswith("called fibonacci(")
    assert '"TSLA"' in history[2]["content"]
    (call,) = plan.calls
    assert (call.tool, call.symbols) == ("summary", ["TSLA"])


async def test_planner_reads_the_leg_and_ratio_of_a_fibonacci_follow_up(
    server: DashScopeServer,
) -> None:
    chat = planner(server)
    server.queue(
        JsonAnswer(200, tool_calls_message(("fibonacci", {"symbols": ["AAPL"], "period": "1y"}))),
        JsonAnswer(
            200,
            tool_calls_message(
                ("fibonacci", {"symbols": [], "period": "1y", "ratio": "61.8%", "leg": "latest"})
            ),
        ),
        JsonAnswer(200, tool_calls_message(("fibonacci", {"symbols": ["AAPL"], "ratio": 0.7}))),
    )
    conversation = Conversation()
    first = "fibonacci for AAPL over 1 year"
    conversation = conversation.then(first, await chat.plan(first, conversation))

    follow_up = await chat.plan("what about the 0.618 on the latest swing?", conversation)
    unknown = await chat.plan("and the 0.7?", conversation)

    fibonacci = next(t for t in server.requests[0].body["parameters"]["tools"]
                     if t["function"]["name"] == "fibonacci")  # fmt: skip
    assert set(fibonacci["function"]["parameters"]["properties"]) >= {"leg", "ratio", "interval"}
    (call,) = follow_up.calls
    assert (call.symbols, call.period, call.ratio, call.leg) == (["AAPL"], "1y", 0.618, "latest")
    (call,) = unknown.calls
    assert call.ratio is None
    assert any("Ignored the ratio 0.7" in note for note in unknown.notes)


async def test_planner_passes_a_direct_reply_through(server: DashScopeServer) -> None:
    server.queue(JsonAnswer(200, text_message("I only analyse markets; try “fib on TSLA”.")))

    plan = await planner(server).plan("what's the weather", Conversation())

    assert plan.calls == []
    assert plan.reply == "I only analyse markets; try “fib on TSLA”."


@pytest.mark.parametrize(
    ("name", "arguments"),
    [("astrology", '{"symbols": ["TSLA"]}'), ("fibonacci", "{not json")],
)
async def test_planner_rejects_a_tool_call_it_cannot_use(
    server: DashScopeServer, name: str, arguments: str
) -> None:
    body = tool_calls_message((name, {}))
    body["output"]["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = arguments
    server.queue(JsonAnswer(200, body))

    with pytest.raises(AiResponseError):
        await planner(server).plan("fib on TSLA", Conversation())


async def test_planner_errors_are_the_same_as_the_interpreters(server: DashScopeServer) -> None:
    chat = DashScopeChatPlanner(transport(server, key="sk-wrong"), fake_resolver())

    with pytest.raises(AiAuthError):
        await chat.plan("fib on TSLA", Conversation())
    assert json.loads(json.dumps(server.requests[0].body))["model"] == "qwen-plus"
