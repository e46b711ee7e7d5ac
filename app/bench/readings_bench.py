"""Walk-forward track record of the offline analyst's calls, beside three baselines.

Not a speed benchmark: the honesty check of the calls. At every cut of each series the
offline analyst reads an analysis of the `window` bars up to the cut only (the same
interpreter the app runs), its call is graded on the bars that followed (`grade_call`), and
three baselines make a call at the same cut and are graded the same way:

- always-majority: the direction that was most common among this series' decided cuts
  (known only in hindsight, so it flatters the baseline);
- persistence: the direction of the last `horizon` bars (close at the cut vs `horizon` bars
  before);
- random: a seeded coin flip.

Accuracy is right / (right + wrong) over the cuts where the analyst made a directional call,
for the analyst and the baselines alike; flat outcomes count for nobody. The method and the
measured figures are in docs/track-record.md.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import AnalysisSettings, analyze
from analysis.grading import DEFAULT_THRESHOLD_ATR, Bias, Call, Grade, Outcome, grade_call
from analysis.track_record import Accuracy, accuracy, verdict_against
from app.bench.fib_baseline_bench import universe
from integrations.ai.offline_analyst import OfflineChartInterpreter
from language.calls import OFFLINE_HORIZON_BARS

WINDOW = 300
STEP = 10
SEED = 0
BASELINES = ("always-majority", "persistence", "random")
REFERENCE = "QuantAgent (4-hour windows, 8 assets): 55.8% mean directional accuracy, random 46%"


@dataclass
class SeriesRecord:
    """Outcomes of one series' cuts: the analyst's and each baseline's on the same cuts."""

    symbol: str
    cuts: int = 0
    neutral: int = 0
    no_call: int = 0
    analyst: list[Outcome] = field(default_factory=list)
    baselines: dict[str, list[Outcome]] = field(
        default_factory=lambda: {name: [] for name in BASELINES}
    )


@dataclass(frozen=True)
class Row:
    name: str
    cuts: int
    neutral: int
    analyst: Accuracy
    baselines: dict[str, Accuracy]


def _as(call: Call, bias: Bias) -> Call:
    return call.model_copy(update={"bias": bias})


async def _series(
    symbol: str, frame: pd.DataFrame, window: int, step: int, threshold: float, seed: int
) -> SeriesRecord:
    reader = OfflineChartInterpreter()
    record = SeriesRecord(symbol)
    rng = np.random.default_rng([seed, sum(map(ord, symbol))])
    graded: list[tuple[Call, Grade, int]] = []
    closes = frame["close"].to_numpy(dtype=np.float64)
    for cut in range(window - 1, len(frame) - 1, step):
        seen = frame.iloc[cut - window + 1 : cut + 1]  # bars up to the cut, nothing after
        reading = await reader.interpret(b"", analyze(seen, AnalysisSettings()))
        call = reading.call
        if call is None:
            record.no_call += 1
            continue
        grade = grade_call(call, frame, threshold_atr=threshold)
        if grade is None:  # the horizon runs past the end of the series
            break
        record.cuts += 1
        if call.bias == "neutral":
            record.neutral += 1
            continue
        graded.append((call, grade, cut))
    decided = [g.realised for _, g, _ in graded if g.realised != "flat"]
    majority: Bias = "bullish" if decided.count("up") >= decided.count("down") else "bearish"
    for call, grade, cut in graded:
        record.analyst.append(grade.outcome)
        past = closes[max(0, cut - call.horizon_bars)]
        persistence: Bias = "bullish" if closes[cut] >= past else "bearish"
        coin: Bias = "bullish" if rng.random() < 0.5 else "bearish"
        for name, bias in zip(BASELINES, (majority, persistence, coin), strict=True):
            again = grade_call(_as(call, bias), frame, threshold_atr=threshold)
            assert again is not None
            record.baselines[name].append(again.outcome)
    return record


def run(
    csv_dir: Path | None = None,
    *,
    window: int = WINDOW,
    step: int = STEP,
    threshold: float = DEFAULT_THRESHOLD_ATR,
    seed: int = SEED,
) -> list[Row]:
    """One row per series, then `all` pooling every cut; a series shorter than a window and
    a horizon keeps its row, with no cuts, so the table shows it was skipped."""
    records = [
        asyncio.run(_series(symbol, frame, window, step, threshold, seed))
        if len(frame) > window + step
        else SeriesRecord(symbol)
        for symbol, frame in universe(csv_dir).items()
    ]
    rows = [_row(r.symbol, [r]) for r in records]
    return [*rows, _row("all", records)]


def _row(name: str, records: list[SeriesRecord]) -> Row:
    return Row(
        name=name,
        cuts=sum(r.cuts for r in records),
        neutral=sum(r.neutral for r in records),
        analyst=accuracy(o for r in records for o in r.analyst),
        baselines={
            base: accuracy(o for r in records for o in r.baselines[base]) for base in BASELINES
        },
    )


def _cell(value: Accuracy) -> str:
    if value.rate is None or value.interval is None:
        return "-"
    return f"{value.rate:.1%} [{value.interval[0]:.0%}-{value.interval[1]:.0%}]"


def report(rows: list[Row], *, window: int = WINDOW, step: int = STEP) -> str:
    lines = [
        f"Offline analyst's calls, walk-forward (reading of the {window} bars up to each cut, "
        f"a cut every {step} bars, graded on the next {OFFLINE_HORIZON_BARS} bars, flat within "
        f"{DEFAULT_THRESHOLD_ATR} ATR)",
        f"{'series':>7} {'cuts':>5} {'neutral':>7} {'decided':>7} {'analyst':>18} "
        + " ".join(f"{name:>18}" for name in BASELINES),
    ]
    for row in rows:
        lines.append(
            f"{row.name:>7} {row.cuts:>5} {row.neutral:>7} {row.analyst.decided:>7} "
            f"{_cell(row.analyst):>18} "
            + " ".join(f"{_cell(row.baselines[name]):>18}" for name in BASELINES)
        )
    pooled = rows[-1]
    for name in BASELINES:
        verdict = verdict_against(pooled.analyst, pooled.baselines[name])
        lines.append(f"analyst vs {name}: {verdict}")
    lines.append(f"published reference: {REFERENCE}")
    return "\n".join(lines)
