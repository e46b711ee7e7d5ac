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
class ScanRowView:
    """One row of a scan's table: the cells as shown, and the keys it sorts by."""

    symbol: str
    setup: str
    level: str
    distance_pct: str
    distance_atr: str
    stats: str  # this symbol's own verdict for the level, with rate, baseline and sample
    verdict: str  # that verdict alone ("edge", "no edge"...), "" when the level has none
    pooled: str  # the same ratio's verdict pooled over every series scanned
    trend: str
    last_bar: str
    ask: str  # the request a click sends: this symbol's full analysis, as the scan read it
    pct_key: float
    atr_key: float
    stats_key: int
    last_key: str


@dataclasses.dataclass
class UiMessage:
    id: str
    role: str  # "user" or "assistant"
    kind: str  # "text", "analysis", "error", "progress", "quote", "compare", "scan"
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
    # A scan's table, filled in as results arrive.
    scan_id: str = ""
    scan_status: str = ""  # running, done, failed, cancelled
    scan_progress: str = ""  # "212 / 503 scanned, 3 failed"
    scan_rows: list[ScanRowView] = dataclasses.field(default_factory=list)
    scan_failures: list[str] = dataclasses.field(default_factory=list)  # "NOPE: why"
    scan_notes: list[str] = dataclasses.field(default_factory=list)
    scan_sort: str = ""  # the column the rows are sorted by ("" is the scan's own order)
    scan_descending: bool = False


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
