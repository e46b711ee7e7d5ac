"""The track record: grading stored calls once their horizon has passed, and reading the record.

`grade_due` is what `financials grade` and the app's background task run: every done record
with a call and no grade, oldest first; bars are fetched from the reading's last bar on, and
`analysis.grading.grade_call` decides (None while fewer than `horizon_bars` bars followed, in
which case the record waits for the next run). `record_of` summarises graded calls for the
record page, and `citation` is the sentence a reading quotes about its kind of call.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from analysis.grading import Bias, Call, Grade, grade_call
from analysis.track_record import (
    MIN_GRADED,
    Accuracy,
    RecordVerdict,
    accuracy,
    verdict_against,
)
from app.logging import get_logger
from app.services import market
from integrations.market_data import MarketDataError, MarketDataProvider
from integrations.records.models import MAX_CALLS, AnalysisRecord
from integrations.records.port import AnalysisRepository
from integrations.timeutil import utc_now

log = get_logger("financials.services.track_record")

# A bar is at least this long, so a call cannot be due before as_of + horizon x this (market
# closures only make it later); unknown intervals are always tried.
_BAR = {
    "1m": timedelta(minutes=1),
    "2m": timedelta(minutes=2),
    "5m": timedelta(minutes=5),
    "15m": timedelta(minutes=15),
    "30m": timedelta(minutes=30),
    "60m": timedelta(hours=1),
    "90m": timedelta(minutes=90),
    "1h": timedelta(hours=1),
    "2h": timedelta(hours=2),
    "4h": timedelta(hours=4),
    "1d": timedelta(days=1),
    "5d": timedelta(days=5),
    "1wk": timedelta(weeks=1),
    "1mo": timedelta(days=28),
    "3mo": timedelta(days=84),
}
WORST_MISSES = 10
RANDOM_SEED = 0


class GradeRun(BaseModel):
    """What one grading pass did, for the CLI's output and the logs."""

    model_config = ConfigDict(frozen=True)

    graded: int = 0
    waiting: int = Field(default=0, description="Calls whose horizon has not passed yet.")
    failed: int = Field(default=0, description="Calls whose bars could not be fetched.")


def call_of(record: AnalysisRecord) -> Call | None:
    return None if record.call_json is None else Call.model_validate_json(record.call_json)


def grade_of(record: AnalysisRecord) -> Grade | None:
    return None if record.grade_json is None else Grade.model_validate_json(record.grade_json)


def is_due(call: Call, interval: str, now: datetime) -> bool:
    """Whether the horizon can have passed by `now`; naive times are taken as UTC."""
    bar = _BAR.get(interval)
    as_of = call.as_of if call.as_of.tzinfo else call.as_of.replace(tzinfo=UTC)
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    return bar is None or as_of + bar * call.horizon_bars <= now


async def grade_due(
    records: AnalysisRepository,
    provider: MarketDataProvider,
    *,
    now: datetime | None = None,
    limit: int = MAX_CALLS,
) -> GradeRun:
    """Grades every stored call whose horizon has passed; see the module docstring."""
    now = now or utc_now()
    graded = waiting = failed = 0
    for record in await records.ungraded_calls(limit=limit):
        call = call_of(record)
        if call is None:
            continue
        if not is_due(call, record.request.interval, now):
            waiting += 1
            continue
        try:
            history = await market.get_history(
                provider,
                record.request.symbol,
                start=call.as_of.date(),
                end=now.date(),
                interval=record.request.interval,
            )
        except MarketDataError as exc:
            log.warning("bars for a call could not be fetched", record_id=record.id, error=str(exc))
            failed += 1
            continue
        grade = grade_call(call, history.frame())
        if grade is None:
            waiting += 1
            continue
        await records.save(
            record.model_copy(update={"grade_json": grade.model_dump_json(), "graded_at": now})
        )
        graded += 1
    return GradeRun(graded=graded, waiting=waiting, failed=failed)


@dataclass(frozen=True)
class GradedCall:
    record: AnalysisRecord
    call: Call
    grade: Grade


class Miss(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    symbol: str
    interval: str
    provider: str
    bias: Bias
    as_of: datetime
    move_atr: float
    max_adverse_atr: float


class Baseline(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    accuracy: Accuracy
    verdict: RecordVerdict = Field(description="The calls' accuracy against this baseline.")


class KindRecord(BaseModel):
    """One kind of call: who made it and which way."""

    model_config = ConfigDict(frozen=True)

    provider: str
    bias: Bias
    accuracy: Accuracy


class TrackRecord(BaseModel):
    """The record page's content: graded calls, accuracy beside baselines, the worst misses."""

    model_config = ConfigDict(frozen=True)

    owner: str | None = Field(description="Whose calls; null for everyone's.")
    graded: int
    directional: Accuracy = Field(description="Bullish and bearish calls.")
    neutral: Accuracy = Field(description="Neutral calls: right when price stayed flat.")
    baselines: list[Baseline]
    kinds: list[KindRecord]
    worst_misses: list[Miss]
    min_graded: int = MIN_GRADED


def _graded(records: list[AnalysisRecord]) -> list[GradedCall]:
    out = []
    for record in records:
        call, grade = call_of(record), grade_of(record)
        if call is not None and grade is not None:
            out.append(GradedCall(record, call, grade))
    return out


def _baselines(directional: list[GradedCall], own: Accuracy) -> list[Baseline]:
    """Always-majority (hindsight) and a seeded coin, on the same graded directional calls."""
    realised = Counter(g.grade.realised for g in directional if g.grade.realised != "flat")
    majority = "up" if realised["up"] >= realised["down"] else "down"
    rng = np.random.default_rng(RANDOM_SEED)
    majority_outcomes, coin_outcomes = [], []
    for g in directional:
        if g.grade.realised == "flat":
            majority_outcomes.append("flat")
            coin_outcomes.append("flat")
            continue
        majority_outcomes.append("right" if g.grade.realised == majority else "wrong")
        coin = "up" if rng.random() < 0.5 else "down"
        coin_outcomes.append("right" if g.grade.realised == coin else "wrong")
    out = []
    for name, outcomes in (("always-majority", majority_outcomes), ("random", coin_outcomes)):
        base = accuracy(outcomes)  # type: ignore[arg-type]  # literals built above
        out.append(Baseline(name=name, accuracy=base, verdict=verdict_against(own, base)))
    return out


def summarise(records: list[AnalysisRecord], owner: str | None) -> TrackRecord:
    """The track record of these graded records (pure: no I/O)."""
    graded = _graded(records)
    directional = [g for g in graded if g.call.bias != "neutral"]
    own = accuracy(g.grade.outcome for g in directional)
    kinds: dict[tuple[str, Bias], list[GradedCall]] = {}
    for g in graded:
        kinds.setdefault((g.record.ai_provider or "unknown", g.call.bias), []).append(g)
    misses = sorted(
        (g for g in directional if g.grade.outcome == "wrong"),
        key=lambda g: abs(g.grade.move_atr),
        reverse=True,
    )[:WORST_MISSES]
    return TrackRecord(
        owner=owner,
        graded=len(graded),
        directional=own,
        neutral=accuracy(g.grade.outcome for g in graded if g.call.bias == "neutral"),
        baselines=_baselines(directional, own),
        kinds=[
            KindRecord(provider=p, bias=b, accuracy=accuracy(g.grade.outcome for g in calls))
            for (p, b), calls in sorted(kinds.items())
        ],
        worst_misses=[
            Miss(
                id=g.record.id,
                symbol=g.record.request.symbol,
                interval=g.record.request.interval,
                provider=g.record.ai_provider or "unknown",
                bias=g.call.bias,
                as_of=g.call.as_of,
                move_atr=g.grade.move_atr,
                max_adverse_atr=g.grade.max_adverse_atr,
            )
            for g in misses
        ],
    )


async def record_of(records: AnalysisRepository, owner: str | None) -> TrackRecord:
    """One owner's track record, or everyone's (None), from the newest graded calls."""
    return summarise(await records.graded_calls(owner=owner), owner)


def citation_from(record: TrackRecord, provider: str, bias: Bias) -> str:
    """What a reading says about the record of its kind of call, honestly either way."""
    kind = next((k for k in record.kinds if (k.provider, k.bias) == (provider, bias)), None)
    graded = 0 if kind is None else kind.accuracy.decided
    who = f"{bias} calls of the {provider}"
    if kind is None or graded < record.min_graded or kind.accuracy.interval is None:
        return (
            f"Track record: not enough graded calls of this kind yet ({who}: {graded} decided, "
            f"{record.min_graded} needed)."
        )
    low, high = kind.accuracy.interval
    return (
        f"Track record: {who} were right {kind.accuracy.rate:.0%} [{low:.0%}-{high:.0%}] "
        f"of {graded} graded."
    )


async def citation(records: AnalysisRepository, provider: str, bias: Bias) -> str:
    """`citation_from` over everyone's graded calls."""
    return citation_from(await record_of(records, None), provider, bias)


def grade_label(grade: Grade | None) -> str:
    """A history card's badge: `call right (+1.2 ATR)`; empty while there is no grade."""
    if grade is None:
        return ""
    return f"call {grade.outcome} ({grade.move_atr:+.1f} ATR)"


class RecordRow(BaseModel):
    """One bar of the record page's chart and one row of its table."""

    model_config = ConfigDict(frozen=True)

    name: str
    accuracy_pct: float
    low_pct: float
    high_pct: float
    decided: int
    verdict: str


def record_rows(record: TrackRecord) -> list[RecordRow]:
    """The calls' directional accuracy, then each baseline's on the same calls."""
    rows = []
    for name, value, verdict in [
        ("these calls", record.directional, ""),
        *((b.name, b.accuracy, b.verdict) for b in record.baselines),
    ]:
        if value.rate is None or value.interval is None:
            continue
        rows.append(
            RecordRow(
                name=name,
                accuracy_pct=round(value.rate * 100, 1),
                low_pct=round(value.interval[0] * 100, 1),
                high_pct=round(value.interval[1] * 100, 1),
                decided=value.decided,
                verdict=verdict,
            )
        )
    return rows
