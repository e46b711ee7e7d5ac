"""The chat's use case: a message (and the tool chips attached to it) in, an answer out.

The planner turns words into tool calls; each tool runs through the same services as the
API. The UI only displays what this returns, so the chat's behaviour is testable without a
browser.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, cast

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
from app.services.scan_chat import ScanSink, answer_text, run_chat_scan
from app.services.scan_schemas import ScanView
from app.services.scans import ScanInputError, ScanPorts
from app.services.schemas import AiSummary, ChartRequest
from integrations.ai.port import ChatPlanner
from integrations.chat_history import ChatHistoryStore, ChatMessage
from integrations.market_data import MarketDataError, PriceHistory, Quote
from integrations.market_data.models import DEFAULT_PERIOD
from integrations.paging import MAX_PAGE_SIZE
from language.facts import grounding_facts
from language.intents import tools_named
from language.models import Conversation, Plan, PlannedCall
from language.periods import find_interval, find_window
from language.vocabulary import Leg, ToolName

HELP_TEXT = (
    "I analyse markets from plain English. Try: “Fibonacci retracement for AAPL over 1 "
    "year”, “market structure for MSFT”, “support and resistance for IBM”, “quote "
    "GOOG”, “compare apple and microsoft over 6 months”, “scan the S&P 500 for golden "
    "pockets” or “summarize”. Tool chips above "
    "the input attach a tool, so you can type just a symbol; what you write wins over the "
    "chips and selectors. Every level comes with how often it held on the symbol's own "
    "history, beside random levels."
)
AnswerKind = Literal["analysis", "text", "error", "quote", "compare", "scan"]
# Bars behind a quote's sparkline: about three months of daily closes.
SPARKLINE_PERIOD = "3mo"
MAX_COMPARED = 5


@dataclass(frozen=True)
class CompareRow:
    symbol: str
    name: str | None
    last_close: float
    change_pct: float
    trend: str
    support: float | None = None
    resistance: float | None = None


@dataclass(frozen=True)
class Closes:
    """A symbol's closes for a small chart (sparkline or compare overlay)."""

    times: list[datetime]
    values: list[float]


@dataclass
class ChatAnswer:
    kind: AnswerKind
    text: str
    plan: Plan | None = None
    run: ChartRun | None = None
    quote: Quote | None = None
    compare: list[CompareRow] = field(default_factory=list)
    tool: str | None = None
    # What actually ran: the call after the precedence rules, and its request.
    call: PlannedCall | None = None
    request: ChartRequest | None = None
    closes: dict[str, Closes] = field(default_factory=dict)
    scan: ScanView | None = None


@dataclass(frozen=True)
class Overrides:
    """What the user set for this message: a chip (tool), the selectors, or a plan pill.

    Each is None unless set for this message. The message's own words still win: a period
    written in the text beats the period selector. Then these, then the conversation's
    context, then the defaults.
    """

    tool: str | None = None
    period: str | None = None
    interval: str | None = None
    leg: Leg | None = None


def _said(text: str, today: date) -> tuple[bool, bool, bool]:
    """Whether the text itself names a tool, a window (period or dates), an interval."""
    return (
        bool(tools_named(text)),
        find_window(text, today) is not None,
        find_interval(text) is not None,
    )


def with_precedence(
    plan: Plan,
    overrides: Overrides,
    *,
    text: str,
    context_symbol: str | None,
    today: date | None = None,
) -> Plan:
    """The plan after the precedence rules: text > what was set for this message > the
    conversation's context (already in the planner's call) > defaults."""
    said_tool, said_window, said_interval = _said(text, today or date.today())
    # A scan planned for the Scan chip keeps its universe and setups.
    chip_planned = overrides.tool == "scan" and plan.first is not None and plan.first.tool == "scan"
    if overrides.tool is not None and not (said_tool and plan.calls) and not chip_planned:
        base = plan.calls[0] if plan.calls else None
        symbols = base.symbols if base and base.symbols else []
        if not symbols and context_symbol and overrides.tool != "help":
            symbols = [context_symbol]
        call = PlannedCall(
            tool=cast(ToolName, overrides.tool),
            symbols=symbols,
            period=base.period if base else None,
            start=base.start if base else None,
            end=base.end if base else None,
            interval=base.interval if base else None,
            leg=base.leg if base else None,
        )
    elif plan.calls:
        call = plan.calls[0]
    else:
        return plan
    updates: dict[str, object] = {}
    if overrides.period and not said_window:
        updates |= {"period": overrides.period, "start": None, "end": None}
    if overrides.interval and not said_interval:
        updates["interval"] = overrides.interval
    if overrides.leg and call.leg is None:
        updates["leg"] = overrides.leg
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
    summarize: SummarySource | None = None,
    theme: Literal["light", "dark"] = "light",
    progress: Progress | None = None,
    on_text: TextSink | None = None,
    scans: ScanPorts | None = None,
    on_scan: ScanSink | None = None,
) -> ChatAnswer:
    """Plan the message and run its first tool call; errors come back as `kind="error"`.

    The summary tool answers with `summarize()` (the conversation's analyses, asked only
    when the summary is wanted), else `last_summary` (the last reading). A scan runs on
    `scans`, telling `on_scan` its table as results arrive; with the Scan chip the words
    are read as a scan's ("golden pocket, support zone"), not a symbol's."""
    written = message.strip()
    scan_chip = overrides.tool == "scan"
    text = written if scan_chip else written or (context_symbol or "")
    plan = await planner.plan(text or "help", conversation)
    if scan_chip and (plan.first is None or plan.first.tool != "scan"):
        plan = await planner.plan(f"scan {text}".strip(), conversation)
    plan = with_precedence(plan, overrides, text=written, context_symbol=context_symbol)
    if plan.reply is not None:
        return ChatAnswer(kind="text", text=plan.reply, plan=plan)
    call = plan.calls[0]
    try:
        how = _How(owner, ports, last_summary, summarize, theme, progress, on_text, scans, on_scan)
        done = await _run(call, plan, how)
    except (MarketDataError, AnalysisInputError, ScanInputError) as exc:
        return ChatAnswer(kind="error", text=str(exc), plan=plan, tool=call.tool, call=call)
    done.call = call
    return done


SummarySource = Callable[[], Awaitable[str | None]]


@dataclass(frozen=True)
class _How:
    """Who asks and what a tool runs on, for one answer."""

    owner: str
    ports: AnalysisPorts
    last_summary: str | None
    summarize: SummarySource | None
    theme: Literal["light", "dark"]
    progress: Progress | None
    on_text: TextSink | None
    scans: ScanPorts | None = None
    on_scan: ScanSink | None = None


async def _run(call: PlannedCall, plan: Plan, how: _How) -> ChatAnswer:
    notes = " ".join(plan.notes)
    ports = how.ports
    if call.tool == "help":
        return ChatAnswer(kind="text", text=HELP_TEXT, plan=plan, tool="help")
    if call.tool == "scan":
        if how.scans is None:
            return ChatAnswer(kind="error", text="Scans are not available here.", plan=plan)
        view = await run_chat_scan(how.scans, call, owner=how.owner, on_scan=how.on_scan)
        text = (answer_text(view, call) + "\n\n" + notes).strip()
        return ChatAnswer(kind="scan", text=text, plan=plan, tool="scan", scan=view)
    if call.tool == "summary":
        summary = (await how.summarize() if how.summarize else None) or how.last_summary
        if not summary:
            return ChatAnswer(
                kind="text",
                text="There is nothing to summarise yet: ask for an analysis first, e.g. "
                "“Fibonacci for AAPL”.",
                plan=plan,
                tool="summary",
            )
        return ChatAnswer(kind="text", text=summary, plan=plan, tool="summary")
    if not call.symbols:
        return ChatAnswer(
            kind="error",
            text="Which symbol? Type a ticker or a name, e.g. AAPL, tesla, bitcoin, s&p 500.",
            plan=plan,
            tool=call.tool,
        )
    if call.tool == "quote":
        quote = await market.get_quote(ports.market, call.symbols[0])
        recent = await market.get_history(
            ports.market, quote.symbol, period=SPARKLINE_PERIOD, interval="1d"
        )
        return ChatAnswer(
            kind="quote",
            text=_quote_text(quote),
            plan=plan,
            quote=quote,
            tool="quote",
            closes={quote.symbol: _closes(recent)},
        )
    request = ChartRequest(
        symbol=call.symbols[0],
        period=call.period if call.start is None else None,
        start=call.start,
        end=call.end,
        interval=call.interval or "1d",
        leg=call.leg or "major",
        theme=how.theme,
    )
    if request.period is None and request.start is None:
        request = request.model_copy(update={"period": DEFAULT_PERIOD})
    if call.tool == "compare":
        return await _compare(call, plan, ports, request)
    run = await run_chart(
        ports,
        how.owner,
        request,
        tool=call.tool,
        progress=how.progress or _quiet,
        on_text=how.on_text,
    )
    body = reading_text(run.response.summary)
    return ChatAnswer(
        kind="analysis",
        text=(notes + "\n\n" + body).strip(),
        plan=plan,
        run=run,
        tool=call.tool,
        request=request,
    )


def reading_text(summary: AiSummary | None) -> str:
    """The reading as the chat shows it, followed by the record of its kind of call."""
    if summary is None:
        return "Analysis ready."
    if summary.track_record is None:
        return summary.text
    return f"{summary.text}\n\n_{summary.track_record}_"


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
    """2-5 symbols over the same window: performance rebased to 100, each one's trend and
    its nearest support and resistance."""
    symbols = call.symbols[:MAX_COMPARED]
    requests = [base.model_copy(update={"symbol": symbol}) for symbol in symbols]
    results = await asyncio.gather(*(fetch_and_analyse(ports.market, r) for r in requests))
    rows, closes = [], {}
    for history, result in results:
        series = _closes(history)
        closes[history.symbol] = series
        facts = grounding_facts(result)
        rows.append(
            CompareRow(
                symbol=history.symbol,
                name=history.name,
                last_close=series.values[-1],
                change_pct=series.values[-1] / series.values[0] - 1,
                trend=result.structure.swing.trend
                if result.structure.swing.swings
                else result.structure.internal.trend,
                support=facts.nearest_support.price if facts.nearest_support else None,
                resistance=facts.nearest_resistance.price if facts.nearest_resistance else None,
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
        request=base,
        closes=closes,
    )


def _closes(history: PriceHistory) -> Closes:
    frame = history.frame()
    return Closes(
        times=[stamp.to_pydatetime() for stamp in frame.index],
        values=[float(value) for value in frame["close"]],
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
    return ChatAnswer(
        kind="analysis",
        text=reading_text(run.response.summary),
        run=run,
        tool="fibonacci",
    )
