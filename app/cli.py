"""The `financials` command: the same analysis as the web app, from a terminal."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, TextIO, cast

import typer

from app import __version__
from language.vocabulary import Interval, Leg, Period

# The CLI starts in a fraction of a second: the settings, logging, pandas, the analysis,
# SQLAlchemy and the cloud SDKs are imported inside the commands that use them, never here
# (`financials bench --section cli` times it; tests/unit/test_cli_imports.py checks it).
if TYPE_CHECKING:
    from analysis import Analysis
    from app.config import MarketDataSource
    from app.services.scan_schemas import ScanRequest, ScanView
    from app.services.schemas import ChartRequest
    from integrations.market_data import PriceHistory
    from integrations.scans import CsvMember
    from language.models import Plan

cli = typer.Typer(
    name="financials",
    help="Fibonacci, market structure and levels from the terminal.",
    no_args_is_help=True,
    add_completion=False,
)


# Choices come from the one vocabulary (`language.vocabulary`); these three spell the
# analysis' own types without importing it (a test checks they agree).
ThemeChoice = Literal["light", "dark"]
FocusChoice = Literal["fibonacci", "structure", "levels"]
DetectorChoice = Literal["zigzag", "pivot"]


class SourceChoice(StrEnum):
    auto = "auto"
    yahoo = "yahoo"
    sample = "sample"


class BenchSection(StrEnum):
    all = "all"
    analysis = "analysis"
    charts = "charts"
    cache = "cache"
    fib_baseline = "fib-baseline"
    cli = "cli"
    readings = "readings"
    scan = "scan"


class _Stderr:
    """Writes to whatever `sys.stderr` is at the time (test runners swap it per call)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


# Commands that write no log line: setting logging up (structlog, rich) would cost them
# more than their own work.
QUICK_COMMANDS = frozenset({"version", "parse", "token"})


@cli.callback()
def _setup(ctx: typer.Context) -> None:
    """Log lines go to stderr, so stdout stays clean (valid JSON with --json)."""
    if ctx.invoked_subcommand in QUICK_COMMANDS:
        return
    from app.config import get_settings
    from app.logging import configure_logging

    configure_logging(get_settings(), stream=cast(TextIO, _Stderr()))


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=2)


@cli.command()
def version() -> None:
    """Print the installed version."""
    typer.echo(__version__)


@cli.command()
def settings() -> None:
    """Print the effective settings (defaults plus FINANCIALS_* variables) as JSON."""
    from app.config import get_settings

    typer.echo(json.dumps(get_settings().model_dump(mode="json"), indent=2))


@cli.command("analyze")
def analyze_command(
    symbol: Annotated[
        str,
        typer.Argument(
            help="Ticker or name: AAPL, tesla, bitcoin, 's&p 500', eur/usd, 0700.HK. "
            "With --csv it only labels the output."
        ),
    ],
    period: Annotated[
        Period | None,
        typer.Option(
            help="How far back from now (from the file's last bar with --csv). "
            "[default: 6mo; all of the file with --csv]",
        ),
    ] = None,
    start: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="First day, instead of --period.")
    ] = None,
    end: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Last day (included).")
    ] = None,
    interval: Annotated[Interval, typer.Option(help="Bar interval.")] = "1d",
    source: Annotated[
        SourceChoice | None,
        typer.Option(
            help="Where bars come from: auto (Yahoo, or the bundled sample when offline), "
            "yahoo or sample. [default: FINANCIALS_MARKET_DATA_SOURCE, auto]"
        ),
    ] = None,
    csv: Annotated[
        Path | None,
        typer.Option(
            help="Analyse this CSV (Date,Open,High,Low,Close[,Volume], any letter case) "
            "instead of fetching bars.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    detector: Annotated[
        DetectorChoice, typer.Option(help="Swing detector for the Fibonacci leg.")
    ] = "zigzag",
    leg: Annotated[
        Leg,
        typer.Option(
            help="Fibonacci leg: major (the window's largest valid confirmed move) or latest.",
        ),
    ] = "major",
    as_json: Annotated[bool, typer.Option("--json", help="Print the analysis JSON.")] = False,
    out: Annotated[
        Path | None,
        typer.Option(help="Also write the analysis JSON and the chart PNG into this folder."),
    ] = None,
    theme: Annotated[ThemeChoice, typer.Option(help="Chart theme for --out.")] = "light",
    focus: Annotated[
        FocusChoice,
        typer.Option(
            help="What the --out chart shows: Fibonacci levels, market structure, or "
            "support/resistance zones.",
        ),
    ] = "fibonacci",
) -> None:
    """Swings, Fibonacci, structure, zones, gaps, order blocks and level hit-rates."""
    from pydantic import ValidationError

    from analysis import AnalysisInputError
    from app.reports import text_report
    from app.services.schemas import ChartRequest
    from integrations.market_data import MarketDataError

    if csv is not None and source is not None:
        raise _fail("--csv and --source exclude each other: the file is the source")
    if period is None and start is None and csv is not None:
        period = "max"
    try:
        request = ChartRequest.model_validate(
            {
                "symbol": symbol,
                "period": period,
                "start": start.date() if start else None,
                "end": end.date() if end else None,
                "interval": interval,
                "detector": detector,
                "leg": leg,
                "theme": theme,
            }
        )
        history, result = asyncio.run(
            _analyse(request, csv=csv, source=source.value if source else None)
        )
    except ValidationError as exc:
        raise _fail(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
    except (MarketDataError, AnalysisInputError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(_provenance(history), err=True)
    if history.notice and history.source != "csv":
        typer.secho(f"note: {history.notice}", err=True, fg=typer.colors.YELLOW)
    text = result.model_dump_json(indent=2)
    if out is not None:
        stem = _write_out(out, history, result, request, focus)
        typer.echo(f"wrote {stem}.json and {stem}.png", err=True)
    typer.echo(text if as_json else text_report(history.symbol, request.interval, result))


def _write_out(
    out: Path,
    history: PriceHistory,
    result: Analysis,
    request: ChartRequest,
    focus: FocusChoice,
) -> Path:
    """The analysis JSON and the chart PNG, drawn by the same recipe as the API's."""
    from datetime import UTC

    from app.services.analyses import chart_focus, draw_chart

    out.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in history.symbol)
    stem = out / f"{safe}_{request.interval}_{now:%Y%m%dT%H%M%SZ}"
    stem.with_suffix(".json").write_text(result.model_dump_json(indent=2))
    _spec, png = asyncio.run(
        draw_chart(
            history,
            result,
            interval=request.interval,
            theme=request.theme,
            focus=chart_focus(focus),
            generated_at=now,
        )
    )
    stem.with_suffix(".png").write_bytes(png)
    return stem


async def _analyse(
    request: ChartRequest, *, csv: Path | None, source: MarketDataSource | None
) -> tuple[PriceHistory, Analysis]:
    """The same service call the API and the chat make, on a CSV or the configured source."""
    from app.config import get_settings
    from app.services.analyses import fetch_and_analyse
    from app.wiring.market import csv_market_data, open_market_data

    if csv is not None:
        provider = csv_market_data(csv, filename=str(csv))
        return await fetch_and_analyse(provider, request)
    async with open_market_data(get_settings(), source) as market:
        return await fetch_and_analyse(market.provider, request)


def _provenance(history: PriceHistory) -> str:
    first, last = history.first_time, history.last_time
    span = f"{first:%Y-%m-%d} to {last:%Y-%m-%d}" if first is not None and last else "no bars"
    name = f" ({history.name})" if history.name else ""
    return (
        f"source: {history.source}, {history.symbol}{name} {history.interval}, "
        f"{len(history)} bars {span}"
    )


@cli.command()
def token(
    sub: Annotated[str, typer.Option(help="The token's subject (user id).")] = "dev-user",
    scope: Annotated[
        str, typer.Option(help="Space-separated scopes.")
    ] = "charts:read charts:write",
    ttl: Annotated[int, typer.Option(min=60, max=86_400, help="Lifetime in seconds.")] = 3600,
) -> None:
    """Print a bearer token from the built-in development issuer (never in production)."""
    from app.config import ConfigurationError, get_settings
    from app.wiring.issuer import dev_issuer
    from integrations.auth.scopes import ALL_SCOPES

    current = get_settings()
    if current.oidc_issuer is not None:
        raise _fail(
            "FINANCIALS_OIDC_ISSUER is set: get tokens from that issuer, not the dev issuer"
        )
    try:
        issuer = dev_issuer(current)
    except ConfigurationError as exc:
        raise _fail(str(exc)) from None
    unknown = set(scope.split()) - set(ALL_SCOPES)
    if unknown:
        raise _fail(f"unknown scope(s) {', '.join(sorted(unknown))}; use {' '.join(ALL_SCOPES)}")
    typer.echo(issuer.mint(sub, scope.split(), audience=current.oidc_audience, ttl_seconds=ttl))


@cli.command()
def mcp(
    user: Annotated[
        str,
        typer.Option(
            help="Whose history the analyses are kept in (the web app's local user by default)."
        ),
    ] = "dev-user",
    source: Annotated[
        SourceChoice | None,
        typer.Option(help="Where bars come from. [default: FINANCIALS_MARKET_DATA_SOURCE, auto]"),
    ] = None,
) -> None:
    """Serve the MCP tools over stdio, for desktop agents (Claude Desktop, IDEs)."""
    from app.mcp.stdio import serve_stdio

    asyncio.run(serve_stdio(user, source.value if source else None))


@cli.command()
def bench(
    sizes: Annotated[
        str, typer.Option(help="Comma-separated bar counts of the synthetic series.")
    ] = "10000,100000,1000000",
    peer_max_bars: Annotated[
        int, typer.Option(help="Skip the peer above this many bars (it takes minutes on 1M).")
    ] = 100_000,
    repeat: Annotated[int, typer.Option(min=1, help="Runs per measurement; the best counts.")] = 3,
    section: Annotated[
        BenchSection, typer.Option(help="Which benchmark to run; all of them by default.")
    ] = BenchSection.all,
    hits: Annotated[
        int, typer.Option(min=10, help="Cache hits timed per backend (cache section).")
    ] = 300,
    csv_dir: Annotated[
        Path | None,
        typer.Option(
            help="Add every *.csv in this folder to the bundled series (readings section).",
            exists=True,
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Time our code against its peer on the same data and print the ratio.

    Sections: analysis (full analyze() vs smartmoneyconcepts), charts (PNG vs mplfinance),
    cache (hit latency from memory and Redis for 10 years of daily bars; a throwaway
    redis-server is started when FINANCIALS_REDIS_URL is not set) and fib-baseline
    (Fibonacci hit-rates vs random levels of the same depth on the bundled series) and cli
    (start-up of --help, version, parse and token in fresh processes, beside bare Python and
    `import pandas`) and readings (the offline analyst's calls graded walk-forward beside
    always-majority, persistence and random calls on the same cuts).
    """
    try:
        counts = [int(part.replace("_", "")) for part in sizes.split(",") if part.strip()]
    except ValueError:
        raise _fail(f"--sizes takes whole numbers separated by commas, got {sizes!r}") from None
    if not counts or min(counts) < 100:
        raise _fail("--sizes needs at least one series of 100 bars or more")
    if section in (BenchSection.all, BenchSection.analysis):
        from app.bench import analysis_bench

        typer.echo(analysis_bench.report(analysis_bench.run(counts, peer_max_bars, repeat)))
    if section is BenchSection.all:
        typer.echo("")
    if section in (BenchSection.all, BenchSection.charts):
        from app.bench import chart_bench

        typer.echo(chart_bench.report(chart_bench.run(repeat)))
    if section is BenchSection.all:
        typer.echo("")
    if section in (BenchSection.all, BenchSection.cache):
        from app.bench import cache_bench

        typer.echo(cache_bench.report(cache_bench.run(hits, repeat)))
    if section is BenchSection.all:
        typer.echo("")
    if section in (BenchSection.all, BenchSection.fib_baseline):
        from app.bench import fib_baseline_bench

        typer.echo(fib_baseline_bench.report(fib_baseline_bench.run()))
    if section is BenchSection.all:
        typer.echo("")
    if section in (BenchSection.all, BenchSection.scan):
        from app.bench import scan_bench

        typer.echo(scan_bench.report(scan_bench.run()))
    if section is BenchSection.all:
        typer.echo("")
    if section in (BenchSection.all, BenchSection.cli):
        from app.bench import cli_bench

        rows = cli_bench.run(repeat)
        typer.echo(cli_bench.report(rows, bytecode=cli_bench.bytecode_cached()))
    if section is BenchSection.all:
        typer.echo("")
    if section in (BenchSection.all, BenchSection.readings):
        from app.bench import readings_bench

        typer.echo(readings_bench.report(readings_bench.run(csv_dir)))


@cli.command()
def grade(
    source: Annotated[
        SourceChoice | None,
        typer.Option(
            help="Where the bars that grade the calls come from. "
            "[default: FINANCIALS_MARKET_DATA_SOURCE, auto]"
        ),
    ] = None,
) -> None:
    """Grade every stored call whose horizon has passed, then print the overall track record."""
    from app.config import get_settings
    from app.services.track_record import GradeRun, TrackRecord, grade_due, record_of
    from app.wiring.market import open_market_data
    from app.wiring.persistence import open_persistence

    async def run() -> tuple[GradeRun, TrackRecord]:
        settings = get_settings()
        async with (
            open_persistence(settings) as persistence,
            open_market_data(settings, source.value if source else None) as market,
        ):
            done = await grade_due(persistence.records, market.provider)
            return done, await record_of(persistence.records, None)

    done, record = asyncio.run(run())
    typer.echo(
        f"graded {done.graded} call(s); {done.waiting} still inside their horizon; "
        f"{done.failed} whose bars could not be fetched"
    )
    typer.echo(f"directional calls: {record.directional.text()} ({record.graded} graded in all)")
    for baseline in record.baselines:
        typer.echo(f"  vs {baseline.name} {baseline.accuracy.text()}: {baseline.verdict}")


CLI_OWNER = "cli"  # scans run from a terminal are stored under this owner


@cli.command()
def scan(
    universe: Annotated[
        str | None,
        typer.Option(
            help="sp500, nasdaq100, dow30, fx, crypto, futures, bundled (offline), or "
            "watchlist. [default: bundled]"
        ),
    ] = None,
    setup: Annotated[
        list[str] | None,
        typer.Option(
            help="A setup every kept symbol must match (repeat to combine): golden-pocket, "
            "near-fib, near-zone, structure-break, open-imbalance, confluence, trend."
        ),
    ] = None,
    symbols: Annotated[
        str | None, typer.Option(help="Comma-separated symbols instead of a universe.")
    ] = None,
    csv_dir: Annotated[
        Path | None,
        typer.Option(
            help="Scan your own files instead of a universe: a folder or a .zip of CSV files "
            "(Date,Open,High,Low,Close[,Volume], any letter case), each *.csv one symbol named "
            "by its file stem; other files are ignored, a bad file is a failure row."
        ),
    ] = None,
    period: Annotated[
        Period | None,
        typer.Option(
            help="Look-back of each series. [default: 5y; all of each file with --csv-dir]"
        ),
    ] = None,
    interval: Annotated[Interval, typer.Option(help="Bar size.")] = "1d",
    source: Annotated[
        SourceChoice | None, typer.Option(help="Market data source; default: the configured one.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scan as JSON.")] = False,
) -> None:
    """Find setups across a universe: one row per symbol that matches every --setup."""
    from pydantic import ValidationError

    from analysis.scan import setup_from_kind
    from app.services.scan_schemas import MAX_SCAN_SYMBOLS, ScanRequest
    from integrations.scans import CsvUniverseError, read_csv_universe

    files: list[CsvMember] | None = None
    if csv_dir is not None:
        if universe is not None or symbols is not None or source is not None:
            raise _fail(
                "--csv-dir excludes --universe, --symbols and --source: the files are the "
                "universe and its source"
            )
        try:
            files = read_csv_universe(csv_dir, max_files=MAX_SCAN_SYMBOLS)
        except CsvUniverseError as exc:
            raise _fail(str(exc)) from None
    try:
        request = ScanRequest.model_validate(
            {
                "universe": (universe or "bundled").lower(),
                "symbols": tuple(symbols.split(",")) if symbols else None,
                "setups": tuple(setup_from_kind(kind) for kind in setup or ["golden-pocket"]),
                "period": period or ("max" if files is not None else "5y"),
                "interval": interval,
                "source": source.value if source else None,
            }
        )
    except (ValidationError, ValueError) as exc:
        message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise _fail(message.removeprefix("Value error, ")) from None
    view = asyncio.run(
        _scan(request, progress_bar=sys.stderr.isatty() and not as_json, files=files)
    )
    if as_json:
        typer.echo(view.model_dump_json(indent=2))
        return
    from app.reports import scan_report

    typer.echo(scan_report(view))


async def _scan(
    request: ScanRequest, *, progress_bar: bool, files: list[CsvMember] | None = None
) -> ScanView:
    from rich.progress import Progress

    from app.config import get_settings
    from app.services import scans
    from app.wiring import open_services

    with Progress(transient=True, disable=not progress_bar) as bar:
        task = bar.add_task("scanning", total=None)

        async def tick(view: ScanView) -> None:
            bar.update(task, total=view.total, completed=view.scanned, description=view.progress)

        async with open_services(get_settings(), source=request.source) as services:
            try:
                return await scans.run_scan(services.scans, request, CLI_OWNER, tick, files=files)
            except scans.ScanInputError as exc:
                raise _fail(str(exc)) from None


@cli.command()
def reference(
    out: Annotated[
        Path | None, typer.Option(help="Write the JSON here (default: the shipped table).")
    ] = None,
    csv_dir: Annotated[
        Path | None,
        typer.Option(help="Add every *.csv in this folder to the universe.", file_okay=False),
    ] = None,
) -> None:
    """Rebuild the reference table of Fibonacci vs random hit-rates over a universe."""

    from app.bench import fib_baseline_bench

    target = out or fib_baseline_bench.REFERENCE_FILE
    document = fib_baseline_bench.reference_document(csv_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    typer.echo(f"wrote {target} ({len(document['universe'])} series)")


@cli.command()
def parse(
    text: Annotated[str, typer.Argument(help='A chat message, e.g. "fib on TSLA over 3 months".')],
    offline: Annotated[
        bool, typer.Option("--offline", help="Use the offline planner even with a DashScope key.")
    ] = False,
) -> None:
    """Print the plan the chat makes of TEXT as JSON: tool, symbols, period or dates, interval,
    leg and ratio, or the reply (small talk, a question back, a refusal) with tool null."""
    from app.config import get_settings
    from app.wiring.planner import open_planner
    from integrations.ai.errors import AiError
    from language.models import Conversation

    if not text.strip():
        raise _fail('give a request, e.g. financials parse "fib on TSLA over 3 months"')
    provider = "offline"

    async def plan_once() -> Plan:
        nonlocal provider
        async with open_planner(get_settings(), offline=offline) as planner:
            provider = planner.name
            return await planner.plan(text, Conversation())

    try:
        plan = asyncio.run(plan_once())
    except AiError as exc:
        raise _fail(f"{provider} planner: {exc}") from None
    view = plan.view()
    extra = [f"also planned: {call.tool} {' '.join(call.symbols)}" for call in plan.calls[1:]]
    printed = {
        **view.model_dump(mode="json", exclude={"notes"}),
        "notes": [*view.notes, *extra],
    }
    typer.echo(json.dumps(printed, indent=2, ensure_ascii=False))


def main() -> None:
    cli()
