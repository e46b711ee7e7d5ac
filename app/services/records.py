"""Analysis records with their chart images, written so a record is never half there.

The image is stored first, under a key no other record uses, then the record that points at
it. If the record write fails, the new image is deleted again, unless the record turns out to
have been written after all (a commit can fail after it landed), and nothing stored earlier is
touched, so no reader ever meets a `done` record whose chart is missing.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tenacity import AsyncRetrying, stop_after_attempt, wait_exponential

from app.logging import get_logger
from integrations.records.models import (
    AnalysisRecord,
    AnalysisRequest,
    AnalysisStatus,
    Timings,
)
from integrations.records.port import AnalysisRepository
from integrations.storage.port import ObjectStore

log = get_logger("financials.services.records")

ImageFormat = Literal["png", "svg", "webp", "jpeg"]
CLEANUP_ATTEMPTS = 3


class ChartImage(BaseModel):
    """A rendered chart, as the chart renderer produced it."""

    model_config = ConfigDict(frozen=True)

    data: bytes = Field(min_length=1)
    format: ImageFormat = "png"


class AnalysisOutcome(BaseModel):
    """Everything a finished analysis adds to its record."""

    model_config = ConfigDict(frozen=True)

    result_json: str = Field(description="The engine's `Analysis.model_dump_json()`.")
    chart: ChartImage
    ai_text: str | None = None
    ai_provider: str | None = None
    ai_model: str | None = None
    call_json: str | None = Field(default=None, description="The reading's `Call` JSON.")
    timings: Timings = Timings()


def new_chart_key(record: AnalysisRecord, image_format: ImageFormat) -> str:
    """Fresh for every write, so cleaning up after a failed write never hits a kept image."""
    return f"charts/{record.id}/{uuid.uuid4().hex}.{image_format}"


async def start_analysis(
    records: AnalysisRepository, *, owner: str, request: AnalysisRequest
) -> AnalysisRecord:
    """Records that the user asked for an analysis, before any work is done."""
    record = AnalysisRecord(owner=owner, request=request)
    await records.save(record)
    return record


async def complete_analysis(
    records: AnalysisRepository,
    objects: ObjectStore,
    record: AnalysisRecord,
    outcome: AnalysisOutcome,
) -> AnalysisRecord:
    """Stores the chart, then marks the record done with it; see the module for the order."""
    key = new_chart_key(record, outcome.chart.format)
    done = AnalysisRecord.model_validate(
        {
            **record.model_dump(),
            "status": AnalysisStatus.DONE,
            "result_json": outcome.result_json,
            "chart_keys": (key,),
            "ai_text": outcome.ai_text,
            "ai_provider": outcome.ai_provider,
            "ai_model": outcome.ai_model,
            "call_json": outcome.call_json,
            "timings": outcome.timings,
            "error": None,
        }
    )
    await objects.put(key, outcome.chart.data)
    try:
        await records.save(done)
    except Exception:
        if await _write_landed(records, done, key):
            log.warning("record write reported failure but landed", record_id=done.id)
            return done
        await _delete_image(objects, key, record_id=done.id)
        raise
    return done


async def fail_analysis(
    records: AnalysisRepository, record: AnalysisRecord, error: str, *, timings: Timings
) -> AnalysisRecord:
    """Marks the record failed with a message the user can read; it keeps no chart."""
    failed = AnalysisRecord.model_validate(
        {**record.model_dump(), "status": AnalysisStatus.FAILED, "error": error, "timings": timings}
    )
    await records.save(failed)
    return failed


async def chart_links(
    objects: ObjectStore, record: AnalysisRecord, *, expires: timedelta
) -> list[str]:
    """Expiring links to the record's charts, the only way a browser reaches them."""
    return [await objects.signed_url(key, expires) for key in record.chart_keys]


async def _write_landed(records: AnalysisRepository, done: AnalysisRecord, key: str) -> bool:
    """Whether the stored record points at `key`; when that cannot be known, assume it does."""
    try:
        stored = await records.get(done.id, owner=done.owner)
    except Exception:
        log.exception("cannot tell whether the record write landed; keeping its image", key=key)
        return True
    return stored is not None and key in stored.chart_keys


async def _delete_image(objects: ObjectStore, key: str, *, record_id: str) -> None:
    """Best effort with retries; a leftover image is logged, never raised over the real error."""
    try:
        async for attempt in AsyncRetrying(
            stop=stop_after_attempt(CLEANUP_ATTEMPTS),
            wait=wait_exponential(multiplier=0.1, max=1),
            reraise=True,
        ):
            with attempt:
                await objects.delete(key)
    except Exception:
        log.exception(
            "could not delete the image of a failed record write", key=key, record_id=record_id
        )
