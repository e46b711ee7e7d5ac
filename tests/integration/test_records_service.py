"""Finishing an analysis stores its chart and its record together, or neither.

Real SQLite and real files; only the failures are staged, by wrappers around the real ports.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from app.config import Settings
from app.logging import configure_logging
from app.services.records import (
    AnalysisOutcome,
    ChartImage,
    chart_links,
    complete_analysis,
    fail_analysis,
    start_analysis,
)
from integrations.paging import Page
from integrations.records import (
    AnalysisRecord,
    AnalysisRequest,
    AnalysisStatus,
    Timings,
)
from integrations.records.models import MAX_CALLS
from integrations.records.sql import SqlAnalysisRepository
from integrations.sql import create_sql_engine, sqlite_url
from integrations.storage.local import LocalObjectStore
from integrations.storage.signing import UrlSigner

REQUEST = AnalysisRequest(
    symbol="TSLA", interval="1d", period="3mo", tool="fibonacci", source="yahoo"
)


class DiskFullError(OSError):
    pass


class DatabaseDownError(RuntimeError):
    pass


@dataclass
class FlakyRecords:
    """The real repository, except that saves matching `fails` raise (after landing, maybe)."""

    inner: SqlAnalysisRepository
    fails: Callable[[AnalysisRecord], bool] = lambda _record: False
    lands_anyway: bool = False

    async def start(self) -> None:
        await self.inner.start()

    async def close(self) -> None:
        await self.inner.close()

    async def ping(self) -> None:
        await self.inner.ping()

    async def save(self, record: AnalysisRecord) -> None:
        if self.fails(record):
            if self.lands_anyway:
                await self.inner.save(record)
            raise DatabaseDownError("connection lost during commit")
        await self.inner.save(record)

    async def get(self, record_id: str, *, owner: str) -> AnalysisRecord | None:
        return await self.inner.get(record_id, owner=owner)

    async def list_for_owner(
        self, owner: str, *, symbol: str | None = None, limit: int = 20, cursor: str | None = None
    ) -> Page[AnalysisRecord]:
        return await self.inner.list_for_owner(owner, symbol=symbol, limit=limit, cursor=cursor)

    async def ungraded_calls(self, *, limit: int = MAX_CALLS) -> list[AnalysisRecord]:
        return await self.inner.ungraded_calls(limit=limit)

    async def graded_calls(
        self, *, owner: str | None = None, limit: int = MAX_CALLS
    ) -> list[AnalysisRecord]:
        return await self.inner.graded_calls(owner=owner, limit=limit)


@dataclass
class FlakyObjects:
    inner: LocalObjectStore
    put_fails: bool = False
    delete_fails: bool = False
    deletes: list[str] = field(default_factory=list)

    async def start(self) -> None:
        await self.inner.start()

    async def close(self) -> None:
        await self.inner.close()

    async def ping(self) -> None:
        await self.inner.ping()

    async def put(self, key: str, data: bytes) -> None:
        if self.put_fails:
            raise DiskFullError("no space left on device")
        await self.inner.put(key, data)

    async def get(self, key: str) -> bytes:
        return await self.inner.get(key)

    async def delete(self, key: str) -> None:
        self.deletes.append(key)
        if self.delete_fails:
            raise DiskFullError("read-only file system")
        await self.inner.delete(key)

    async def signed_url(self, key: str, expires: timedelta) -> str:
        return await self.inner.signed_url(key, expires)


@dataclass
class Ports:
    records: FlakyRecords
    objects: FlakyObjects
    objects_root: Path

    def chart_files(self) -> list[Path]:
        return sorted(p for p in (self.objects_root / "charts").rglob("*") if p.is_file())


@pytest.fixture
async def ports(tmp_path: Path) -> AsyncIterator[Ports]:
    records = FlakyRecords(SqlAnalysisRepository(create_sql_engine(sqlite_url(tmp_path / "f.db"))))
    root = tmp_path / "objects"
    objects = FlakyObjects(LocalObjectStore(root, UrlSigner(b"k" * 32)))
    await records.start()
    await objects.start()
    yield Ports(records, objects, root)
    await records.close()


def _outcome(chart: bytes = b"\x89PNG-first") -> AnalysisOutcome:
    return AnalysisOutcome(
        result_json='{"levels": [0.618]}',
        chart=ChartImage(data=chart),
        ai_text="Held.",
        timings=Timings(total_ms=512.0),
    )


def _is_done(record: AnalysisRecord) -> bool:
    return record.status is AnalysisStatus.DONE


async def test_a_finished_analysis_has_its_chart_behind_a_link(ports: Ports) -> None:
    pending = await start_analysis(ports.records, owner="alice", request=REQUEST)

    done = await complete_analysis(ports.records, ports.objects, pending, _outcome())

    stored = await ports.records.get(pending.id, owner="alice")
    assert stored == done
    assert stored.status is AnalysisStatus.DONE
    assert [await ports.objects.get(key) for key in stored.chart_keys] == [b"\x89PNG-first"]
    links = await chart_links(ports.objects, stored, expires=timedelta(minutes=5))
    assert len(links) == 1
    assert links[0].startswith(f"/api/files/{stored.chart_keys[0]}?expires=")


async def test_a_failed_record_write_takes_its_new_image_away_again(ports: Ports) -> None:
    pending = await start_analysis(ports.records, owner="alice", request=REQUEST)
    ports.records.fails = _is_done

    with pytest.raises(DatabaseDownError):
        await complete_analysis(ports.records, ports.objects, pending, _outcome())

    assert await ports.records.get(pending.id, owner="alice") == pending, "still pending"
    assert ports.chart_files() == [], "no orphan image left behind"


async def test_a_failed_rewrite_leaves_the_earlier_chart_and_record_alone(ports: Ports) -> None:
    pending = await start_analysis(ports.records, owner="alice", request=REQUEST)
    done = await complete_analysis(ports.records, ports.objects, pending, _outcome())
    ports.records.fails = _is_done

    with pytest.raises(DatabaseDownError):
        await complete_analysis(ports.records, ports.objects, done, _outcome(b"\x89PNG-second"))

    assert await ports.records.get(done.id, owner="alice") == done
    assert await ports.objects.get(done.chart_keys[0]) == b"\x89PNG-first"
    assert [p.read_bytes() for p in ports.chart_files()] == [b"\x89PNG-first"]


async def test_no_record_is_marked_done_when_its_image_cannot_be_stored(ports: Ports) -> None:
    pending = await start_analysis(ports.records, owner="alice", request=REQUEST)
    ports.objects.put_fails = True

    with pytest.raises(DiskFullError):
        await complete_analysis(ports.records, ports.objects, pending, _outcome())

    assert await ports.records.get(pending.id, owner="alice") == pending


async def test_a_write_that_landed_despite_its_error_keeps_its_image(ports: Ports) -> None:
    pending = await start_analysis(ports.records, owner="alice", request=REQUEST)
    ports.records.fails = _is_done
    ports.records.lands_anyway = True

    done = await complete_analysis(ports.records, ports.objects, pending, _outcome())

    stored = await ports.records.get(pending.id, owner="alice")
    assert stored == done
    assert await ports.objects.get(done.chart_keys[0]) == b"\x89PNG-first"
    assert ports.objects.deletes == []


async def test_when_cleanup_fails_too_the_real_error_is_the_one_reported(ports: Ports) -> None:
    logs = io.StringIO()
    configure_logging(Settings(_env_file=None, log_format="json"), stream=logs)
    pending = await start_analysis(ports.records, owner="alice", request=REQUEST)
    ports.records.fails = _is_done
    ports.objects.delete_fails = True

    with pytest.raises(DatabaseDownError):
        await complete_analysis(ports.records, ports.objects, pending, _outcome())

    assert len(ports.objects.deletes) == 3, "retried before giving up"
    logged = [json.loads(line) for line in logs.getvalue().splitlines()]
    leftover = [e for e in logged if e["event"].startswith("could not delete the image")]
    assert len(leftover) == 1, "the orphan is logged so it can be cleaned up"
    assert leftover[0]["key"] == ports.objects.deletes[0]


async def test_a_failed_analysis_is_recorded_with_its_reason(ports: Ports) -> None:
    pending = await start_analysis(ports.records, owner="alice", request=REQUEST)

    failed = await fail_analysis(
        ports.records, pending, "Yahoo has no data for TSLA in 1900", timings=Timings(data_ms=80)
    )

    stored = await ports.records.get(pending.id, owner="alice")
    assert stored == failed
    assert stored.status is AnalysisStatus.FAILED
    assert stored.chart_keys == ()
