"""The tools: each one calls the use case the API route (or the chat) calls, on the same
services, and returns the same body the API returns, as structured content with its JSON
schema; the chart comes as an image block.

To add a tool: write an async method on `Toolbox` that
takes its arguments as annotated parameters and the `Context`, checks its scope with
`self.admit`, runs inside `as_tool_errors()`, and list it in `Toolbox.tools`.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, ContentBlock, ImageContent, TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from analysis.models import Detector
from app.mcp.errors import as_tool_errors
from app.mcp.models import ComparedSymbol, Comparison
from app.services import chat, history, market, scans
from app.services.analyses import run_chart
from app.services.container import Services
from app.services.scan_schemas import ScanRequest, ScanView
from app.services.schemas import AnalysisDetail, AnalysisPage, ChartRequest, ChartResponse
from integrations.auth.models import InsufficientScopeError, Principal
from integrations.auth.scopes import CHARTS_READ, CHARTS_WRITE
from integrations.market_data import Quote
from integrations.market_data.models import DEFAULT_PERIOD
from integrations.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, InvalidPageRequestError
from integrations.records.models import RECORD_ID_PATTERN
from language.models import Conversation, Plan, PlannedCall
from language.vocabulary import Interval, Leg, Period

# Who is calling: the verified token's principal over HTTP, the local user over stdio.
CallerOf = Callable[[Context], Principal]
AnalysisTool = Literal["fibonacci", "structure", "levels"]
Symbol = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        description="A ticker or a name: AAPL, tesla, bitcoin, s&p 500, eur/usd, 0700.HK.",
    ),
]


@dataclass(frozen=True)
class ToolSpec:
    """A tool as the server lists it."""

    fn: Callable[..., object]
    title: str
    read_only: bool


class _FixedPlanner:
    """The chat's use case with the plan already made: the agent chose the tool and its
    arguments, so no words need planning."""

    name = "mcp"

    def __init__(self, call: PlannedCall) -> None:
        self._plan = Plan(calls=[call], planner=self.name)

    async def plan(self, message: str, conversation: Conversation) -> Plan:
        return self._plan


def _structured(body: BaseModel, text: str, png: bytes | None) -> CallToolResult:
    content: list[ContentBlock] = [TextContent(text=text)]
    if png:
        content.append(ImageContent(data=base64.b64encode(png).decode(), mime_type="image/png"))
    return CallToolResult(content=content, structured_content=body.model_dump(mode="json"))


def analysis_text(response: ChartResponse | AnalysisDetail) -> str:
    """The analysis in a few lines an agent can quote: provenance, the leg and its levels,
    each ratio's hit-rate verdict as the API words it, and the reading."""
    lines = [f"{response.symbol} {response.interval}, source: {response.source}"]
    notice = getattr(response, "notice", None)
    if notice:
        lines.append(f"notice: {notice}")
    result = response.analysis
    if result is not None:
        fib = result.fibonacci
        if fib is None:
            lines.append("No Fibonacci leg: " + "; ".join(result.notes or ["no confirmed swing"]))
        else:
            lines.append(
                f"Fibonacci ({fib.leg} leg, {fib.direction}): "
                f"{fib.start.price:g} -> {fib.end.price:g}"
            )
            levels = ", ".join(f"{level.ratio:g} at {level.price:g}" for level in fib.retracements)
            lines.append(f"retracements: {levels}")
        lines.extend(
            f"hit-rate {rate.ratio:g}: {rate.verdict_text}" for rate in result.hit_rates.levels
        )
    if response.summary is not None:
        lines.append(f"reading ({response.summary.provider}): {response.summary.text}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Toolbox:
    """The tools over one services container; `caller_of` says who is asking."""

    services: Services
    caller_of: CallerOf

    @property
    def tools(self) -> list[ToolSpec]:
        return [
            ToolSpec(self.analyze, "Analyse a symbol", read_only=False),
            ToolSpec(self.quote, "Quote", read_only=True),
            ToolSpec(self.compare, "Compare symbols", read_only=True),
            ToolSpec(self.list_analyses, "Your past analyses", read_only=True),
            ToolSpec(self.get_analysis, "One past analysis", read_only=True),
            ToolSpec(self.scan, "Scan a universe for setups", read_only=False),
        ]

    def admit(self, ctx: Context, scope: str) -> Principal:
        """The caller, if its token grants `scope` (the API's scopes, tool by tool)."""
        caller = self.caller_of(ctx)
        if not caller.can(scope):
            raise ToolError(InsufficientScopeError(scope, caller.scopes).description)
        return caller

    async def analyze(
        self,
        symbol: Symbol,
        ctx: Context,
        tool: Annotated[
            AnalysisTool,
            Field(
                description="What the chart answers: Fibonacci levels, market structure, "
                "or support/resistance levels. Every analysis carries all three."
            ),
        ] = "fibonacci",
        period: Annotated[
            Period | None, Field(description="Look-back from today (default 6mo).")
        ] = None,
        start: Annotated[date | None, Field(description="First day, instead of period.")] = None,
        end: Annotated[date | None, Field(description="Last day, with start.")] = None,
        interval: Annotated[Interval, Field(description="Bar interval.")] = "1d",
        leg: Annotated[
            Leg,
            Field(
                description="Fibonacci leg: `major`, the window's largest confirmed move price "
                "has not broken; `latest`, the most recent confirmed leg."
            ),
        ] = "major",
        detector: Annotated[Detector, Field(description="Swing detector.")] = "zigzag",
        ratios: Annotated[
            list[float] | None,
            Field(description="Retracement ratios between 0 and 1 (default: the usual seven)."),
        ] = None,
        interpret: Annotated[bool, Field(description="Add the AI reading of the chart.")] = True,
    ) -> Annotated[CallToolResult, ChartResponse]:
        """Fibonacci levels, market structure, support/resistance zones and each level's
        hit-rate beside random levels, on a symbol's bars; kept in your history. The same
        analysis as POST /api/charts/fibonacci, with the chart as an image."""
        caller = self.admit(ctx, CHARTS_WRITE)
        with as_tool_errors():
            request = ChartRequest.model_validate(
                {
                    "symbol": symbol,
                    "period": period,
                    "start": start,
                    "end": end,
                    "interval": interval,
                    "leg": leg,
                    "detector": detector,
                    "ratios": ratios,
                    "interpret": interpret,
                }
            )
            done = await run_chart(self.services.analysis, caller.sub, request, tool=tool)
        return _structured(done.response, analysis_text(done.response), done.png)

    async def quote(self, symbol: Symbol, ctx: Context) -> Quote:
        """Last price, change, day and 52-week range, with the data source (GET
        /api/market/{symbol}/quote)."""
        self.admit(ctx, CHARTS_READ)
        with as_tool_errors():
            return await market.get_quote(self.services.market.provider, symbol)

    async def compare(
        self,
        symbols: Annotated[
            list[Symbol], Field(min_length=2, max_length=chat.MAX_COMPARED, description="2-5.")
        ],
        ctx: Context,
        period: Annotated[Period, Field(description="The window for every symbol.")] = (
            DEFAULT_PERIOD
        ),
        interval: Annotated[Interval, Field(description="Bar interval.")] = "1d",
    ) -> Comparison:
        """2-5 symbols over the same window: performance, trend and nearest support and
        resistance of each (the chat's compare)."""
        caller = self.admit(ctx, CHARTS_READ)
        call = PlannedCall(tool="compare", symbols=symbols, period=period, interval=interval)
        with as_tool_errors():
            answer = await chat.answer(
                " ".join(symbols),
                owner=caller.sub,
                planner=_FixedPlanner(call),
                conversation=Conversation(),
                ports=self.services.analysis,
            )
            if answer.kind == "error":
                raise ToolError(answer.text)
            rows = []
            for row in answer.compare:
                # The compare just fetched these bars: this is a cache hit, for provenance.
                bars = await market.get_history(
                    self.services.market.provider, row.symbol, period=period, interval=interval
                )
                rows.append(
                    ComparedSymbol(
                        symbol=row.symbol,
                        name=row.name,
                        last_close=row.last_close,
                        change_pct=row.change_pct,
                        trend=row.trend,
                        support=row.support,
                        resistance=row.resistance,
                        source=bars.source,
                        notice=bars.notice,
                    )
                )
        best = max(rows, key=lambda r: r.change_pct).symbol
        return Comparison(
            period=period, interval=interval, symbols=rows, best=best, text=answer.text
        )

    async def list_analyses(
        self,
        ctx: Context,
        limit: Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
        cursor: Annotated[
            str | None, Field(description="The `next_cursor` of the previous page, unchanged.")
        ] = None,
        symbol: Annotated[str | None, Field(max_length=32)] = None,
    ) -> AnalysisPage:
        """Your analyses, newest first (GET /api/analyses)."""
        caller = self.admit(ctx, CHARTS_READ)
        persistence = self.services.persistence
        with as_tool_errors():
            try:
                return await history.page_of_analyses(
                    persistence.records,
                    persistence.objects,
                    caller.sub,
                    symbol=symbol,
                    limit=limit,
                    cursor=cursor,
                    lifetime=self.services.settings.signed_url_ttl,
                )
            except InvalidPageRequestError as exc:
                raise ToolError(str(exc)) from None

    async def get_analysis(
        self,
        analysis_id: Annotated[
            str,
            Field(pattern=RECORD_ID_PATTERN, description="32 hex digits, from analyze or a list."),
        ],
        ctx: Context,
    ) -> Annotated[CallToolResult, AnalysisDetail]:
        """One of your analyses, with its chart (GET /api/analyses/{analysis_id})."""
        caller = self.admit(ctx, CHARTS_READ)
        persistence = self.services.persistence
        record = await persistence.records.get(analysis_id, owner=caller.sub)
        if record is None:
            raise ToolError(
                f"you have no analysis with id {analysis_id!r}; list_analyses has yours"
            )
        detail = await history.detail(
            persistence.objects, record, self.services.settings.signed_url_ttl
        )
        png = await persistence.objects.get(record.chart_keys[0]) if record.chart_keys else None
        return _structured(detail, analysis_text(detail), png)

    async def scan(self, request: ScanRequest, ctx: Context) -> ScanView:
        """Every symbol of a universe (or of `symbols`) that matches all the setups, with its
        distance to the level, level statistics and verdict; failed symbols say why (POST
        /api/scans, waited for to its end). The scan is kept, so it needs `charts:write`."""
        caller = self.admit(ctx, CHARTS_WRITE)
        with as_tool_errors():
            try:
                return await scans.run_scan(self.services.scans, request, caller.sub)
            except scans.ScanInputError as exc:
                raise ToolError(str(exc)) from None


def tool_annotations(spec: ToolSpec) -> ToolAnnotations:
    return ToolAnnotations(title=spec.title, read_only_hint=spec.read_only, open_world_hint=True)
