"""The one use case behind the API, the chat and the CLI: symbol in, analysis, chart and
reading out, kept as a record.

Order: resolve the symbol and fetch bars (cached) -> analyse -> draw the chart -> read it
(AI) -> store image then record. Anything the user can fix (unknown symbol, bad range, too
few bars) fails before anything is stored; a failure after that stores the record as failed
with the reason. The record is written once, when the outcome is known, so a process killed
mid-request leaves no half-done record behind (at most an image no record points at), and a
request costs one database write. Analyses and chart images repeated exactly (same bars,
settings, theme and minute) come from `memo` instead of being computed again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from analysis import Analysis, AnalysisInputError, analyze
from analysis.charts import ChartSpec, build_chart_spec
from analysis.charts.spec import Focus
from analysis.charts.static import DEFAULT_SIZE, VISION_SIZE, render_png
from analysis.charts.theme import ThemeName
from app.logging import get_logger
from app.metrics import AI_FAILURES, AI_REQUEST_SECONDS, ANALYSIS_STAGE_SECONDS, CHARTS_RENDERED
from app.services import market
from app.services.history import chart_link
from app.services.memo import Lru, bars_digest
from app.services.records import (
    AnalysisOutcome,
    ChartImage,
    complete_analysis,
    fail_analysis,
)
from app.services.schemas import (
    AiSummary,
    AnalysisResult,
    ChartLink,
    ChartRequest,
    ChartResponse,
    TimingsMs,
)
from integrations.ai.errors import AiError
from integrations.ai.port import ChartInterpreter
from integrations.market_data import MarketDataProvider, PriceHistory
from integrations.records.models import AnalysisRecord, AnalysisRequest, Timings
from integrations.records.port import AnalysisRepository
from integrations.storage.port import ObjectStore
from language.models import Interpretation
from language.vocabulary import Interval

log = get_logger("financials.services.analyses")
T = TypeVar("T")
MAX_BARS = 50_000
# Bars above this are digested in a thread: hashing them is then worth the hop.
DIGEST_INLINE_BARS = 10_000
# Caches (bounded LRUs of pure results, see `memo`): the one module-level state here, and
# safe to lose; a value is only ever reused for the same bars, settings and minute.
_analyses: Lru[Analysis] = Lru()
_charts: Lru[tuple[ChartSpec, bytes]] = Lru()


# Told each step as it starts (the chat shows it).
Progress = Callable[[str], Awaitable[None]]


class TooManyBarsError(AnalysisInputError):
    """A request whose bars would make a chart nobody can read and a slow response."""


@dataclass(frozen=True)
class AnalysisPorts:
    market: MarketDataProvider
    records: AnalysisRepository
    objects: ObjectStore
    link_lifetime: timedelta
    interpreter: ChartInterpreter
    # Answers when the interpreter fails (the offline analyst, which needs no network).
    fallback: ChartInterpreter


class _Stopwatch:
    """Times each stage into the metrics and the response's `timings_ms`."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.ms: dict[str, float] = {}

    async def run(self, stage: str, work: Callable[[], Awaitable[T]]) -> T:
        began = time.perf_counter()
        try:
            return await work()
        finally:
            elapsed = time.perf_counter() - began
            ANALYSIS_STAGE_SECONDS.labels(stage=stage).observe(elapsed)
            self.ms[stage] = round(elapsed * 1000, 2)

    def timings(self) -> Timings:
        return Timings(
            data_ms=self.ms.get("data"),
            analysis_ms=self.ms.get("analysis"),
            chart_ms=self.ms.get("chart"),
            ai_ms=self.ms.get("ai"),
            total_ms=round((time.perf_counter() - self.started) * 1000, 2),
        )


async def _bars(provider: MarketDataProvider, request: ChartRequest) -> PriceHistory:
    history = await market.get_history(
        provider,
        request.symbol,
        period=request.period,
        start=request.start,
        end=request.end,
        interval=request.interval,
    )
    if len(history) > MAX_BARS:
        raise TooManyBarsError(
            f"{len(history):,} bars is too many to chart; at most {MAX_BARS:,} are accepted: "
            "ask for a shorter period or a longer interval"
        )
    return history


async def _digest(history: PriceHistory) -> str:
    frame = history.frame()
    if len(frame) <= DIGEST_INLINE_BARS:
        return bars_digest(frame)
    return await asyncio.to_thread(bars_digest, frame)


async def _analyse(history: PriceHistory, request: ChartRequest) -> Analysis:
    settings = request.analysis_settings()
    key = (await _digest(history), settings.model_dump_json())
    result = _analyses.get(key)
    if result is None:
        # CPU-bound NumPy work goes to a thread so the event loop keeps serving other users.
        result = await asyncio.to_thread(analyze, history.frame(), settings)
        _analyses.put(key, result)
    return result


async def _chart(
    history: PriceHistory, result: Analysis, request: ChartRequest, focus: Focus
) -> tuple[ChartSpec, bytes]:
    """The chart's spec and PNG; an identical one drawn this minute is reused."""
    # The footer shows the minute it was drawn, so within a minute the image is the same.
    generated_at = datetime.now(UTC).replace(second=0, microsecond=0)
    source = source_label(history)
    key = (
        await _digest(history),
        request.analysis_settings().model_dump_json(),
        history.symbol,
        request.interval,
        source,
        generated_at,
        request.theme,
        focus,
    )
    drawn = _charts.get(key)
    if drawn is None:
        drawn = await draw_chart(
            history,
            result,
            interval=request.interval,
            theme=request.theme,
            focus=focus,
            generated_at=generated_at,
        )
        _charts.put(key, drawn)
    return drawn


async def draw_chart(
    history: PriceHistory,
    result: Analysis,
    *,
    interval: Interval,
    theme: ThemeName,
    focus: Focus,
    generated_at: datetime,
) -> tuple[ChartSpec, bytes]:
    """The one recipe for a chart: its spec (labelled with the source) and its PNG.

    The API, the chat and the CLI's `--out` all draw through here, so a chart looks the same
    and names its data source the same way wherever it is made.
    """
    spec = build_chart_spec(
        history.frame(),
        result,
        symbol=history.symbol,
        interval=interval,
        source=source_label(history),
        generated_at=generated_at,
        theme=theme,
        focus=focus,
    )
    png = await asyncio.to_thread(render_png, spec)
    CHARTS_RENDERED.labels(size=f"{DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]}").inc()
    return spec, png


async def fetch_and_analyse(
    provider: MarketDataProvider,
    request: ChartRequest,
    watch: _Stopwatch | None = None,
    progress: Progress | None = None,
) -> tuple[PriceHistory, Analysis]:
    """Resolve the symbol, get the bars (cached), analyse them: the first half of every use."""
    watch = watch or _Stopwatch()
    history = await watch.run("data", lambda: _bars(provider, request))
    if progress is not None:
        await progress(f"Analysing {len(history):,} bars of {history.symbol}…")
    result = await watch.run("analysis", lambda: _analyse(history, request))
    return history, result


async def analyse_only(provider: MarketDataProvider, request: ChartRequest) -> AnalysisResult:
    """The fast path: bars and analysis, nothing stored."""
    return _result(*await fetch_and_analyse(provider, request))


def _result(history: PriceHistory, result: Analysis) -> AnalysisResult:
    return AnalysisResult(
        symbol=history.symbol,
        name=history.name,
        interval=history.interval,
        source=history.source,
        notice=history.notice,
        analysis=result,
    )


def source_label(history: PriceHistory) -> str:
    """The chart's footer: the source, and its notice when it is not live data."""
    return f"{history.source} ({history.notice})" if history.notice else history.source


async def _no_progress(_step: str) -> None:
    return None


def chart_focus(tool: str) -> Focus:
    """The chart that answers the tool's question; every other tool gets the Fibonacci one."""
    if tool == "structure":
        return "structure"
    if tool == "levels":
        return "levels"
    return "fibonacci"


@dataclass(frozen=True)
class ChartRun:
    """A finished run: the API's response plus what the UI draws its interactive chart from."""

    response: ChartResponse
    history: PriceHistory
    spec: ChartSpec
    png: bytes = b""  # the chart as stored (the MCP tools send it as an image)


async def run_chart_analysis(
    ports: AnalysisPorts, owner: str, request: ChartRequest, tool: str = "fibonacci"
) -> ChartResponse:
    """Everything, recorded under `owner`; see the module docstring for the order."""
    return (await run_chart(ports, owner, request, tool)).response


async def run_chart(
    ports: AnalysisPorts,
    owner: str,
    request: ChartRequest,
    tool: str = "fibonacci",
    progress: Progress = _no_progress,
    on_text: TextSink | None = None,
) -> ChartRun:
    """`run_chart_analysis`, telling `progress` each step as it starts (the chat shows it)."""
    watch = _Stopwatch()
    await progress("Fetching market data…")
    history, result = await fetch_and_analyse(ports.market, request, watch, progress)
    # Kept in memory until the outcome is known: see the module docstring.
    record = AnalysisRecord(
        owner=owner,
        request=AnalysisRequest(
            symbol=history.symbol,
            interval=request.interval,
            period=request.period if request.start is None else None,
            start=_midnight(request.start),
            end=_midnight(request.end),
            tool=tool,
            source=history.source,
            detector=request.detector,
        ),
    )
    try:
        await progress("Drawing the chart…")
        spec, png = await watch.run(
            "chart", lambda: _chart(history, result, request, chart_focus(tool))
        )
        reading = None
        if request.interpret:
            await progress("Asking the analyst…")
            reading = await watch.run(
                "ai", lambda: interpret(ports, spec, result, history.symbol, on_text)
            )
        done = await complete_analysis(
            ports.records,
            ports.objects,
            record,
            AnalysisOutcome(
                result_json=result.model_dump_json(),
                chart=ChartImage(data=png),
                ai_text=reading.text if reading else None,
                ai_provider=reading.provider if reading else None,
                ai_model=reading.model if reading else None,
                call_json=reading.call.model_dump_json() if reading and reading.call else None,
                timings=watch.timings(),
            ),
        )
    except Exception as exc:
        log.exception("analysis failed after its record was opened", record_id=record.id)
        await fail_analysis(
            ports.records,
            record,
            f"the chart could not be made or stored ({type(exc).__name__}); please try again",
            timings=watch.timings(),
        )
        raise
    link = await chart_link(ports.objects, done, ports.link_lifetime)
    assert link is not None  # a done record always has its chart
    cited = await _citation(ports.records, reading)
    response = _response(done.id, history, result, link, watch.timings(), reading, cited)
    return ChartRun(response=response, history=history, spec=spec, png=png)


TextSink = Callable[[str], Awaitable[None]]


async def interpret(
    ports: AnalysisPorts,
    spec: ChartSpec,
    result: Analysis,
    symbol: str,
    on_text: TextSink | None = None,
) -> Interpretation:
    """The AI's reading; if the cloud model fails, the offline analyst answers instead.

    A reading is a bonus on top of the analysis: a provider outage degrades it (and is
    counted in the metrics), it never fails the request.
    """
    provider = ports.interpreter.name
    began = time.perf_counter()
    try:
        vision_png = (
            await asyncio.to_thread(render_png, spec, *VISION_SIZE)
            if ports.interpreter.reads_images
            else b""
        )
        if on_text is None:
            reading = await ports.interpreter.interpret(vision_png, result, symbol=symbol)
        else:  # the chat shows the reading as it is written
            stream = ports.interpreter.stream(vision_png, result, symbol=symbol)
            written = ""
            async for delta in stream:
                written += delta
                await on_text(written)
            reading = stream.result
    except AiError as exc:
        AI_FAILURES.labels(provider=provider, reason=type(exc).__name__).inc()
        log.warning("ai reading failed; the fallback answers", error=str(exc))
        return await ports.fallback.interpret(b"", result, symbol=symbol)
    finally:
        AI_REQUEST_SECONDS.labels(provider=provider, kind="interpret").observe(
            time.perf_counter() - began
        )
    return reading


async def _citation(records: AnalysisRepository, reading: Interpretation | None) -> str | None:
    """The record of the reading's kind of call; a failure to read it costs only the sentence."""
    if reading is None or reading.call is None:
        return None
    from app.services.track_record import citation

    try:
        return await citation(records, reading.provider, reading.call.bias)
    except Exception:
        log.exception("the track record could not be read for a citation")
        return None


def summary_of(reading: Interpretation, track_record: str | None = None) -> AiSummary:
    return AiSummary(
        text=reading.text,
        provider=reading.provider,
        model=reading.model,
        ungrounded=reading.ungrounded,
        call=reading.call,
        track_record=track_record,
    )


def _response(
    record_id: str,
    history: PriceHistory,
    result: Analysis,
    link: ChartLink,
    timings: Timings,
    reading: Interpretation | None,
    track_record: str | None = None,
) -> ChartResponse:
    return ChartResponse(
        **_result(history, result).model_dump(),
        id=record_id,
        chart=link,
        summary=summary_of(reading, track_record) if reading else None,
        timings_ms=TimingsMs.of(timings),
    )


def _midnight(day: date | None) -> datetime | None:
    return None if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)
