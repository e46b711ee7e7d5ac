"""The chat page's state: the conversation shown, what is being composed, and the symbol in
context.

Holds only what the page renders: texts, ids, small tables and the interactive chart
figures. Bars and images stay out (this state is pickled to Redis with several replicas);
the chart PNG is reached through its expiring link.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator

import plotly.graph_objects as go
import reflex as rx

from analysis import Analysis
from analysis.charts.interactive import figure
from analysis.prices import format_change, format_price, price_decimals
from analysis.verdicts import short_verdict
from app.config import get_settings
from app.logging import get_logger
from app.services import market
from app.services.analyses import AnalysisPorts
from app.services.chat import ChatAnswer, Overrides, answer, answer_file, recent_messages
from app.services.history import chart_link
from app.ui.state.models import CompareRowView, ConversationItem, LevelRow, SymbolCard, UiMessage
from app.ui.state.session import LOGIN_ROUTE, SessionState
from app.wiring import (
    analysis_ports,
    csv_market_data,
    current_ai,
    current_market_data,
    current_persistence,
)
from integrations.ai.history import conversation_from, stored_tool_calls
from integrations.chat_history.models import Attachments, NewMessage, Role
from integrations.market_data import MarketDataError

log = get_logger("financials.ui.chat")

TOOLS: tuple[tuple[str, str], ...] = (
    ("fibonacci", "Fibonacci"),
    ("structure", "Market structure"),
    ("levels", "Support/Resistance"),
    ("summary", "Summary"),
    ("quote", "Quote"),
    ("compare", "Compare"),
)
PERIODS: tuple[tuple[str, str], ...] = (
    ("1mo", "1M"),
    ("3mo", "3M"),
    ("6mo", "6M"),
    ("1y", "1Y"),
    ("2y", "2Y"),
    ("5y", "5Y"),
    ("max", "Max"),
)
INTERVALS: tuple[str, ...] = ("1d", "1wk", "1mo", "1h", "15m")
EXAMPLE_PROMPTS: tuple[str, ...] = (
    "Do a Fibonacci retracement for AAPL over 1 year",
    "Show market structure for MSFT",
    "Where are the key support levels for IBM?",
    "Compare apple and microsoft over 6 months",
)
TOOL_TITLES = dict(TOOLS) | {"chart": "Chart", "help": "Help"}
HISTORY_PAGE = 50


def _ports() -> AnalysisPorts:
    return analysis_ports(get_settings())


def _leg_lines(result: Analysis) -> list[str]:
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


def _levels(result: Analysis) -> list[LevelRow]:
    fib = result.fibonacci
    if fib is None:
        return []
    rates = {(r.kind, r.ratio): r for r in result.hit_rates.levels}
    nearest = {lv.ratio for lv in (fib.position.above, fib.position.below) if lv is not None}
    decimals = price_decimals(result.series.last_close)
    rows = []
    for level in fib.retracements:
        rate = rates.get((level.kind, level.ratio))
        held = "–" if rate is None else short_verdict(rate)
        rows.append(
            LevelRow(
                ratio=f"{level.ratio:g}",
                price=format_price(level.price, decimals),
                hit_rate=held,
                kind=level.kind,
                nearest=level.ratio in nearest,
            )
        )
    return rows


def _message(role: str, kind: str, text: str, **fields: object) -> UiMessage:
    return UiMessage(id=uuid.uuid4().hex[:12], role=role, kind=kind, text=text, **fields)


def _our_fault() -> UiMessage:
    """Said when a step on our side fails (storage, the AI, a bug): the user's input is kept."""
    return _message(
        "assistant",
        "error",
        "Something went wrong on our side; nothing you sent was lost. Please try again.",
    )


class ChatState(SessionState):
    messages: list[UiMessage] = []  # noqa: RUF012 - Reflex declares state vars this way
    figures: dict[str, go.Figure] = {}  # noqa: RUF012
    draft: str = ""
    chips: list[str] = []  # noqa: RUF012
    period: str = "6mo"
    interval: str = "1d"
    busy: bool = False
    dark: bool = False
    card: SymbolCard = SymbolCard()
    context_symbol: str = ""
    last_summary: str = ""
    conversation_id: str = ""
    conversations: list[ConversationItem] = []  # noqa: RUF012

    # --- composing ---------------------------------------------------------------------
    @rx.event
    def set_draft(self, value: str) -> None:
        self.draft = value

    @rx.event
    def toggle_chip(self, tool: str) -> None:
        # One tool at a time: a message runs one tool, and a second chip would be ignored.
        self.chips = [] if tool in self.chips else [tool]

    @rx.event
    def on_key(self, key: str, info: dict[str, object] | None = None) -> None:
        if key == "Escape":
            self.chips = []

    @rx.event
    def set_period(self, value: str) -> None:
        self.period = value

    @rx.event
    def set_interval(self, value: str) -> None:
        self.interval = value

    # --- loading -------------------------------------------------------------------------
    @rx.event
    async def load(self) -> AsyncIterator[object]:
        """on_load: who is this, their conversations, and the one to show."""
        if not self._load_user():
            yield rx.redirect(LOGIN_ROUTE)
            return
        await self._load_conversations()
        wanted = self.router.url.query_parameters.get("analysis")
        if wanted:
            await self._open_analysis(wanted)
        elif self.conversations and not self.messages:
            await self._show_conversation(self.conversations[0].id)

    async def _load_conversations(self) -> None:
        store = current_persistence().chat_history
        page = await store.list_conversations(self.user_sub, limit=HISTORY_PAGE)
        self.conversations = [
            ConversationItem(
                id=c.id, title=c.title or "New chat", when=c.updated_at.strftime("%b %d %H:%M")
            )
            for c in page.items
        ]

    async def _show_conversation(self, conversation_id: str) -> None:
        store = current_persistence().chat_history
        shown = await recent_messages(store, conversation_id, owner=self.user_sub)
        self.conversation_id = conversation_id
        self.messages, self.figures = [], {}
        for stored in shown:
            if stored.role == Role.USER:
                self.messages.append(_message("user", "text", stored.text))
                continue
            ids = stored.attachments.analysis_ids
            if ids:
                await self._open_analysis(ids[0], text=stored.text)
            else:
                self.messages.append(_message("assistant", "text", stored.text))

    async def _open_analysis(self, analysis_id: str, text: str | None = None) -> None:
        """A past analysis as a chat answer: its chart image, reading and levels."""
        persistence = current_persistence()
        record = await persistence.records.get(analysis_id, owner=self.user_sub)
        if record is None or record.result_json is None:
            self.messages.append(
                _message("assistant", "error", "That analysis is not one of yours.")
            )
            return
        result = Analysis.model_validate_json(record.result_json)
        lifetime = get_settings().signed_url_ttl
        link = await chart_link(persistence.objects, record, lifetime)
        request = record.request
        self.messages.append(
            _message(
                "assistant",
                "analysis",
                text or record.ai_text or "",
                title=f"{TOOL_TITLES.get(request.tool, request.tool)} · {request.symbol} "
                f"{request.interval}",
                analysis_id=record.id,
                chart_url=link.url if link else "",
                provider=record.ai_provider or "",
                levels=_levels(result),
                leg_lines=_leg_lines(result),
            )
        )
        self.context_symbol = request.symbol

    @rx.event
    async def open_conversation(self, conversation_id: str) -> None:
        await self._show_conversation(conversation_id)

    @rx.event
    def new_chat(self) -> None:
        self.conversation_id, self.messages, self.figures = "", [], {}
        self.chips, self.draft, self.context_symbol, self.last_summary = [], "", "", ""

    # --- sending -------------------------------------------------------------------------
    @rx.event
    def send(self, color_mode: str = "light") -> object:
        """`color_mode` is the page's resolved mode, so new charts match the page."""
        self.dark = color_mode == "dark"
        text = self.draft.strip()
        if self.busy or (not text and not self.chips):
            return None
        chips = [TOOL_TITLES[c] for c in self.chips]
        self.messages.append(_message("user", "text", text, chips=chips))
        self.messages.append(_message("assistant", "progress", "Thinking…"))
        self.draft, self.busy = "", True
        return ChatState.run_turn

    @rx.event(background=True)
    async def run_turn(self) -> None:
        async with self:
            user_text = self.messages[-2].text
            tool = self.chips[0] if self.chips else None
            self.chips = []
            overrides = Overrides(tool=tool, period=self.period, interval=self.interval)
            owner, context, summary = self.user_sub, self.context_symbol, self.last_summary
            theme = "dark" if self.dark else "light"
            conversation_id = self.conversation_id
        try:
            conversation_id = await self._ensure_conversation(conversation_id, owner, user_text)
            store = current_persistence().chat_history
            earlier = await recent_messages(store, conversation_id, owner=owner)
            await store.append(
                conversation_id,
                NewMessage(role=Role.USER, text=user_text or tool or ""),
                owner=owner,
            )

            async def progress(step: str) -> None:
                async with self:
                    self._set_last(_message("assistant", "progress", step))

            async def reading(text: str) -> None:
                # The analyst's reading streams into the chat as it is written.
                async with self:
                    self._set_last(_message("assistant", "streaming", text))

            reply = await answer(
                user_text,
                owner=owner,
                planner=current_ai().planner,
                conversation=conversation_from(earlier),
                ports=_ports(),
                overrides=overrides,
                context_symbol=context or None,
                last_summary=summary or None,
                theme=theme,
                progress=progress,
                on_text=reading,
            )
            await self._remember(conversation_id, owner, reply)
            card = await self._card(reply)
        except Exception:
            log.exception("chat turn failed")
            async with self:
                self._set_last(_our_fault())
                self.busy = False
            return
        async with self:
            self.conversation_id = conversation_id
            self._show_answer(reply)
            if card is not None:
                self.card = card
            self.busy = False
        await self._refresh_conversations()

    async def _refresh_conversations(self) -> None:
        async with self:
            await self._load_conversations()

    async def _ensure_conversation(self, conversation_id: str, owner: str, title: str) -> str:
        if conversation_id:
            return conversation_id
        store = current_persistence().chat_history
        created = await store.create_conversation(owner, title=title[:80] or "New chat")
        return created.id

    async def _remember(self, conversation_id: str, owner: str, reply: ChatAnswer) -> None:
        attachments = Attachments(
            analysis_ids=(reply.run.response.id,) if reply.run else (),
            tool_calls=stored_tool_calls(reply.plan, uuid.uuid4().hex[:8]) if reply.plan else (),
        )
        await current_persistence().chat_history.append(
            conversation_id,
            NewMessage(role=Role.ASSISTANT, text=reply.text[:8000], attachments=attachments),
            owner=owner,
        )

    async def _card(self, reply: ChatAnswer) -> SymbolCard | None:
        quote = reply.quote
        symbol = reply.run.response.symbol if reply.run else None
        notice = reply.run.response.notice if reply.run else None
        source = reply.run.response.source if reply.run else quote.source if quote else ""
        if quote is None and symbol is not None:
            try:
                quote = await market.get_quote(current_market_data().provider, symbol)
            except MarketDataError:
                return None
        if quote is None:
            return None
        d = price_decimals(quote.last_price)
        change = (
            format_change(quote.change, quote.change_percent, d)
            if quote.change is not None and quote.change_percent is not None
            else ""
        )
        day = (
            f"{format_price(quote.day_low, d)} – {format_price(quote.day_high, d)}"
            if quote.day_low is not None and quote.day_high is not None
            else ""
        )
        year = (
            f"{format_price(quote.year_low, d)} – {format_price(quote.year_high, d)}"
            if quote.year_low is not None and quote.year_high is not None
            else ""
        )
        return SymbolCard(
            symbol=quote.symbol,
            name=quote.name or "",
            last=f"{format_price(quote.last_price, d)} {quote.currency or ''}".strip(),
            change=change,
            change_up=(quote.change or 0) >= 0,
            day_range=day,
            year_range=year,
            source=source,
            notice=notice or "",
        )

    def _set_last(self, message: UiMessage) -> None:
        self.messages = [*self.messages[:-1], message]

    def _show_answer(self, reply: ChatAnswer) -> None:
        if reply.kind == "analysis" and reply.run is not None:
            response = reply.run.response
            message = _message(
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
                levels=_levels(response.analysis),
                leg_lines=_leg_lines(response.analysis),
                notice=response.notice or "",
            )
            self.figures = {**self.figures, message.id: figure(reply.run.spec)}
            self.context_symbol = response.symbol
            self.last_summary = response.summary.text if response.summary else ""
        elif reply.kind == "compare":
            message = _message(
                "assistant",
                "compare",
                reply.text,
                compare=[
                    CompareRowView(
                        symbol=row.symbol,
                        change=f"{row.change_pct:+.1%}",
                        last=format_price(row.last_close, price_decimals(row.last_close)),
                        trend=row.trend,
                    )
                    for row in reply.compare
                ],
            )
        else:
            message = _message("assistant", reply.kind, reply.text)
            if reply.quote is not None:
                self.context_symbol = reply.quote.symbol
        self._set_last(message)

    # --- downloads and uploads -----------------------------------------------------------
    @rx.event
    async def download_json(self, analysis_id: str) -> object:
        record = await current_persistence().records.get(analysis_id, owner=self.user_sub)
        if record is None or record.result_json is None:
            return None
        name = f"{record.request.symbol}-{record.request.interval}-{record.id[:8]}.json"
        return rx.download(data=record.result_json, filename=name)

    @rx.event
    async def handle_upload(self, files: list[rx.UploadFile]) -> AsyncIterator[object]:
        """Analyse a CSV the user dropped: the file is the source, its name the label."""
        if not files:
            return
        upload = files[0]
        name = upload.name or "upload.csv"
        data = await upload.read()
        self.messages.append(_message("user", "text", f"Analyse {name}", chips=["Upload CSV"]))
        self.messages.append(_message("assistant", "progress", f"Reading {name}…"))
        self.busy = True
        yield None
        label = "".join(c for c in name.rsplit(".", 1)[0].upper() if c.isalnum())[:20] or "CSV"
        ports = dataclasses.replace(_ports(), market=csv_market_data(data, filename=name))
        try:
            reply = await answer_file(
                label, owner=self.user_sub, ports=ports, theme="dark" if self.dark else "light"
            )
            self._show_answer(reply)
        except Exception:
            log.exception("upload failed")
            self._set_last(_our_fault())
        finally:
            self.busy = False
