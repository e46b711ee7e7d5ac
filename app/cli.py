"""The `financials` command: the same analysis as the web app, from a terminal."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from analysis import AnalysisInputError, AnalysisSettings, analyze
from analysis.charts import build_chart_spec
from analysis.charts.static import render_png
from app import __version__
from app.config import get_settings
from app.reports import text_report
from integrations.ai.models import Plan
from integrations.auth.scopes import ALL_SCOPES
from integrations.market_data.csv_file import CsvBarsError, read_bars_csv

cli = typer.Typer(
    name="financials",
    help="Fibonacci, market structure and levels from the terminal.",
    no_args_is_help=True,
    add_completion=False,
)


class Interval(StrEnum):
    """Bar intervals, spelled as Yahoo Finance spells them."""

    m1 = "1m"
    m2 = "2m"
    m5 = "5m"
    m15 = "15m"
    m30 = "30m"
    m60 = "60m"
    m90 = "90m"
    h1 = "1h"
    d1 = "1d"
    d5 = "5d"
    wk1 = "1wk"
    mo1 = "1mo"
    mo3 = "3mo"


class ThemeChoice(StrEnum):
    light = "light"
    dark = "dark"


class BenchSection(StrEnum):
    analysis = "analysis"
    charts = "charts"


class DetectorChoice(StrEnum):
    zigzag = "zigzag"
    pivot = "pivot"


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
    typer.echo(json.dumps(get_settings().model_dump(mode="json"), indent=2))


@cli.command("analyze")
def analyze_command(
    symbol: Annotated[str, typer.Argument(help="Ticker, used to label the output.")],
    csv: Annotated[
        Path,
        typer.Option(
            help="CSV with Date,Open,High,Low,Close[,Volume] (any letter case).",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    interval: Annotated[Interval, typer.Option(help="Bar interval of the data.")] = Interval.d1,
    detector: Annotated[
        DetectorChoice, typer.Option(help="Swing detector for the Fibonacci leg.")
    ] = DetectorChoice.zigzag,
    as_json: Annotated[bool, typer.Option("--json", help="Print the analysis JSON.")] = False,
    out: Annotated[
        Path | None,
        typer.Option(help="Also write the analysis JSON and the chart PNG into this folder."),
    ] = None,
    theme: Annotated[ThemeChoice, typer.Option(help="Chart theme for --out.")] = (
        ThemeChoice.light
    ),
) -> None:
    """Swings, Fibonacci, structure, zones, gaps, order blocks and level hit-rates."""
    try:
        frame = read_bars_csv(csv)
        result = analyze(frame, AnalysisSettings(detector=detector.value))
    except (CsvBarsError, AnalysisInputError) as exc:
        raise _fail(f"{csv}: {exc}") from None
    text = result.model_dump_json(indent=2)
    if out is not None:
        now = datetime.now(UTC)
        out.mkdir(parents=True, exist_ok=True)
        stem = out / f"{symbol.upper()}_{interval.value}_{now:%Y%m%dT%H%M%SZ}"
        stem.with_suffix(".json").write_text(text)
        spec = build_chart_spec(
            frame,
            result,
            symbol=symbol.upper(),
            interval=interval.value,
            source=f"CSV {csv.name}",
            generated_at=now,
            theme=theme.value,
        )
        stem.with_suffix(".png").write_bytes(render_png(spec))
        typer.echo(f"wrote {stem}.json and {stem}.png", err=True)
    typer.echo(text if as_json else text_report(symbol.upper(), interval.value, result))


@cli.command()
def token(
    sub: Annotated[str, typer.Option(help="The token's subject (user id).")] = "dev-user",
    scope: Annotated[
        str, typer.Option(help="Space-separated scopes.")
    ] = "charts:read charts:write",
    ttl: Annotated[int, typer.Option(min=60, max=86_400, help="Lifetime in seconds.")] = 3600,
) -> None:
    """Print a bearer token from the built-in development issuer (never in production)."""
    from app.wiring import ConfigurationError, dev_issuer

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
def bench(
    sizes: Annotated[
        str, typer.Option(help="Comma-separated bar counts of the synthetic series.")
    ] = "10000,100000,1000000",
    peer_max_bars: Annotated[
        int, typer.Option(help="Skip the peer above this many bars (it takes minutes on 1M).")
    ] = 100_000,
    repeat: Annotated[int, typer.Option(min=1, help="Runs per measurement; the best counts.")] = 3,
    section: Annotated[
        list[BenchSection] | None, typer.Option(help="Run only these sections (repeatable).")
    ] = None,
) -> None:
    """Time our code against its named peer on the same data and print the ratios."""
    from app.bench import analysis_bench, chart_bench

    chosen = set(section or BenchSection)

    try:
        counts = [int(part.replace("_", "")) for part in sizes.split(",") if part.strip()]
    except ValueError:
        raise _fail(f"--sizes takes whole numbers separated by commas, got {sizes!r}") from None
    if not counts or min(counts) < 100:
        raise _fail("--sizes needs at least one series of 100 bars or more")
    if BenchSection.analysis in chosen:
        typer.echo(analysis_bench.report(analysis_bench.run(counts, peer_max_bars, repeat)))
    if BenchSection.charts in chosen:
        typer.echo(chart_bench.report(chart_bench.run(repeat)))


@cli.command()
def parse(
    text: Annotated[str, typer.Argument(help='A chat message, e.g. "fib on TSLA over 3 months".')],
    offline: Annotated[
        bool, typer.Option("--offline", help="Use the offline planner even with a DashScope key.")
    ] = False,
) -> None:
    """Print the plan the chat makes of TEXT as JSON: tool, symbols, period or dates, interval."""
    from app.wiring import build_ai
    from integrations.ai.errors import AiError
    from integrations.ai.models import Conversation

    if not text.strip():
        raise _fail('give a request, e.g. financials parse "fib on TSLA over 3 months"')
    ai = build_ai(get_settings(), offline=offline)

    async def plan_once() -> Plan:
        try:
            return await ai.planner.plan(text, Conversation())
        finally:
            await ai.close()

    try:
        plan = asyncio.run(plan_once())
    except AiError as exc:
        raise _fail(f"{ai.provider} planner: {exc}") from None
    if plan.first is None:
        raise _fail(plan.reply or "no plan")
    view = plan.view()
    extra = [f"also planned: {call.tool} {' '.join(call.symbols)}" for call in plan.calls[1:]]
    printed = {
        "tool": view.tool,
        "symbols": view.symbols,
        "period": view.period,
        "start": None if view.start is None else view.start.isoformat(),
        "end": None if view.end is None else view.end.isoformat(),
        "interval": view.interval,
        "notes": [*view.notes, *extra],
    }
    typer.echo(json.dumps(printed, indent=2, ensure_ascii=False))


def main() -> None:
    cli()
