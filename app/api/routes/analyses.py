"""A caller's past analyses: newest first with cursor paging, or one by id (owner-checked)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from app.api.deps import Reader, ServicesDep
from app.api.paging import PageCursor, PageLimit
from app.api.problems import problem_response, problem_responses
from app.services import history
from app.services.schemas import AnalysisDetail, AnalysisPage
from integrations.paging import DEFAULT_PAGE_SIZE, InvalidPageRequestError
from integrations.records.models import RECORD_ID_PATTERN

router = APIRouter(tags=["analyses"])


@router.get(
    "/analyses",
    summary="Your analyses, newest first",
    response_model=AnalysisPage,
    responses=problem_responses(401, 403, 404, 422, 429),
)
async def list_analyses(
    caller: Reader,
    services: ServicesDep,
    limit: PageLimit = DEFAULT_PAGE_SIZE,
    cursor: PageCursor = None,
    symbol: Annotated[str | None, Query(max_length=32)] = None,
) -> AnalysisPage | JSONResponse:
    persistence = services.persistence
    try:
        return await history.page_of_analyses(
            persistence.records,
            persistence.objects,
            caller.sub,
            symbol=symbol,
            limit=limit,
            cursor=cursor,
            lifetime=services.settings.signed_url_ttl,
        )
    except InvalidPageRequestError as exc:
        # Well-formed, but no page of this list starts there (as an unknown id would be).
        return problem_response(404, "No such page", str(exc))


@router.get(
    "/analyses/{analysis_id}",
    summary="One of your analyses",
    response_model=AnalysisDetail,
    responses=problem_responses(401, 403, 404, 422, 429),
)
async def get_analysis(
    caller: Reader,
    services: ServicesDep,
    analysis_id: Annotated[
        str, Path(pattern=RECORD_ID_PATTERN, description="32 hex digits, from POST or a list.")
    ],
) -> AnalysisDetail | JSONResponse:
    persistence = services.persistence
    record = await persistence.records.get(analysis_id, owner=caller.sub)
    if record is None:
        return problem_response(
            404, "No such analysis", f"you have no analysis with id {analysis_id!r}"
        )
    return await history.detail(
        persistence.objects, record, services.settings.signed_url_ttl, persistence.records
    )
