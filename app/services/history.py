"""Reading a user's past analyses back, with fresh links to their charts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from analysis import Analysis
from analysis.charts.static import DEFAULT_SIZE
from analysis.grading import Call, Grade
from app.services.schemas import (
    AiSummary,
    AnalysisDetail,
    AnalysisListItem,
    AnalysisPage,
    ChartLink,
    TimingsMs,
)
from app.services.track_record import citation
from integrations.paging import Page
from integrations.records.models import AnalysisRecord, AnalysisStatus
from integrations.records.port import AnalysisRepository
from integrations.storage.port import ObjectStore
from language.grounding import check_grounding

if TYPE_CHECKING:
    from app.services.container import Services


async def chart_link(
    objects: ObjectStore, record: AnalysisRecord, lifetime: timedelta
) -> ChartLink | None:
    if record.status is not AnalysisStatus.DONE or not record.chart_keys:
        return None
    url = await objects.signed_url(record.chart_keys[0], lifetime)
    width, height = DEFAULT_SIZE
    return ChartLink(url=url, expires_at=datetime.now(UTC) + lifetime, width=width, height=height)


async def list_item(
    objects: ObjectStore, record: AnalysisRecord, lifetime: timedelta
) -> AnalysisListItem:
    request = record.request
    return AnalysisListItem(
        id=record.id,
        created_at=record.created_at,
        status=record.status.value,
        symbol=request.symbol,
        interval=request.interval,
        period=request.period,
        tool=request.tool,
        source=request.source,
        error=record.error,
        chart=await chart_link(objects, record, lifetime),
        grade=None if record.grade_json is None else Grade.model_validate_json(record.grade_json),
    )


async def page_of_analyses(
    records: AnalysisRepository,
    objects: ObjectStore,
    owner: str,
    *,
    symbol: str | None,
    limit: int,
    cursor: str | None,
    lifetime: timedelta,
) -> AnalysisPage:
    page: Page[AnalysisRecord] = await records.list_for_owner(
        owner, symbol=symbol, limit=limit, cursor=cursor
    )
    items = [await list_item(objects, record, lifetime) for record in page.items]
    return AnalysisPage(items=items, next_cursor=page.next_cursor)


async def detail(
    objects: ObjectStore,
    record: AnalysisRecord,
    lifetime: timedelta,
    records: AnalysisRepository | None = None,
) -> AnalysisDetail:
    """The record in full; with `records`, its reading cites the track record as it is now."""
    item = await list_item(objects, record, lifetime)
    analysis = Analysis.model_validate_json(record.result_json) if record.result_json else None
    summary = None
    call = None if record.call_json is None else Call.model_validate_json(record.call_json)
    if record.ai_text is not None:
        # The grounding check is a pure function of text and analysis: re-run, not stored.
        ungrounded = check_grounding(record.ai_text, analysis).ungrounded if analysis else []
        summary = AiSummary(
            text=record.ai_text,
            provider=record.ai_provider or "unknown",
            model=record.ai_model or "unknown",
            ungrounded=ungrounded,
            call=call,
            track_record=None
            if call is None or records is None
            else await citation(records, record.ai_provider or "unknown", call.bias),
        )
    return AnalysisDetail(
        **item.model_dump(),
        analysis=analysis,
        summary=summary,
        timings_ms=TimingsMs.of(record.timings),
    )


async def first_page(
    services: Services, *, owner: str, symbol: str | None, limit: int
) -> AnalysisPage:
    """The history page's cards: the owner's newest analyses, optionally of one symbol."""
    return await page_of_analyses(
        services.persistence.records,
        services.persistence.objects,
        owner,
        symbol=symbol,
        limit=limit,
        cursor=None,
        lifetime=services.settings.signed_url_ttl,
    )
