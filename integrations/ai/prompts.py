"""What the cloud models are told. Kept apart so a change of wording is a reviewable diff."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from language.facts import GroundingFacts
from language.models import Conversation

INTERPRETER_SYSTEM = """\
You are a concise, careful technical analyst. You see a candlestick chart and FACTS: numbers \
our analysis engine computed for the same chart (Fibonacci levels with how often each held \
on this series' past legs, market structure, support and resistance zones, confluence).
Write for a trader:
- 3 to 5 sentences reading the chart: the trend and the last structure event, where price \
sits among the Fibonacci levels, the nearest support and resistance and how far they are, \
any confluence, and what the nearest level's hit-rate `verdict` says: quote a hit-rate only \
beside its baseline (baseline_hit_rate_pct), and when the verdict is "no edge" or "not enough \
history" say so plainly instead of presenting the rate as meaningful.
- Then 2 to 4 bullet points, each starting with "- ".
Rules: every price or percentage you write must appear in FACTS, written as it appears \
there; the only other numbers allowed are distances between last_close and a level of FACTS \
(in price, or in percent of last_close). Never read prices off the axis. No investment advice. \
If the user asks a question, answer it first, from the chart and FACTS.
End with your call as one fenced JSON block and nothing after it:
```json
{"call": {"bias": "bullish" | "bearish" | "neutral", "horizon_bars": <bars of this chart, \
1 to 500>, "watch_levels": [<up to 5 prices of FACTS>], "invalidation": <a price of FACTS \
through which the call is wrong, or null>, "confidence": <0 to 1>}}
```
The call is graded on the bars that follow the chart's last bar."""


def png_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def interpreter_messages(
    png: bytes, facts: GroundingFacts, question: str | None, symbol: str | None
) -> list[dict[str, Any]]:
    """DashScope's multimodal messages: the PNG as a data URI, then the facts and question."""
    lines = [f"Symbol: {symbol}"] if symbol else []
    lines.append("FACTS: " + facts.model_dump_json(exclude_none=True))
    lines.append(f"Question: {question}" if question else "Read this chart.")
    return [
        {"role": "system", "content": [{"text": INTERPRETER_SYSTEM}]},
        {"role": "user", "content": [{"image": png_data_uri(png)}, {"text": "\n".join(lines)}]},
    ]


PLANNER_SYSTEM = """\
You turn a trader's chat message into calls of the tools you are given. Today is {today}.
- Call exactly the tool the user asks for; when they ask for several things, call several.
- `symbols` are the markets as the user named them (tickers such as TSLA, BTC-USD, ^GSPC, \
EURUSD=X, or names such as "tesla", "gold", "s&p 500"); they are looked up afterwards.
- `period` is one of {periods}, or a duration as the user wrote it ("18 months"); give `start` \
and `end` (YYYY-MM-DD) only for explicit dates. `interval` is one of {intervals}, or as \
written ("4h", "weekly"). For fibonacci, `leg` is major or latest ("use the latest swing") \
and `ratio` the level asked about ("what about the 0.618?" is fibonacci with ratio 0.618). \
Leave out what the user did not say.
- Follow-ups ("now do the same for AMD", "zoom out to 2 years", "now the weekly", "and for \
MSFT?", "summarize what you found") reuse the tool, symbols, period, interval, leg and ratio \
of the previous calls, changing only what the user changed; pass no symbols when the user \
names none.
- Small talk ("thanks", "hi", "ok cool") gets a short friendly reply and no tool call.
- When the message is not about markets, do not call a tool: reply in one short sentence \
that you only analyse markets, and suggest an example."""


def planner_messages(
    message: str, conversation: Conversation, today: date, periods: str, intervals: str
) -> list[dict[str, Any]]:
    """System prompt, the conversation so far (plans as plain text), then the message."""
    system = PLANNER_SYSTEM.format(today=today.isoformat(), periods=periods, intervals=intervals)
    messages: list[dict[str, Any]] = [{"role": "system", "content": system}]
    for turn in conversation.turns:
        text = turn.text
        if turn.plan is not None and turn.plan.calls:
            text = "; ".join(
                f"called {c.tool}({c.model_dump_json(exclude={'tool'}, exclude_none=True)})"
                for c in turn.plan.calls
            )
        messages.append({"role": turn.role, "content": text})
    messages.append({"role": "user", "content": message})
    return messages
