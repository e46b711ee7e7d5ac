"""The chat's scan: a planned scan call in, the scan use case run (`app.services.scans`, as
the API and the CLI run it), a table out that fills in as results arrive.

The table is small view records (`chat_views.ScanRowView`): the cells as shown and the keys
they sort by, never frames, since the chat state is pickled on every event. Each row carries
the request that opens that symbol's full analysis as the scan read it (the same history and
bars), so a click is a new turn of the chat. A stored answer keeps the scan's id on its tool
call, and reopening the conversation reads the stored scan back.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from analysis.prices import format_price, price_decimals
from analysis.scan import ScanRow
from app.services import scans
from app.services.chat_views import ScanRowView, UiMessage
from app.services.scan_schemas import ScanRequest, ScanView
from app.services.scans import ScanPorts
from integrations.chat_history.models import ToolCall
from integrations.paging import MAX_PAGE_SIZE
from integrations.records.scans import ScanStatus
from language.models import PlannedCall
from language.scans import describe
from language.universes import TITLES
from language.vocabulary import Interval, Period, ToolName

# Rows a chat answer shows: the closest ones (the scan's own order); the API and the CLI
# page through all of them.
CHAT_ROWS = MAX_PAGE_SIZE
CHAT_FAILURES = 50
TOOL = "scan"
# Told the scan's view as results arrive, with the call it runs (for the table's title).
ScanSink = Callable[[PlannedCall, ScanView], Awaitable[None]]
# Which analysis answers a row: the question its first setup asked.
_ROW_TOOLS: dict[str, ToolName] = {
    "golden-pocket": "fibonacci",
    "near-fib": "fibonacci",
    "confluence": "fibonacci",
    "structure-break": "structure",
    "trend": "structure",
    "near-zone": "levels",
    "open-imbalance": "levels",
}
_TOOL_WORDS: dict[ToolName, str] = {
    "fibonacci": "fibonacci",
    "structure": "market structure",
    "levels": "support and resistance",
}
# How a row's request names the scan's history and bars, in words the planner reads back.
PERIOD_WORDS: dict[Period, str] = {
    "1d": "1 day", "5d": "5 days", "1mo": "1 month", "3mo": "3 months", "6mo": "6 months",
    "1y": "1 year", "2y": "2 years", "5y": "5 years", "10y": "10 years", "ytd": "ytd",
    "max": "all time",
}  # fmt: skip
_INTERVAL_WORDS: dict[str, str] = {
    "1d": "daily", "1wk": "weekly", "1mo": "monthly", "3mo": "quarterly", "5d": "5 day bars",
}  # fmt: skip
# Sort order of a level's verdict: the ones with something to say first.
_VERDICT_ORDER = {"edge": 0, "no edge": 1, "worse than random": 2, "not enough history": 3}
# Where a missing number sorts: last (a finite number, since the page's state is JSON).
_MISSING = 1e12
SORT_COLUMNS = ("symbol", "setup", "distance_pct", "distance_atr", "stats", "trend", "last_bar")


def scan_request(call: PlannedCall) -> ScanRequest:
    """The API's request for a planned scan: what the plan left unsaid takes its defaults."""
    asked: dict[str, Any] = {
        "universe": call.universe,
        "symbols": tuple(call.symbols) or None,
        "setups": call.setups or None,
        "period": call.period,
        "interval": call.interval,
    }
    return ScanRequest.model_validate({k: v for k, v in asked.items() if v is not None})


async def run_chat_scan(
    ports: ScanPorts, call: PlannedCall, *, owner: str, on_scan: ScanSink | None = None
) -> ScanView:
    """Runs the scan to its end, telling `on_scan` its view as results arrive.

    `scans.ScanInputError` (an empty watchlist, say) is the caller's to show."""

    async def progress(view: ScanView) -> None:
        if on_scan is not None:
            await on_scan(call, view)

    return await scans.run_scan(ports, scan_request(call), owner, progress)


def title(call: PlannedCall) -> str:
    """`Scan · the S&P 500 · near the 0.618 + near a support zone · 5y 1d`."""
    request = scan_request(call)
    where = TITLES[call.universe] if call.universe else ", ".join(call.symbols)
    return f"Scan · {where} · {describe(request.setups)} · {request.period} {request.interval}"


def answer_text(view: ScanView, call: PlannedCall) -> str:
    """The answer in a line (what the conversation keeps): what matched and what failed."""
    where = TITLES[call.universe] if call.universe else ", ".join(call.symbols)
    shown = ", ".join(row.symbol for row in view.rows[:10])
    more = f" and {view.matched - 10} more" if view.matched > 10 else ""
    matched = f": {shown}{more}" if view.rows else ""
    scanned = (
        f"Cancelled after {view.scanned} of {view.total} symbols of {where}"
        if view.status == ScanStatus.CANCELLED
        else f"Scanned {where}"
    )
    text = (
        f"{scanned} ({describe(scan_request(call).setups)}): {view.matched} of "
        f"{view.total} matched{matched}. {view.failed} failed."
    )
    return text if view.error is None else f"{text} {view.error}"


def progress_line(view: ScanView) -> str:
    return f"{view.scanned} / {view.total} scanned, {view.failed} failed"


def scan_message(
    view: ScanView,
    call: PlannedCall,
    *,
    text: str = "",
    notes: list[str] | None = None,
    message_id: str = "",
) -> UiMessage:
    """The table as the chat shows it, partial while the scan runs."""
    request = scan_request(call)
    rows = [_row(row, request) for row in view.rows[:CHAT_ROWS]]
    shown_notes = list(notes or [])
    if view.matched > len(rows):
        shown_notes.append(
            f"Showing the closest {len(rows)} of {view.matched} matches; `financials scan` "
            f"and GET /api/scans/{view.id} page through all of them."
        )
    failures = [f"{f.symbol}: {f.reason}" for f in view.failures[:CHAT_FAILURES]]
    if view.failed > len(failures):
        failures.append(f"and {view.failed - len(failures)} more")
    return UiMessage(
        id=message_id or uuid.uuid4().hex[:12],
        role="assistant",
        kind="scan",
        text=text,
        title=title(call),
        scan_id=view.id,
        scan_status=str(view.status),
        scan_progress=progress_line(view),
        scan_rows=rows,
        scan_failures=failures,
        scan_notes=shown_notes,
    )


def _row(row: ScanRow, request: ScanRequest) -> ScanRowView:
    own, pooled = row.level_stats, row.universe_stats
    decimals = price_decimals(row.last_close)
    return ScanRowView(
        symbol=row.symbol,
        setup=row.setup,
        level=row.level,
        distance_pct="–" if row.distance_pct is None else f"{row.distance_pct:.2f}%",
        distance_atr="–" if row.distance_atr is None else f"{row.distance_atr:.2f}",
        stats="–" if own is None else own.summary,
        verdict="" if own is None else own.verdict,
        pooled="" if pooled is None else f"pooled: {pooled.summary}",
        trend=row.trend,
        last_bar=f"{row.last_time:%Y-%m-%d} · {format_price(row.last_close, decimals)}",
        ask=row_request(row, period=request.period, interval=request.interval),
        pct_key=_MISSING if row.distance_pct is None else row.distance_pct,
        atr_key=_MISSING if row.distance_atr is None else row.distance_atr,
        stats_key=_VERDICT_ORDER.get(own.verdict, 4) if own is not None else 5,
        last_key=row.last_time.isoformat(),
    )


def row_request(row: ScanRow, *, period: Period, interval: Interval) -> str:
    """The chat request that opens the row's symbol as the scan analysed it."""
    tool = _ROW_TOOLS.get(row.matches[0].setup if row.matches else "", "fibonacci")
    bars = _INTERVAL_WORDS.get(interval, f"on the {interval}")
    return f"{_TOOL_WORDS[tool]} for ${row.symbol} over {PERIOD_WORDS[period]} {bars}"


def sorted_by(message: UiMessage, column: str) -> UiMessage:
    """The table sorted by `column`; the same column again reverses it."""
    if column not in SORT_COLUMNS or message.kind != "scan":
        return message
    descending = not message.scan_descending if message.scan_sort == column else False
    keys: dict[str, Callable[[ScanRowView], Any]] = {
        "symbol": lambda r: r.symbol,
        "setup": lambda r: (r.setup, r.atr_key),
        "distance_pct": lambda r: (r.pct_key, r.symbol),
        "distance_atr": lambda r: (r.atr_key, r.symbol),
        "stats": lambda r: (r.stats_key, r.atr_key),
        "trend": lambda r: (r.trend, r.atr_key),
        "last_bar": lambda r: (r.last_key, r.symbol),
    }
    rows = sorted(message.scan_rows, key=keys[column], reverse=descending)
    return dataclasses.replace(
        message, scan_rows=rows, scan_sort=column, scan_descending=descending
    )


# --- stored with the conversation ---------------------------------------------------------


def with_scan_id(calls: tuple[ToolCall, ...], scan_id: str) -> tuple[ToolCall, ...]:
    """The stored tool calls, the scan's carrying the id of the scan it ran."""
    result = json.dumps({"scan_id": scan_id})
    return tuple(
        call.model_copy(update={"result_json": result}) if call.name == TOOL else call
        for call in calls
    )


def stored_scan(calls: tuple[ToolCall, ...]) -> tuple[str, PlannedCall] | None:
    """The scan id and call a stored answer ran, or None for any other answer."""
    for call in calls:
        if call.name != TOOL or not call.result_json:
            continue
        try:
            scan_id = json.loads(call.result_json)["scan_id"]
            planned = PlannedCall.model_validate({**json.loads(call.arguments_json), "tool": TOOL})
        except (ValueError, KeyError, TypeError):
            return None
        return str(scan_id), planned
    return None


async def reopen_scan(
    ports: ScanPorts, *, owner: str, scan_id: str, call: PlannedCall, text: str
) -> UiMessage:
    """A stored scan answer as it was left: its rows and progress, read from the scan store."""
    try:
        view = await scans.get_scan(ports, scan_id, owner, limit=CHAT_ROWS)
    except scans.ScanNotFoundError:
        return UiMessage(
            id=uuid.uuid4().hex[:12],
            role="assistant",
            kind="text",
            text=f"{text}\n\n_The scan's table is no longer stored._",
        )
    return scan_message(view, call, text=text)


async def cancel_chat_scan(ports: ScanPorts, *, scan_id: str, owner: str) -> None:
    """The table's Cancel button: the scan stops at its next progress save (within about a
    second), and the turn answers with what it had found, marked cancelled."""
    try:
        await scans.cancel_scan(ports, scan_id, owner)
    except scans.ScanNotFoundError:
        return  # not the user's, or already gone: nothing to stop
