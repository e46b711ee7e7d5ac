"""What the chat page renders, as small serialisable records (no frames, no images).

Built by `app.services.conversations`; the UI state only stores and shows them."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class LevelRow:
    ratio: str
    price: str
    hit_rate: str
    kind: str
    nearest: bool = False


@dataclasses.dataclass
class CompareRowView:
    symbol: str
    change: str
    last: str
    trend: str
    support: str = ""
    resistance: str = ""


@dataclasses.dataclass
class UiMessage:
    id: str
    role: str  # "user" or "assistant"
    kind: str  # "text", "analysis", "error", "progress", "quote", "compare"
    text: str
    chips: list[str] = dataclasses.field(default_factory=list)
    title: str = ""
    analysis_id: str = ""
    chart_url: str = ""  # the PNG, through its expiring link
    has_figure: bool = False  # an interactive chart is in ChatState.figures[id]
    provider: str = ""
    ungrounded: list[str] = dataclasses.field(default_factory=list)
    levels: list[LevelRow] = dataclasses.field(default_factory=list)
    leg_lines: list[str] = dataclasses.field(default_factory=list)
    compare: list[CompareRowView] = dataclasses.field(default_factory=list)
    notice: str = ""
    # The effective plan of an answer, shown as editable pills above it ("Fibonacci · AAPL ·
    # 1Y · 1d · major leg"); empty for answers that ran no tool.
    plan_tool: str = ""
    plan_symbol: str = ""
    plan_period: str = ""
    plan_interval: str = ""
    plan_leg: str = ""
    plan_label: str = ""
    # A quote's card.
    quote_name: str = ""
    quote_last: str = ""
    quote_change: str = ""
    quote_up: bool = True


@dataclasses.dataclass
class SymbolCard:
    symbol: str = ""
    name: str = ""
    last: str = ""
    change: str = ""
    change_up: bool = True
    day_range: str = ""
    year_range: str = ""
    source: str = ""
    notice: str = ""


@dataclasses.dataclass
class ConversationItem:
    id: str
    title: str
    when: str
