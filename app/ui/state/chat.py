"""The chat page's state: the conversation shown, what is being composed, and the symbol in
context.

Holds only what the page renders: texts, ids, small view records, and the interactive
figures of the newest few answers (older answers keep their chart image). Bars and images
stay out (this state is pickled to Redis with several replicas). Every step calls one
function of `app.services.conversations` and writes back what it returns.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import reflex as rx

from app.logging import get_logger
from app.services import conversations
from app.services.chat import Overrides
from app.services.chat_views import ConversationItem, SymbolCard, UiMessage
from app.services.conversations import (
    LIVE_FIGURES,
    TOOL_TITLES,
    Device,
    FigureJson,
    Shown,
    TurnInput,
    message,
    our_fault,
)
from app.ui.services import services
from app.ui.state.pacing import Pacer
from app.ui.state.session import LOGIN_ROUTE, SessionState

log = get_logger("financials.ui.chat")

TOOLS: tuple[tuple[str, str], ...] = tuple(
    (tool, TOOL_TITLES[tool])
    for tool in ("fibonacci", "structure", "levels", "summary", "quote", "compare", "scan")
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
INTERVALS: tuple[str, ...] = ("1d", "1wk", "1mo", "4h", "2h", "1h", "15m")
LEGS: tuple[str, ...] = ("major", "latest")
PHONE_WIDTH = 640
# The page's width and whether it is drawn dark, read in the browser at load.
PAGE_LOOK = "[window.innerWidth, document.querySelector('.radix-themes.dark') ? 1 : 0]"
# Symbols of the bundled sample, so every example works offline too (and online).
EXAMPLE_PROMPTS: tuple[str, ...] = (
    "Do a Fibonacci retracement for AAPL over 1 year",
    "Show market structure for MSFT",
    "Where are the key support levels for IBM?",
    "Compare apple and microsoft over 6 months",
    "Quote GOOG",
    "Scan the bundled data for stocks in an uptrend",
)
PHONE_PLACEHOLDER = "Ask: Fibonacci for AAPL over 1 year…"
PLACEHOLDER = (
    "Ask: Fibonacci for AAPL over 1 year… (Enter sends, Shift+Enter new line, Esc clears the tool)"
)
# What a plan pill's tool becomes in words when it re-runs an answer.
TOOL_WORDS = {
    "fibonacci": "fibonacci",
    "structure": "market structure",
    "levels": "support and resistance",
    "chart": "chart",
    "quote": "quote",
    "compare": "compare",
}


class ChatState(SessionState):
    messages: list[UiMessage] = []  # noqa: RUF012 - Reflex declares state vars this way
    # Plain figure JSON (see `FigureJson`), keyed by message id.
    figures: dict[str, FigureJson] = {}  # noqa: RUF012
    draft: str = ""
    chips: list[str] = []  # noqa: RUF012
    # Set only when the user picks them for the next message; "" shows the placeholder.
    period: str = ""
    interval: str = ""
    busy: bool = False
    dark: bool = False
    card: SymbolCard = SymbolCard()
    context_symbol: str = ""
    last_summary: str = ""
    conversation_id: str = ""
    conversations: list[ConversationItem] = []  # noqa: RUF012
    # On a phone the charts' legends are folded away until asked for.
    legends_open: bool = False
    # A phone-sized page (at most PHONE_WIDTH px): its charts are laid out for it.
    phone: bool = False
    # A dropped file between the upload event and its background analysis (backend only,
    # cleared as soon as the analysis takes it).
    _upload: tuple[str, bytes] | None = None
    # What a plan pill set for the re-run it started (backend only).
    _rerun: Overrides | None = None

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
    def toggle_legends(self) -> None:
        self.legends_open = not self.legends_open

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
        self.conversations = await conversations.list_conversations(services(), owner=self.user_sub)
        # The page's width and colour mode decide how its charts are drawn, so they are
        # asked for first.
        yield rx.call_script(PAGE_LOOK, callback=ChatState.show_first)

    @rx.event
    async def show_first(self, look: list[int]) -> None:
        """The conversation (or the analysis in the address) the page opens on, drawn for
        the page's `[width, dark]` (PAGE_LOOK)."""
        width, dark = look
        self.phone, self.dark = width <= PHONE_WIDTH, bool(dark)
        wanted = self.router.url.query_parameters.get("analysis")
        if wanted:
            shown = await conversations.open_analysis(
                services(),
                owner=self.user_sub,
                analysis_id=wanted,
                theme="dark" if self.dark else "light",
                device=self._device(),
            )
            self._append(shown)
        elif self.conversations and not self.messages:
            await self._show_conversation(self.conversations[0].id)

    async def _show_conversation(self, conversation_id: str) -> None:
        shown = await conversations.reopen(
            services(),
            owner=self.user_sub,
            conversation_id=conversation_id,
            theme="dark" if self.dark else "light",
            device=self._device(),
        )
        self.messages, self.figures = [], {}
        self.conversation_id = shown.conversation_id
        self._append(shown)

    @rx.event
    async def open_conversation(self, conversation_id: str) -> None:
        await self._show_conversation(conversation_id)

    @rx.event
    def new_chat(self) -> None:
        self.conversation_id, self.messages, self.figures = "", [], {}
        self.chips, self.draft, self.context_symbol, self.last_summary = [], "", "", ""

    # --- sending -------------------------------------------------------------------------
    @rx.event
    def send(self, color_mode: str = "light", width: int = 1280) -> object:
        """`color_mode` is the page's resolved mode and `width` its width, so new charts
        match the page."""
        self.dark = color_mode == "dark"
        self.phone = int(width or 0) <= PHONE_WIDTH
        text = self.draft.strip()
        if self.busy or (not text and not self.chips):
            return None
        chips = [TOOL_TITLES[c] for c in self.chips]
        self.messages.append(message("user", "text", text, chips=chips))
        self.messages.append(message("assistant", "progress", "Thinking…"))
        self.draft, self.busy = "", True
        return ChatState.run_turn

    @rx.event
    def rerun(self, message_id: str, field: str, value: str) -> object:
        """A plan pill changed: the same request with that one part changed, as a new turn."""
        found = next((m for m in self.messages if m.id == message_id), None)
        if self.busy or found is None or not found.plan_tool:
            return None
        plan = {
            "tool": found.plan_tool,
            "period": found.plan_period,
            "interval": found.plan_interval,
            "leg": found.plan_leg,
        } | {field: value}
        period = plan["period"] if plan["period"] in dict(PERIODS) else None
        self._rerun = Overrides(
            tool=plan["tool"],
            period=period,
            interval=plan["interval"] or None,
            leg=plan["leg"] if plan["leg"] in LEGS else None,
        )
        text = f"{TOOL_WORDS.get(plan['tool'], plan['tool'])} {found.plan_symbol}"
        self.messages.append(message("user", "text", text, chips=["Re-run"]))
        self.messages.append(message("assistant", "progress", "Thinking…"))
        self.busy = True
        return ChatState.run_turn

    @rx.event(background=True)
    async def run_turn(self) -> None:
        async with self:
            tool = self.chips[0] if self.chips else None
            picked = Overrides(
                tool=tool, period=self.period or None, interval=self.interval or None
            )
            overrides, self._rerun = self._rerun or picked, None
            # The chips and selectors were for this message only.
            self.chips, self.period, self.interval = [], "", ""
            turn = TurnInput(
                owner=self.user_sub,
                text=self.messages[-2].text,
                overrides=overrides,
                conversation_id=self.conversation_id,
                context_symbol=self.context_symbol,
                last_summary=self.last_summary,
                theme="dark" if self.dark else "light",
                device=self._device(),
            )

        async def show(step: UiMessage) -> None:
            async with self:
                self._set_last(step)

        pacer = Pacer(send=show)

        async def progress(step: str) -> None:
            await pacer.push(message("assistant", "progress", step))

        async def reading(text: str) -> None:
            # The analyst's reading streams into the chat as it is written.
            await pacer.push(message("assistant", "streaming", text))

        async def scan_table(table: UiMessage) -> None:
            # A scan's table fills in as its results arrive (paced with the progress steps,
            # so a step kept back can never replace a newer table).
            await pacer.push(table)

        try:
            shown = await conversations.take_turn(
                services(), turn, progress=progress, on_text=reading, on_scan=scan_table
            )
            listed = await conversations.list_conversations(services(), owner=turn.owner)
        except Exception:
            log.exception("chat turn failed")
            await pacer.close()
            async with self:
                self._set_last(our_fault())
                self.busy = False
            return
        await pacer.close()
        async with self:
            self.conversation_id = shown.conversation_id
            self.messages = self.messages[:-1]
            self._append(shown)
            if shown.card is not None:
                self.card = shown.card
            self.conversations = listed
            self.busy = False

    def _device(self) -> Device:
        return "phone" if self.phone else "laptop"

    def _set_last(self, shown: UiMessage) -> None:
        self.messages = [*self.messages[:-1], shown]

    def _append(self, shown: Shown) -> None:
        """Adds what a service returned; only the newest figures stay live."""
        self.messages = [*self.messages, *shown.messages]
        figures = {**self.figures, **shown.figures}
        live = [m.id for m in self.messages if m.id in figures][-LIVE_FIGURES:]
        self.figures = {key: figures[key] for key in live}
        self.messages = [
            m if m.id in self.figures or not m.has_figure else _without_figure(m)
            for m in self.messages
        ]
        self.context_symbol = shown.context_symbol or self.context_symbol
        self.last_summary = shown.last_summary or self.last_summary

    # --- downloads and uploads -----------------------------------------------------------
    @rx.event
    async def download_json(self, analysis_id: str) -> object:
        found = await conversations.analysis_download(
            services(), owner=self.user_sub, analysis_id=analysis_id
        )
        if found is None:
            return None
        data, name = found
        return rx.download(data=data, filename=name)

    @rx.event
    async def handle_upload(self, files: list[rx.UploadFile]) -> AsyncIterator[object]:
        """Reads the file the user dropped; the analysis runs in the background."""
        if not files:
            return
        upload = files[0]
        name = upload.name or "upload.csv"
        self._upload = (name, await upload.read())
        self.messages.append(message("user", "text", f"Analyse {name}", chips=["Upload CSV"]))
        self.messages.append(message("assistant", "progress", f"Reading {name}…"))
        self.busy = True
        yield ChatState.analyse_upload

    @rx.event(background=True)
    async def analyse_upload(self) -> None:
        async with self:
            upload, self._upload = self._upload, None
            owner, theme, device = self.user_sub, "dark" if self.dark else "light", self._device()
        if upload is None:
            return
        name, data = upload
        try:
            shown = await conversations.analyse_upload(
                services(), owner=owner, data=data, filename=name, theme=theme, device=device
            )
        except Exception:
            log.exception("upload failed")
            async with self:
                self._set_last(our_fault())
                self.busy = False
            return
        async with self:
            self.messages = self.messages[:-1]
            self._append(shown)
            self.busy = False


def _without_figure(shown: UiMessage) -> UiMessage:
    """An answer whose live figure was dropped: its chart image stands in."""
    return dataclasses.replace(shown, has_figure=False)
