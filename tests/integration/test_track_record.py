"""The track record end to end on SQLite and the bundled sample: a reading made at a cut is
stored with its call, graded once its horizon has passed (from later bars only), and the
record and the next reading's citation say what the grades say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from analysis import AnalysisSettings, analyze
from analysis.grading import Call, Grade, grade_call
from app.services.track_record import citation_from, grade_due, record_of, summarise
from integrations.ai.offline_analyst import OfflineChartInterpreter
from integrations.market_data.sample import SampleProvider, sample_frames
from integrations.records import AnalysisRecord, AnalysisRequest, AnalysisStatus
from integrations.records.sql import SqlAnalysisRepository
from integrations.sql import create_sql_engine, sqlite_url


def sample_stock(ticker: str) -> pd.DataFrame:
    """The provider's own (time-zone aware) bars, so calls and grades share one clock."""
    return sample_frames()[ticker]


CUT = 2500  # an IBM bar in 2009; the sample runs to 2013


@pytest.fixture
async def records(tmp_path: Path) -> SqlAnalysisRepository:
    repository = SqlAnalysisRepository(create_sql_engine(sqlite_url(tmp_path / "f.db")))
    await repository.start()
    return repository


async def _stored_reading(records: SqlAnalysisRepository, cut: int) -> AnalysisRecord:
    seen = sample_stock("IBM").iloc[cut - 300 : cut + 1]
    reading = await OfflineChartInterpreter().interpret(b"", analyze(seen, AnalysisSettings()))
    assert reading.call is not None
    record = AnalysisRecord(
        owner="alice",
        created_at=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=cut),
        status=AnalysisStatus.DONE,
        request=AnalysisRequest(
            symbol="IBM", interval="1d", period="1y", tool="fibonacci", source="sample"
        ),
        result_json="{}",
        chart_keys=("charts/x.png",),
        ai_text=reading.text,
        ai_provider=reading.provider,
        ai_model=reading.model,
        call_json=reading.call.model_dump_json(),
    )
    await records.save(record)
    return record


async def test_a_stored_call_is_graded_from_the_bars_after_its_reading(
    records: SqlAnalysisRepository,
) -> None:
    record = await _stored_reading(records, CUT)
    frame = sample_stock("IBM")
    as_of = frame.index[CUT].to_pydatetime()

    too_soon = await grade_due(records, SampleProvider(), now=as_of + timedelta(days=3))
    assert (too_soon.graded, too_soon.waiting) == (0, 1), "ten daily bars cannot pass in 3 days"

    later = datetime(2013, 3, 1, tzinfo=UTC)
    run = await grade_due(records, SampleProvider(), now=later)

    assert (run.graded, run.waiting, run.failed) == (1, 0, 0)
    stored = await records.get(record.id, owner="alice")
    assert stored is not None
    assert stored.grade_json is not None
    assert stored.graded_at == later
    assert not stored.awaits_grade
    assert stored.call_json is not None
    expected = grade_call(Call.model_validate_json(stored.call_json), frame.iloc[: CUT + 11])
    assert Grade.model_validate_json(stored.grade_json) == expected
    assert (await grade_due(records, SampleProvider(), now=later)).graded == 0, "graded once"


async def test_the_record_and_the_citation_say_what_the_grades_say(
    records: SqlAnalysisRepository,
) -> None:
    for cut in range(2000, 2400, 10):
        await _stored_reading(records, cut)
    await grade_due(records, SampleProvider(), now=datetime(2013, 3, 1, tzinfo=UTC))

    record = await record_of(records, "alice")
    everyone = await record_of(records, None)

    assert record.graded == 40
    assert everyone == record.model_copy(update={"owner": None})
    assert record.directional.decided + record.directional.flat + record.neutral.decided == 40
    assert [b.name for b in record.baselines] == ["always-majority", "random"]
    for baseline in record.baselines:
        assert baseline.accuracy.decided == record.directional.decided, "the same calls"
    # A miss is a wrong call: price moved at least the flat threshold against it.
    assert all(abs(m.move_atr) >= 0.5 for m in record.worst_misses)
    moves = [abs(m.move_atr) for m in record.worst_misses]
    assert moves == sorted(moves, reverse=True)
    # Fewer than 30 decided calls of any kind: the citation says so rather than quote a rate.
    for kind in record.kinds:
        sentence = citation_from(record, kind.provider, kind.bias)
        assert "not enough graded calls of this kind yet" in sentence
        assert f"{kind.accuracy.decided} decided, 30 needed" in sentence


def test_a_citation_with_enough_graded_calls_quotes_rate_interval_and_sample() -> None:
    graded = []
    for i in range(60):
        outcome = "right" if i % 3 else "wrong"
        grade = {
            "outcome": outcome,
            "realised": "up" if outcome == "right" else "down",
            "move_atr": 1.0 if outcome == "right" else -1.0,
            "threshold_atr": 0.5,
            "end_time": "2013-01-10T00:00:00Z",
            "end_close": 100.0,
            "target": None,
            "levels": "no level",
            "max_favourable_atr": 1.0,
            "max_adverse_atr": 1.0,
        }
        graded.append(
            AnalysisRecord(
                owner="bob",
                status=AnalysisStatus.DONE,
                request=AnalysisRequest(
                    symbol="IBM", interval="1d", tool="fibonacci", source="sample"
                ),
                result_json="{}",
                chart_keys=("c.png",),
                ai_provider="offline analyst",
                call_json='{"bias": "bullish", "horizon_bars": 10, "confidence": 0.6667, '
                '"as_of": "2013-01-01T00:00:00Z", "close": 100.0, "atr": 2.0}',
                grade_json=Grade.model_validate(grade).model_dump_json(),
                graded_at=datetime(2013, 2, 1, tzinfo=UTC),
            )
        )
    record = summarise(graded, "bob")

    assert citation_from(record, "offline analyst", "bullish") == (
        "Track record: bullish calls of the offline analyst were right 67% [54%-77%] of 60 graded."
    )
    assert "not enough" in citation_from(record, "offline analyst", "bearish")


async def test_the_apps_background_grader_grades_and_keeps_running(
    records: SqlAnalysisRepository,
) -> None:
    import asyncio
    from types import SimpleNamespace

    from app.wiring.grader import grade_forever

    record = await _stored_reading(records, CUT)
    services = SimpleNamespace(
        persistence=SimpleNamespace(records=records),
        market=SimpleNamespace(provider=SampleProvider()),
    )
    task = asyncio.create_task(
        grade_forever(services, every=timedelta(milliseconds=10), first_after=timedelta(0))  # type: ignore[arg-type]
    )
    try:
        for _ in range(200):
            stored = await records.get(record.id, owner="alice")
            if stored is not None and stored.grade_json is not None:
                break
            await asyncio.sleep(0.02)
        assert stored is not None
        assert stored.grade_json is not None
        assert not task.done(), "it keeps running for the next calls"
    finally:
        task.cancel()
