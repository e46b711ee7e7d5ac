"""Chart PNG: our renderer (every layer) versus mplfinance drawing the same candles, volume
and 8 horizontal lines, both at 1600x900, on the same real bars."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

import pandas as pd

from analysis import analyze
from analysis.charts import ChartSpec, build_chart_spec
from analysis.charts.static import DEFAULT_SIZE, render_png
from app.bench.analysis_bench import real_bars
from app.bench.timing import best_of, format_seconds, quiet

SIZES = (250, 2000)
PEER_LINES = 8


@dataclass(frozen=True)
class Row:
    bars: int
    ours: float
    ours_with_spec: float
    peer: float | None

    @property
    def ratio(self) -> str:
        return f"{self.peer / self.ours:,.1f}x" if self.peer else "-"


def _peer(frame: pd.DataFrame, lines: list[float]) -> Callable[[], object] | None:
    try:
        with quiet():
            import matplotlib

            matplotlib.use("Agg")
            import mplfinance as mpf
    except ImportError:
        return None
    width, height = DEFAULT_SIZE
    data = frame.rename(columns=str.title)

    def run() -> bytes:
        buffer = io.BytesIO()
        with quiet():
            mpf.plot(
                data,
                type="candle",
                volume=True,
                hlines={"hlines": lines},
                figsize=(width / 100, height / 100),
                savefig={"fname": buffer, "dpi": 100, "format": "png"},
            )
            import matplotlib.pyplot as plt

            plt.close("all")
        return buffer.getvalue()

    return run


def _spec_and_png(make_spec: Callable[[], ChartSpec]) -> bytes:
    return render_png(make_spec())


def run(repeat: int) -> list[Row]:
    _, series = real_bars()
    rows = []
    for n in SIZES:
        frame = series.iloc[-n:]
        result = analyze(frame)
        make_spec = partial(
            build_chart_spec,
            frame,
            result,
            symbol="AAPL",
            interval="1d",
            source="sample",
            generated_at=datetime.now(UTC),
        )
        spec = make_spec()
        render_png(spec)  # fonts load on first use
        ours = best_of(repeat, partial(render_png, spec))
        with_spec = best_of(repeat, partial(_spec_and_png, make_spec))
        levels = [lv.price for lv in spec.levels][:PEER_LINES]
        peer_run = _peer(frame, levels)
        if peer_run is not None:
            peer_run()  # matplotlib's first figure builds its font cache
        peer = best_of(repeat, peer_run) if peer_run is not None else None
        rows.append(Row(bars=n, ours=ours, ours_with_spec=with_spec, peer=peer))
    return rows


def report(rows: Sequence[Row]) -> str:
    lines = [
        "charts: PNG 1600x900, every layer, vs mplfinance (candles + volume + 8 lines)",
        f"{'bars':>8}{'ours':>12}{'ours+spec':>12}{'mplfinance':>13}{'ratio':>9}",
    ]
    for row in rows:
        lines.append(
            f"{row.bars:>8,}{format_seconds(row.ours):>12}{format_seconds(row.ours_with_spec):>12}"
            f"{format_seconds(row.peer):>13}{row.ratio:>9}"
        )
    lines.append(
        "targets: under 60 ms for 250 bars, under 120 ms for 2,000, at least 2x mplfinance"
    )
    return "\n".join(lines)
