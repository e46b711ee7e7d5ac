"""The chat's conversations: start, append, remember, reopen, and the symbol card.

The chat page's state reads its vars, calls one function here, and writes back what it
returns: every store and market call happens here, so the page holds no use-case logic and
the behaviour is testable without a browser. What comes back is small view records
(`chat_views`), plus at most one interactive figure per answer for the page to draw.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from analysis import Analysis, AnalysisInputError
from analysis.charts import build_chart_spec
from analysis.charts.interactive import FRAMES, Device, figure
from analysis.charts.overlays import performance_overlay, sparkline
from analysis.prices import format_change, format_price, price_decimals
from analysis.verdicts import short_verdict
from app.logging import get_logger
from app.services import market, scan_chat
from app.services.analyses import Progress, TextSink, chart_focus, source_label
from app.services.chat import ChatAnswer, Overrides, answer, answer_file, recent_messages
from app.services.chat_views import (
    CompareRowView,
    ConversationItem,
    LevelRow,
    SymbolCard,
    UiMessage,
)
from app.services.container import Services
from app.services.conversation_history import conversation_from, stored_tool_calls
from app.services.history import chart_link
from app.services.scan_schemas import ScanView
from integrations.chat_history.models import Attachments, ChatMessage, NewMessage, Role
from integrations.market_data import MarketDataError, Quote
from integrations.records.models import AnalysisRecord
from language.facts import GroundingFacts, NearestLevel, grounding_facts
from language.models import PlannedCall

if TYPE_CHECKING:
    import plotly.graph_objects as go

log = get_logger("financials.services.conversations")

TOOL_TITLES = {
    "fibonacci": "Fibonacci",
    "structure": "Market structure",
    "levels": "Support/Resistance",
    "summary": "Summary",
    "quote": "Quote",
    "compare": "Compare",
    "scan": "Scan",
    "chart": "Chart",
    "help": "Help",
}
HISTORY_PAGE = 50
# Interactive figures a page keeps: the newest answers'. Each is tens of kB and the chat
# state is pickled on every event; older answers show their chart image instead.
LIVE_FIGURES = 3
Theme = Literal["light", "dark"]
# The height the page gives each device's chart: the figure's own (its labels are laid out
# in pixels for it).
FIGURE_HEIGHTS: dict[Device, str] = {
    device: f"{frame.height}px" for device, frame in FRAMES.items()
}


def message(role: str, kind: str, text: str, **fields: Any) -> UiMessage:
    """A message for the page, with a fresh id (charts and downloads are keyed on it)."""
    return UiMessage(id=uuid.uuid4().hex[:12], role=role, kind=kind, text=text, **fields)


def our_fault() -> UiMessage:
    """Said when a step on our side fails (storage, the AI, a bug): the user's input is kept."""
    return message(
        "assistant",
        "error",
        "Something went wrong on our side; nothing you sent was lost. Please try again.",
    )


# A chart as the page draws it: Plotly's figure JSON (`data`, `layout`), plain dicts and
# lists. The chat state holds these, not plotly Figures: it is pickled on every event, and
# a Figure took about 40 ms to unpickle (plotly validates every property on the way back)
# and 20 ms to turn into JSON for each update that carried it, where its JSON takes well
# under a millisecond for either.
FigureJson = dict[str, Any]


def figure_json(drawn: go.Figure) -> FigureJson:
    """`drawn` as plain JSON (dates as ISO strings, arrays as lists)."""
    plain: FigureJson = json.loads(drawn.to_json())
    return plain


@dataclass(frozen=True)
class Shown:
    """What the page shows after a step: messages, a figure per analysis, the context."""

    messages: list[UiMessage]
    figures: dict[str, FigureJson] = dataclasses.field(default_factory=dict)
    context_symbol: str = ""
    last_summary: str = ""
    card: SymbolCard | None = None
    conversation_id: str = ""


# --- listing and reopening ----------------------------------------------------------------


async def list_conversations(services: Services, *, owner: str) -> list[ConversationItem]:
    page = await services.persistence.chat_history.list_conversations(owner, limit=HISTORY_PAGE)
    return [
        ConversationItem(
            id=c.id, title=c.title or "New chat", when=c.updated_at.strftime("%b %d %H:%M")
        )
        for c in page.items
    ]


async def reopen(
    services: Services,
    *,
    owner: str,
    conversation_id: str,
    theme: Theme = "light",
    device: Device = "laptop",
) -> Shown:
    """A stored conversation as the page shows it, where the user left off; the newest
    `LIVE_FIGURES` analyses get their interactive charts back."""
    store = services.persistence.chat_history
    stored = await recent_messages(store, conversation_id, owner=owner)
    with_analysis = [item.id for item in stored if item.attachments.analysis_ids]
    newest = set(with_analysis[-LIVE_FIGURES:])
    shown: list[UiMessage] = []
    shown_figures: dict[str, FigureJson] = {}
    context = ""
    for item in stored:
        if item.role == Role.USER:
            shown.append(message("user", "text", item.text))
            continue
        ids = item.attachments.analysis_ids
        if scanned := scan_chat.stored_scan(item.attachments.tool_calls):
            scan_id, call = scanned
            shown.append(
                await scan_chat.reopen_scan(
                    services.scans, owner=owner, scan_id=scan_id, call=call, text=item.text
                )
            )
            continue
        if not ids:
            shown.append(message("assistant", "text", item.text))
            continue
        live = item.id in newest
        opened = await open_analysis(
            services,
            owner=owner,
            analysis_id=ids[0],
            text=item.text,
            live=live,
            theme=theme,
            device=device,
        )
        shown_figures |= opened.figures
        shown.extend(opened.messages)
        context = opened.context_symbol or context
    return Shown(
        messages=shown,
        figures=shown_figures,
        context_symbol=context,
        conversation_id=conversation_id,
    )


async def open_analysis(
    services: Services,
    *,
    owner: str,
    analysis_id: str,
    text: str | None = None,
    live: bool = True,
    theme: Theme = "light",
    device: Device = "laptop",
) -> Shown:
    """A past analysis as a chat answer: its reading, levels, and its chart, interactive
    (redrawn from the stored analysis and the same bars) when `live`, else the stored image,
    which is also what the PNG button downloads."""
    persistence = services.persistence
    record = await persistence.records.get(analysis_id, owner=owner)
    if record is None or record.result_json is None:
        return Shown(messages=[message("assistant", "error", "That analysis is not one of yours.")])
    result = Analysis.model_validate_json(record.result_json)
    link = await chart_link(persistence.objects, record, services.settings.signed_url_ttl)
    request = record.request
    shown = message(
        "assistant",
        "analysis",
        text or record.ai_text or "",
        title=f"{TOOL_TITLES.get(request.tool, request.tool)} · {request.symbol} "
        f"{request.interval}",
        analysis_id=record.id,
        chart_url=link.url if link else "",
        provider=record.ai_provider or "",
        levels=level_rows(result),
        leg_lines=leg_lines(result),
    )
    redrawn = await _redraw(services, record, result, theme, device) if live else None
    if redrawn is None:
        return Shown(messages=[shown], context_symbol=request.symbol)
    shown = dataclasses.replace(shown, has_figure=True)
    return Shown(
        messages=[shown], figures={shown.id: figure_json(redrawn)}, context_symbol=request.symbol
    )


async def _redraw(
    services: Services, record: AnalysisRecord, result: Analysis, theme: Theme, device: Device
) -> Any | None:
    """The interactive chart of a stored analysis, from the very bars it analysed (fetched
    again, cached), or None when the source no longer has them (the image stays)."""
    series, request = result.series, record.request
    if request.source == "csv":
        return None  # an uploaded file is not kept: its image is the chart
    try:
        history = await market.get_history(
            services.market.provider,
            request.symbol,
            start=series.first_time.date(),
            end=series.last_time.date(),
            interval=request.interval,
        )
        spec = build_chart_spec(
            history.frame(),
            result,
            symbol=history.symbol,
            interval=request.interval,
            source=source_label(history),
            generated_at=record.created_at,
            theme=theme,
            focus=chart_focus(request.tool),
        )
    except (MarketDataError, AnalysisInputError) as exc:
        log.info("stored analysis shown as its image", analysis_id=record.id, reason=str(exc))
        return None
    return figure(spec, frame=FRAMES[device])


async def analysis_download(
    services: Services, *, owner: str, analysis_id: str
) -> tuple[str, str] | None:
    """The analysis JSON and a file name for it, if it is the owner's."""
    record = await services.persistence.records.get(analysis_id, owner=owner)
    if record is None or record.result_json is None:
        return None
    name = f"{record.request.symbol}-{record.request.interval}-{record.id[:8]}.json"
    return record.result_json, name


# --- a turn -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TurnInput:
    """What the page knows when the user sends: their words and what they set for them."""

    owner: str
    text: str
    overrides: Overrides
    conversation_id: str = ""
    context_symbol: str = ""
    last_summary: str = ""
    theme: Theme = "light"
    device: Device = "laptop"  # a phone gets a chart laid out for its width


ScanTable = Callable[[UiMessage], Awaitable[None]]


async def take_turn(
    services: Services,
    turn: TurnInput,
    *,
    progress: Progress | None = None,
    on_text: TextSink | None = None,
    on_scan: ScanTable | None = None,
) -> Shown:
    """Start (or continue) the conversation, store the user's words, answer, remember it.

    A scan's table is given to `on_scan` as results arrive (the page shows it filling in)."""
    store = services.persistence.chat_history
    conversation_id = turn.conversation_id or await _start(services, turn)
    earlier = await recent_messages(store, conversation_id, owner=turn.owner)
    await store.append(
        conversation_id,
        NewMessage(role=Role.USER, text=turn.text or turn.overrides.tool or ""),
        owner=turn.owner,
    )

    async def summarize() -> str | None:
        return await conversation_summary(services, owner=turn.owner, stored=earlier)

    async def scan_table(call: PlannedCall, view: ScanView) -> None:
        if on_scan is not None:
            await on_scan(scan_chat.scan_message(view, call, text="Scanning…"))

    reply = await answer(
        turn.text,
        owner=turn.owner,
        planner=services.ai.planner,
        conversation=conversation_from(earlier),
        ports=services.analysis,
        overrides=turn.overrides,
        context_symbol=turn.context_symbol or None,
        last_summary=turn.last_summary or None,
        summarize=summarize,
        theme=turn.theme,
        progress=progress,
        on_text=on_text,
        scans=services.scans,
        on_scan=scan_table,
    )
    await _remember(services, conversation_id, turn.owner, reply)
    shown = show_answer(
        reply,
        context=turn.context_symbol,
        summary=turn.last_summary,
        theme=turn.theme,
        device=turn.device,
    )
    card = await symbol_card(services, reply)
    return dataclasses.replace(shown, card=card, conversation_id=conversation_id)


SUMMARY_ANALYSES = 5


async def conversation_summary(
    services: Services, *, owner: str, stored: list[ChatMessage]
) -> str | None:
    """One line per analysis of the conversation (the last few): close, trend, and the
    nearest support and resistance, all numbers of the stored analyses."""
    ids = [i for item in stored for i in item.attachments.analysis_ids][-SUMMARY_ANALYSES:]
    lines = []
    for analysis_id in ids:
        record = await services.persistence.records.get(analysis_id, owner=owner)
        if record is None or record.result_json is None:
            continue
        facts = grounding_facts(Analysis.model_validate_json(record.result_json))
        request = record.request
        lines.append(_summary_line(request.symbol, request.interval, request.tool, facts))
    if not lines:
        return None
    return "What this conversation found:\n\n" + "\n".join(lines)


def _summary_line(symbol: str, interval: str, tool: str, facts: GroundingFacts) -> str:
    price = facts.price_decimals

    def side(level: NearestLevel | None, where: str) -> str:
        if level is None:
            return f"nothing {where}"
        at = format_price(level.price, price)
        return f"{level.label} at {at} ({level.distance_pct:.1f}% {where})"

    return (
        f"- **{symbol} {interval}** ({TOOL_TITLES.get(tool, tool)}): close "
        f"{format_price(facts.last_close, price)} on {facts.last_date}; trend "
        f"{facts.trend_swing} (swing), {facts.trend_internal} (internal); support "
        f"{side(facts.nearest_support, 'below')}; resistance "
        f"{side(facts.nearest_resistance, 'above')}."
    )


async def _start(services: Services, turn: TurnInput) -> str:
    title = turn.text[:80] or "New chat"
    created = await services.persistence.chat_history.create_conversation(turn.owner, title=title)
    return created.id


async def _remember(
    services: Services, conversation_id: str, owner: str, reply: ChatAnswer
) -> None:
    calls = stored_tool_calls(reply.plan, uuid.uuid4().hex[:8]) if reply.plan else ()
    if reply.scan is not None:
        calls = scan_chat.with_scan_id(calls, reply.scan.id)
    attachments = Attachments(
        analysis_ids=(reply.run.response.id,) if reply.run else (),
        tool_calls=calls,
    )
    await services.persistence.chat_history.append(
        conversation_id,
        NewMessage(role=Role.ASSISTANT, text=reply.text[:8000], attachments=attachments),
        owner=owner,
    )


async def analyse_upload(
    services: Services,
    *,
    owner: str,
    data: bytes,
    filename: str,
    theme: Theme,
    device: Device = "laptop",
) -> Shown:
    """A CSV the user dropped: the file is the source, its name the label."""
    label = "".join(c for c in filename.rsplit(".", 1)[0].upper() if c.isalnum())[:20] or "CSV"
    ports = dataclasses.replace(services.analysis, market=services.market.from_file(data, filename))
    reply = await answer_file(label, owner=owner, ports=ports, theme=theme)
    return show_answer(reply, context="", summary="", theme=theme, device=device)


# --- what the page shows ------------------------------------------------------------------


def show_answer(
    reply: ChatAnswer,
    *,
    context: str,
    summary: str,
    theme: Theme = "light",
    device: Device = "laptop",
) -> Shown:
    """The answer as the page shows it; the context moves to the symbol it was about."""
    plan = plan_fields(reply)
    if reply.kind == "analysis" and reply.run is not None:
        response = reply.run.response
        shown = message(
            "assistant",
            "analysis",
            reply.text,
            title=f"{TOOL_TITLES.get(reply.tool or '', 'Analysis')} · {response.symbol} "
            f"{response.interval}",
            analysis_id=response.id,
            chart_url=response.chart.url,
            has_figure=True,
            provider=response.summary.provider if response.summary else "",
            ungrounded=response.summary.ungrounded if response.summary else [],
            levels=level_rows(response.analysis),
            leg_lines=leg_lines(response.analysis),
            notice=response.notice or "",
            **plan,
        )
        return Shown(
            messages=[shown],
            figures={shown.id: figure_json(figure(reply.run.spec, frame=FRAMES[device]))},
            context_symbol=response.symbol,
            last_summary=response.summary.text if response.summary else "",
        )
    if reply.kind == "compare":
        return _compare_answer(reply, plan, theme=theme, context=context, summary=summary)
    if reply.kind == "scan" and reply.scan is not None and reply.call is not None:
        table = scan_chat.scan_message(reply.scan, reply.call, text=reply.text)
        return Shown(messages=[table], context_symbol=context, last_summary=summary)
    if reply.kind == "quote" and reply.quote is not None:
        return _quote_answer(reply, reply.quote, plan, theme=theme, summary=summary)
    return Shown(
        messages=[message("assistant", reply.kind, reply.text, **plan)],
        context_symbol=context,
        last_summary=summary,
    )


def _compare_answer(
    reply: ChatAnswer, plan: dict[str, Any], *, theme: Theme, context: str, summary: str
) -> Shown:
    rows = [
        CompareRowView(
            symbol=row.symbol,
            change=f"{row.change_pct:+.1%}",
            last=format_price(row.last_close, price_decimals(row.last_close)),
            trend=row.trend,
            support=_price_or_dash(row.support, row.last_close),
            resistance=_price_or_dash(row.resistance, row.last_close),
        )
        for row in reply.compare
    ]
    shown = message("assistant", "compare", reply.text, compare=rows, has_figure=True, **plan)
    window = plan.get("plan_period") or "the period"
    overlay = performance_overlay(
        {symbol: (c.times, c.values) for symbol, c in reply.closes.items()},
        theme=theme,
        title=f"{' vs '.join(reply.closes)} · {window}, rebased to 100",
    )
    return Shown(
        messages=[shown],
        figures={shown.id: figure_json(overlay)},
        context_symbol=context,
        last_summary=summary,
    )


def _quote_answer(
    reply: ChatAnswer, quote: Quote, plan: dict[str, Any], *, theme: Theme, summary: str
) -> Shown:
    card = _card(quote, source=quote.source, notice="")
    shown = message(
        "assistant",
        "quote",
        reply.text,
        has_figure=quote.symbol in reply.closes,
        quote_name=card.name or card.symbol,
        quote_last=card.last,
        quote_change=card.change,
        quote_up=card.change_up,
        **plan,
    )
    closes = reply.closes.get(quote.symbol)
    figures = (
        {}
        if closes is None
        else {shown.id: figure_json(sparkline(closes.times, closes.values, theme=theme))}
    )
    return Shown(
        messages=[shown], figures=figures, context_symbol=quote.symbol, last_summary=summary
    )


def _price_or_dash(price: float | None, reference: float) -> str:
    return "–" if price is None else format_price(price, price_decimals(reference))


PERIOD_LABELS = {
    "1d": "1D",
    "5d": "5D",
    "1mo": "1M",
    "3mo": "3M",
    "6mo": "6M",
    "1y": "1Y",
    "2y": "2Y",
    "5y": "5Y",
    "10y": "10Y",
    "ytd": "YTD",
    "max": "Max",
}


def plan_fields(reply: ChatAnswer) -> dict[str, Any]:
    """The effective plan of an answer, for its pills: what really ran, after precedence."""
    call, request = reply.call, reply.request
    if call is None or call.tool in ("help", "summary", "scan"):
        return {}
    symbol = (
        reply.run.response.symbol
        if reply.run
        else reply.quote.symbol
        if reply.quote
        else ", ".join(call.symbols)
    )
    period = ""
    if request is not None:
        if request.start is not None:
            period = (
                f"{request.start:%Y-%m-%d} – {request.end:%Y-%m-%d}"
                if request.end
                else (f"since {request.start:%Y-%m-%d}")
            )
        else:
            period = request.period or ""
    interval = request.interval if request is not None else ""
    leg = request.leg if request is not None and call.tool in ("fibonacci", "chart") else ""
    parts = [
        TOOL_TITLES.get(call.tool, call.tool),
        symbol,
        PERIOD_LABELS.get(period, period),
        interval,
        f"{leg} leg" if leg else "",
    ]
    return {
        "plan_tool": call.tool,
        "plan_symbol": symbol,
        "plan_period": period,
        "plan_interval": interval,
        "plan_leg": leg,
        "plan_label": " · ".join(part for part in parts if part),
    }


def leg_lines(result: Analysis) -> list[str]:
    """The legs considered (one line each, the drawn one marked) and any caveat."""
    fib = result.fibonacci
    if fib is None:
        return []
    lines = [option.summary for option in fib.alternatives]
    if fib.provisional is not None:
        lines.append(fib.provisional.note)
    if fib.note:
        lines.append(fib.note)
    return lines


def level_rows(result: Analysis) -> list[LevelRow]:
    """The retracements with their price and their hit-rate verdict beside the baseline."""
    fib = result.fibonacci
    if fib is None:
        return []
    rates = {(r.kind, r.ratio): r for r in result.hit_rates.levels}
    nearest = {lv.ratio for lv in (fib.position.above, fib.position.below) if lv is not None}
    decimals = price_decimals(result.series.last_close)
    rows = []
    for level in fib.retracements:
        rate = rates.get((level.kind, level.ratio))
        rows.append(
            LevelRow(
                ratio=f"{level.ratio:g}",
                price=format_price(level.price, decimals),
                hit_rate="–" if rate is None else short_verdict(rate),
                kind=level.kind,
                nearest=level.ratio in nearest,
            )
        )
    return rows


async def symbol_card(services: Services, reply: ChatAnswer) -> SymbolCard | None:
    """The card beside the chat for the symbol an answer was about, or None."""
    quote = reply.quote
    symbol = reply.run.response.symbol if reply.run else None
    notice = reply.run.response.notice if reply.run else None
    source = reply.run.response.source if reply.run else quote.source if quote else ""
    if quote is None and symbol is not None:
        try:
            quote = await market.get_quote(services.market.provider, symbol)
        except MarketDataError:
            return None
    if quote is None:
        return None
    return _card(quote, source=source, notice=notice or "")


def _range(low: float | None, high: float | None, decimals: int) -> str:
    if low is None or high is None:
        return ""
    return f"{format_price(low, decimals)} – {format_price(high, decimals)}"


def _card(quote: Quote, *, source: str, notice: str) -> SymbolCard:
    d = price_decimals(quote.last_price)
    change = (
        format_change(quote.change, quote.change_percent, d)
        if quote.change is not None and quote.change_percent is not None
        else ""
    )
    return SymbolCard(
        symbol=quote.symbol,
        name=quote.name or "",
        last=f"{format_price(quote.last_price, d)} {quote.currency or ''}".strip(),
        change=change,
        change_up=(quote.change or 0) >= 0,
        day_range=_range(quote.day_low, quote.day_high, d),
        year_range=_range(quote.year_low, quote.year_high, d),
        source=source,
        notice=notice,
    )
