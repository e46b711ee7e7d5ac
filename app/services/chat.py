"""The chat's use case: a message (and the tool chips attached to it) in, an answer out.

The planner turns words into tool calls; each tool runs through the same services as the
API. The UI only displays what this returns, so the chat's behaviour is testable without a
browser.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from typing import Literal

from analysis import AnalysisInputError
from analysis.prices import format_change, format_price, price_decimals
from app.services import market
from app.services.analyses import (
    AnalysisPorts,
    ChartRun,
    Progress,
    TextSink,
    fetch_and_analyse,
    run_chart,
)
from app.services.schemas import ChartRequest
from integrations.ai.port import ChatPlanner
from integrations.chat_history import ChatHistoryStore, ChatMessage
from integrations.market_data import MarketDataError, Quote
from integrations.paging import MAX_PAGE_SIZE
from language.models import Conversation, Plan, PlannedCall

HELP_TEXT = (
    "I analyse markets from plain English. Try: “Fibonacci retracement for TSLA over 3 "
    "months”, “market structure for apple”, “support and resistance for bitcoin”, “quote "
    "MSFT”, “compare apple and microsoft over 6 months”, or “summarize”. Tool chips above "
    "the input attach a tool, so you can type just a symbol. Every level comes with how "
    "often it held on the symbol's own history."
)
AnswerKind = Literal["analysis", "text", "error", "quote", "compare"]


@dataclass(frozen=True)
class CompareRow:
    symbol: str
    name: str | None
    last_close: float
    change_pct: float
    trend: str


@dataclass
class ChatAnswer:
    kind: AnswerKind
    text: str
    plan: Plan | None = None
    run: ChartRun | None = None
    quote: Quote | None = None
    compare: list[CompareRow] = field(default_factory=list)
    tool: str | None = None


@dataclass(frozen=True)
class Overrides:
    """What the UI's chips and selectors say, which wins over what the words say."""

    tool: str | None = None
    period: str | None = None
    interval: str | None = None


def _with_overrides(plan: Plan, overrides: Overrides, context_symbol: str | None) -> Plan:
    if overrides.tool is None and plan.calls:
        call = plan.calls[0]
    elif overrides.tool is not None:
        base = plan.calls[0] if plan.calls else None
        symbols = base.symbols if base and base.symbols else []
        if not symbols and context_symbol and overrides.tool != "help":
            symbols = [context_symbol]
        call = PlannedCall(
            tool=overrides.tool,
            symbols=symbols,
            period=base.period if base else None,
            start=base.start if base else None,
            end=base.end if base else None,
            interval=base.interval if base else None,
        )
    else:
        return plan
    updates: dict[str, object] = {}
    if overrides.period and call.start is None:
        updates["period"] = overrides.period
    if overrides.interval:
        updates["interval"] = overrides.interval
    call = call.model_copy(update=updates)
    return plan.model_copy(update={"calls": [call], "reply": None})


async def recent_messages(
    store: ChatHistoryStore, conversation_id: str, *, owner: str, keep: int = MAX_PAGE_SIZE
) -> list[ChatMessage]:
    """The conversation's last `keep` messages, oldest first.

    The store pages oldest first, so a long chat is walked to its end: the planner must see
    what was said last, and a reopened chat must show where the user left off.
    """
    latest: deque[ChatMessage] = deque(maxlen=keep)
    cursor: str | None = None
    while True:
        page = await store.list_messages(
            conversation_id, owner=owner, limit=MAX_PAGE_SIZE, cursor=cursor
        )
        latest.extend(page.items)
        if page.next_cursor is None:
            return list(latest)
        cursor = page.next_cursor


async def answer(
    message: str,
    *,
    owner: str,
    planner: ChatPlanner,
    conversation: Conversation,
    ports: AnalysisPorts,
    overrides: Overrides = Overrides(),
    context_symbol: str | None = None,
    last_summary: str | None = None,
    theme: Literal["light", "dark"] = "light",
    progress: Progress | None = None,
    on_text: TextSink | None = None,
) -> ChatAnswer:
    """Plan the message and run its first tool call; errors come back as `kind="error"`."""
    text = message.strip() or (context_symbol or "")
    plan = await planner.plan(text or "help", conversation)
    plan = _with_overrides(plan, overrides, context_symbol)
    if plan.reply is not None:
        return ChatAnswer(kind="text", text=plan.reply, plan=plan)
    call = plan.calls[0]
    try:
        return await _run(call, plan, owner, ports, last_summary, theme, progress, on_text)
    except (MarketDataError, AnalysisInputError) as exc:
        return ChatAnswer(kind="error", text=str(exc), plan=plan, tool=call.tool)


async def _run(
    call: PlannedCall,
    plan: Plan,
    owner: str,
    ports: AnalysisPorts,
    last_summary: str | None,
    theme: Literal["light", "dark"],
    progress: Progress | None,
    on_text: TextSink | None = None,
) -> ChatAnswer:
    notes = " ".join(plan.notes)
    if call.tool == "help":
        return ChatAnswer(kind="text", text=HELP_TEXT, plan=plan, tool="help")
    if call.tool == "summary":
        if not last_summary:
            return ChatAnswer(
                kind="text",
                text="There is nothing to summarise yet: ask for an analysis first, e.g. "
                "“Fibonacci for AAPL”.",
                plan=plan,
                tool="summary",
            )
        return ChatAnswer(kind="text", text=last_summary, plan=plan, tool="summary")
    if not call.symbols:
        return ChatAnswer(
            kind="error",
            text="Which symbol? Type a ticker or a name, e.g. AAPL, tesla, bitcoin, s&p 500.",
            plan=plan,
            tool=call.tool,
        )
    if call.tool == "quote":
        quote = await market.get_quote(ports.market, call.symbols[0])
        return ChatAnswer(
            kind="quote", text=_quote_text(quote), plan=plan, quote=quote, tool="quote"
        )
    request = ChartRequest(
        symbol=call.symbols[0],
        period=call.period if call.start is None else None,
        start=call.start,
        end=call.end,
        interval=call.interval or "1d",
        leg=call.leg or "major",
        theme=theme,
    )
    if call.tool == "compare":
        return await _compare(call, plan, ports, request)
    run = await run_chart(
        ports, owner, request, tool=call.tool, progress=progress or _quiet, on_text=on_text
    )
    summary = run.response.summary
    body = summary.text if summary else "Analysis ready."
    return ChatAnswer(
        kind="analysis", text=(notes + "\n\n" + body).strip(), plan=plan, run=run, tool=call.tool
    )


async def _quiet(_step: str) -> None:
    return None


def _quote_text(quote: Quote) -> str:
    d = price_decimals(quote.last_price)
    change = ""
    if quote.change is not None and quote.change_percent is not None:
        change = f", {format_change(quote.change, quote.change_percent, d)}"
    name = f" ({quote.name})" if quote.name else ""
    return f"{quote.symbol}{name}: {format_price(quote.last_price, d)}{change}."


async def _compare(
    call: PlannedCall, plan: Plan, ports: AnalysisPorts, base: ChartRequest
) -> ChatAnswer:
    requests = [base.model_copy(update={"symbol": symbol}) for symbol in call.symbols[:4]]
    results = await asyncio.gather(*(fetch_and_analyse(ports.market, r) for r in requests))
    rows = []
    for history, result in results:
        closes = history.frame()["close"]
        rows.append(
            CompareRow(
                symbol=history.symbol,
                name=history.name,
                last_close=float(closes.iloc[-1]),
                change_pct=float(closes.iloc[-1] / closes.iloc[0] - 1),
                trend=result.structure.swing.trend
                if result.structure.swing.swings
                else result.structure.internal.trend,
            )
        )
    best = max(rows, key=lambda r: r.change_pct)
    text = " · ".join(f"{r.symbol} {r.change_pct:+.1%} ({r.trend})" for r in rows)
    return ChatAnswer(
        kind="compare",
        text=f"{text}. {best.symbol} did best over the period.",
        plan=plan,
        compare=rows,
        tool="compare",
    )


async def answer_file(
    label: str, *, owner: str, ports: AnalysisPorts, theme: Literal["light", "dark"] = "light"
) -> ChatAnswer:
    """A Fibonacci analysis of an uploaded file (`ports.market` reads it), all of its bars."""
    request = ChartRequest(symbol=label, period="max", interval="1d", theme=theme)
    try:
        run = await run_chart(ports, owner, request, tool="fibonacci")
    except (MarketDataError, AnalysisInputError) as exc:
        return ChatAnswer(kind="error", text=f"{label}: {exc}", tool="fibonacci")
    summary = run.response.summary
    return ChatAnswer(
        kind="analysis",
        text=summary.text if summary else "Analysis ready.",
        run=run,
        tool="fibonacci",
    )
