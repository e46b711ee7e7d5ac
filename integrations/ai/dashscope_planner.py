"""Qwen plans the chat with native tool calling: `Generation.call(tools=..., result_format=
"message")` through the dashscope SDK.

Why native rather than the OpenAI-compatible endpoint: it is the same SDK, key, base URL,
error codes (DataInspectionFailed, Throttling) and retry/timeout handling as the chart
interpreter (`dashscope_transport`), with no second client library; the tool declarations
are the same OpenAI-style JSON either way, so switching later is local to this module.

The model only chooses tools and extracts arguments as written; everything after is ours:
symbols go through the same resolver as the offline planner, periods and intervals through
the same parser (so "18 months" and "4h" get the same documented treatment), and a
follow-up that names no symbol falls back to the conversation's last one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from pydantic import ValidationError

from integrations.ai.dashscope_transport import DashScopeTransport, ToolCallOut
from integrations.ai.errors import AiResponseError
from integrations.ai.prompts import planner_messages
from integrations.ai.tools import ToolArguments, tool_definitions
from language.models import Conversation, Plan, PlannedCall
from language.periods import Window, parse_interval, parse_window
from language.ratios import parse_ratio
from language.resolver import SymbolResolver
from language.universes import find_universe
from language.vocabulary import (
    FIB_RATIOS,
    INTERVALS,
    LEGS,
    PERIODS,
    TOOL_NAMES,
    Interval,
    Leg,
    ToolName,
)

DEFAULT_CHAT_MODEL = "qwen-plus"
MAX_TOKENS = 400


class DashScopeChatPlanner:
    """`ChatPlanner` on Qwen (`Generation` with tools)."""

    name = "dashscope"

    def __init__(
        self,
        transport: DashScopeTransport,
        resolver: SymbolResolver,
        model: str = DEFAULT_CHAT_MODEL,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._transport = transport
        self._resolver = resolver
        self.model = model
        self._today = today

    async def plan(self, message: str, conversation: Conversation) -> Plan:
        today = self._today()
        reply = await self._transport.generation(
            self.model,
            planner_messages(
                message, conversation, today, ", ".join(PERIODS), ", ".join(INTERVALS)
            ),
            tools=tool_definitions(),
            max_tokens=MAX_TOKENS,
            temperature=0,
        )
        name = f"dashscope {self.model}"
        if not reply.tool_calls:
            if not reply.text.strip():
                raise AiResponseError(f"{self.model} returned neither a tool call nor text")
            return Plan(reply=reply.text.strip(), planner=name)
        notes: list[str] = []
        calls = [
            await self._call(tool_call, conversation, today, notes)
            for tool_call in reply.tool_calls
        ]
        kept = [call for call in calls if call is not None]
        if not kept:
            return Plan(reply=" ".join(notes) or "I couldn't find those markets.", planner=name)
        return Plan(calls=kept, notes=notes, planner=name)

    async def _call(
        self, tool_call: ToolCallOut, conversation: Conversation, today: date, notes: list[str]
    ) -> PlannedCall | None:
        tool = _tool_name(tool_call.function.name)
        try:
            raw = json.loads(tool_call.function.arguments or "{}")
            arguments = ToolArguments.model_validate(raw)
        except (json.JSONDecodeError, ValidationError) as exc:
            raise AiResponseError(
                f"{self.model} called {tool} with arguments we cannot read: {exc}"
            ) from None
        if tool == "help":
            return PlannedCall(tool="help")
        if tool == "scan":
            return await self._scan(arguments, notes)
        symbols: list[str] = []
        for text in arguments.symbols:
            candidates = await self._resolver.resolve(text)
            if candidates:
                symbols.append(candidates[0].symbol)
            else:
                notes.append(f"I couldn't find a market called “{text}”.")
        last = conversation.last_call()
        if not symbols and last is not None:
            symbols = list(last.symbols)
        if not symbols:
            return None
        if tool == "quote":
            return PlannedCall(tool=tool, symbols=_unique(symbols))
        window = self._window(arguments, today, notes)
        interval = self._interval(arguments.interval, notes)
        fibonacci = tool == "fibonacci"
        return PlannedCall(
            tool=tool,
            symbols=_unique(symbols),
            period=window.period,
            start=window.start,
            end=window.end,
            interval=interval,
            leg=_leg(arguments.leg, notes) if fibonacci else None,
            ratio=_ratio(arguments.ratio, notes) if fibonacci else None,
        )

    async def _scan(self, arguments: ToolArguments, notes: list[str]) -> PlannedCall | None:
        """A scan: the universe named (or markets resolved), and the setups read from the
        model's words by the offline rules, so both planners scan the same way."""
        from language import scans  # loads the analysis package: only a scan needs it

        written = arguments.setups
        words = ", ".join(written) if isinstance(written, list) else written or ""
        read = scans.setups_in(words)
        if read.error is not None:
            notes.append(read.error)
            return None
        notes.extend(read.notes)
        named = find_universe(arguments.universe or "")
        symbols: list[str] = []
        if named is None:
            for text in arguments.symbols:
                candidates = await self._resolver.resolve(text)
                if candidates:
                    symbols.append(candidates[0].symbol)
                else:
                    notes.append(f"I couldn't find a market called “{text}”.")
        period = parse_window(arguments.period, self._today()) if arguments.period else None
        return PlannedCall(
            tool="scan",
            universe=named.universe if named else None if symbols else "bundled",
            symbols=_unique(symbols),
            setups=read.setups,
            period=period.period if period is not None else None,
            interval=self._interval(arguments.interval, notes),
        )

    def _window(self, arguments: ToolArguments, today: date, notes: list[str]) -> Window:
        if arguments.start:
            try:
                start = date.fromisoformat(arguments.start)
                end = date.fromisoformat(arguments.end) if arguments.end else None
            except ValueError:
                notes.append(f"Ignored dates I could not read: {arguments.start}, {arguments.end}.")
                return Window()
            if end is not None and end < start:
                start, end = end, start
            return Window(start=start, end=end)
        if arguments.period:
            window = parse_window(arguments.period, today)
            if window is None:
                notes.append(f"Ignored a period I could not read: “{arguments.period}”.")
                return Window()
            if window.note:
                notes.append(window.note)
            return window
        return Window()

    def _interval(self, written: str | None, notes: list[str]) -> Interval | None:
        if not written:
            return None
        choice = parse_interval(written)
        if choice is None:
            notes.append(f"Ignored an interval I could not read: “{written}”.")
            return None
        if choice.note:
            notes.append(choice.note)
        return choice.interval


def _leg(written: str | None, notes: list[str]) -> Leg | None:
    if not written:
        return None
    for leg in LEGS:
        if written.strip().lower() == leg:
            return leg
    notes.append(f"Ignored a leg I could not read: “{written}” (major or latest).")
    return None


def _ratio(written: float | str | None, notes: list[str]) -> float | None:
    if written is None or written == "":
        return None
    ratio = parse_ratio(written)
    if ratio is None:
        ratios = ", ".join(f"{r:g}" for r in FIB_RATIOS)
        notes.append(f"Ignored the ratio {written}: the chart draws {ratios}.")
    return ratio


def _tool_name(name: str) -> ToolName:
    for tool in TOOL_NAMES:
        if name == tool:
            return tool
    raise AiResponseError(f"the model called an unknown tool {name!r}")


def _unique(symbols: list[str]) -> list[str]:
    return list(dict.fromkeys(symbols))
