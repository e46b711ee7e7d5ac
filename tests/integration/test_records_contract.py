"""One contract for every `AnalysisRepository`: what a user sees of their past analyses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from integrations.paging import InvalidPageRequestError
from integrations.records import (
    AnalysisRecord,
    AnalysisRepository,
    AnalysisRequest,
    AnalysisStatus,
    RecordConflictError,
    Timings,
)

BASE = datetime(2025, 3, 1, 14, 30, tzinfo=UTC)


def _request(symbol: str = "TSLA") -> AnalysisRequest:
    return AnalysisRequest(
        symbol=symbol, interval="1d", period="3mo", tool="fibonacci", source="yahoo"
    )


def _record(owner: str = "alice", *, minutes: int = 0, symbol: str = "TSLA") -> AnalysisRecord:
    return AnalysisRecord(
        owner=owner, request=_request(symbol), created_at=BASE + timedelta(minutes=minutes)
    )


def _done(record: AnalysisRecord) -> AnalysisRecord:
    return AnalysisRecord.model_validate(
        {
            **record.model_dump(),
            "status": AnalysisStatus.DONE,
            "result_json": '{"levels": [{"ratio": 0.618, "price": 201.25}], "note": "żółw 🐢"}',
            "chart_keys": (f"charts/{record.id}/a.png",),
            "ai_text": "Price held the 61.8% level twice.",
            "ai_provider": "dashscope",
            "ai_model": "qwen-plus",
            "timings": Timings(data_ms=120.5, analysis_ms=33.0, chart_ms=210.25, total_ms=400.0),
        }
    )


async def _all_pages(
    repository: AnalysisRepository, owner: str, *, limit: int, symbol: str | None = None
) -> list[AnalysisRecord]:
    seen: list[AnalysisRecord] = []
    cursor: str | None = None
    while True:
        page = await repository.list_for_owner(owner, symbol=symbol, limit=limit, cursor=cursor)
        assert len(page.items) <= limit
        seen.extend(page.items)
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


async def test_a_saved_record_reads_back_field_for_field(repository: AnalysisRepository) -> None:
    window = AnalysisRequest(
        symbol="btc-usd",
        interval="1h",
        start=datetime(2025, 1, 2, 9, 15, 30, 123456, tzinfo=UTC),
        end=datetime(2025, 2, 2, tzinfo=UTC),
        tool="structure",
        source="yahoo",
        detector="zigzag",
    )
    record = _done(AnalysisRecord(owner="alice", request=window, created_at=BASE))

    await repository.save(record)

    stored = await repository.get(record.id, owner="alice")
    assert stored == record
    assert stored is not None
    assert stored.result_json == record.result_json, "the Analysis JSON comes back byte for byte"
    assert stored.request.symbol == "BTC-USD"


async def test_updating_a_record_keeps_one_record(repository: AnalysisRepository) -> None:
    pending = _record()
    await repository.save(pending)
    await repository.save(_done(pending))

    stored = await repository.get(pending.id, owner="alice")
    assert stored is not None
    assert stored.status is AnalysisStatus.DONE
    assert stored.created_at == pending.created_at
    assert [r.id for r in (await repository.list_for_owner("alice")).items] == [pending.id]


async def test_another_owners_record_behaves_as_not_found(repository: AnalysisRepository) -> None:
    record = _record(owner="alice")
    await repository.save(record)

    assert await repository.get(record.id, owner="mallory") is None
    assert await repository.get("0" * 32, owner="alice") is None
    assert (await repository.list_for_owner("mallory")).items == []


async def test_an_id_taken_by_another_owner_is_refused_and_left_alone(
    repository: AnalysisRepository,
) -> None:
    original = _record(owner="alice")
    await repository.save(original)
    hijack = AnalysisRecord.model_validate({**_done(original).model_dump(), "owner": "mallory"})

    with pytest.raises(RecordConflictError):
        await repository.save(hijack)

    assert await repository.get(original.id, owner="alice") == original
    assert await repository.get(original.id, owner="mallory") is None


async def test_lists_are_newest_first_and_pages_cover_everything_once(
    repository: AnalysisRepository,
) -> None:
    records = [_record(minutes=m) for m in (0, 5, 5, 5, 9, 12, 12)]  # ties in created_at
    for record in records:
        await repository.save(record)
    await repository.save(_record(owner="bob", minutes=7))

    listed = await _all_pages(repository, "alice", limit=2)

    assert sorted(r.id for r in listed) == sorted(r.id for r in records), "no gaps, no repeats"
    keys = [(r.created_at, r.id) for r in listed]
    assert keys == sorted(keys, reverse=True)


async def test_a_new_record_does_not_shift_the_pages_being_read(
    repository: AnalysisRepository,
) -> None:
    older = [_record(minutes=m) for m in range(4)]
    for record in older:
        await repository.save(record)
    first = await repository.list_for_owner("alice", limit=2)

    await repository.save(_record(minutes=60))  # arrives while the user pages back
    assert first.next_cursor is not None
    second = await repository.list_for_owner("alice", limit=2, cursor=first.next_cursor)

    assert [r.id for r in first.items + second.items] == [r.id for r in reversed(older)]


async def test_records_can_be_listed_for_one_symbol(repository: AnalysisRepository) -> None:
    tsla = [_record(minutes=m, symbol="TSLA") for m in range(3)]
    for record in [*tsla, _record(minutes=1, symbol="AAPL"), _record("bob", symbol="TSLA")]:
        await repository.save(record)

    listed = await _all_pages(repository, "alice", limit=2, symbol="tsla")

    assert [r.id for r in listed] == [r.id for r in reversed(tsla)]


async def test_bad_page_requests_say_what_is_accepted(repository: AnalysisRepository) -> None:
    with pytest.raises(InvalidPageRequestError, match="1 to 100"):
        await repository.list_for_owner("alice", limit=0)
    with pytest.raises(InvalidPageRequestError, match="next_cursor"):
        await repository.list_for_owner("alice", cursor="not-a-cursor")


async def test_a_started_repository_answers_a_ping(repository: AnalysisRepository) -> None:
    await repository.ping()


def _with_call(record: AnalysisRecord, *, graded: bool = False) -> AnalysisRecord:
    fields = {
        **_done(record).model_dump(),
        "call_json": '{"bias": "bullish", "horizon_bars": 10}',
    }
    if graded:
        fields |= {"grade_json": '{"outcome": "right"}', "graded_at": BASE + timedelta(days=20)}
    return AnalysisRecord.model_validate(fields)


async def test_a_call_and_its_grade_read_back_field_for_field(
    repository: AnalysisRepository,
) -> None:
    record = _with_call(_record(), graded=True)
    await repository.save(record)

    assert await repository.get(record.id, owner="alice") == record


async def test_the_grader_finds_every_owners_ungraded_calls_oldest_first(
    repository: AnalysisRepository,
) -> None:
    older = _with_call(_record("bob", minutes=1))
    newer = _with_call(_record("alice", minutes=5))
    graded = _with_call(_record("alice", minutes=3), graded=True)
    no_call = _done(_record("alice", minutes=2))
    pending = _record("alice", minutes=4)  # not done: nothing to grade
    for record in (newer, graded, no_call, pending, older):
        await repository.save(record)

    queue = await repository.ungraded_calls()

    assert [r.id for r in queue] == [older.id, newer.id]
    assert all(r.awaits_grade for r in queue)
    assert [r.id for r in await repository.ungraded_calls(limit=1)] == [older.id]


async def test_graded_calls_are_one_owners_or_everyones_newest_first(
    repository: AnalysisRepository,
) -> None:
    alice_old = _with_call(_record("alice", minutes=1), graded=True)
    alice_new = _with_call(_record("alice", minutes=9), graded=True)
    bob = _with_call(_record("bob", minutes=5), graded=True)
    waiting = _with_call(_record("alice", minutes=7))
    for record in (alice_old, bob, waiting, alice_new):
        await repository.save(record)

    mine = await repository.graded_calls(owner="alice")
    everyone = await repository.graded_calls()

    assert [r.id for r in mine] == [alice_new.id, alice_old.id]
    assert [r.id for r in everyone] == [alice_new.id, bob.id, alice_old.id]
    with pytest.raises(ValueError, match="1 to 5000 calls"):
        await repository.graded_calls(limit=0)
