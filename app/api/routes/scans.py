"""Scans: start one over a universe (`POST`, answers at once with the id), then page its
rows and progress (`GET`); list yours, newest first; `POST .../cancel` stops a running scan,
whichever replica runs it. A user's watchlist is the `watchlist` universe. Thin over
`app.services.scans`, as the CLI and the chat are."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import Reader, ServicesDep, Writer
from app.api.paging import PageCursor, PageLimit
from app.api.problems import problem_response, problem_responses
from app.services import scans
from app.services.scan_schemas import ScanPage, ScanRequest, ScanView
from integrations.paging import DEFAULT_PAGE_SIZE, InvalidPageRequestError
from integrations.records.models import RECORD_ID_PATTERN
from integrations.records.scans import MAX_WATCHLIST

router = APIRouter(tags=["scans"])
ScanId = Annotated[str, Path(pattern=RECORD_ID_PATTERN, description="32 hex digits, from POST.")]


class WatchlistBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbols: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9.^=_/-]{1,32}$")]] = Field(
        max_length=MAX_WATCHLIST
    )


@router.post(
    "/scans",
    summary="Scan a universe for setups",
    status_code=202,
    response_model=ScanView,
    responses=problem_responses(401, 403, 409, 422, 429),
)
async def start_scan(
    caller: Writer, services: ServicesDep, body: ScanRequest
) -> ScanView | JSONResponse:
    try:
        return await scans.start_scan(services.scans, body, caller.sub)
    except scans.ScanInputError as exc:
        return problem_response(409, "Cannot scan that yet", str(exc))


@router.get(
    "/scans",
    summary="Your scans, newest first (progress, without rows)",
    response_model=ScanPage,
    responses=problem_responses(401, 403, 404, 422, 429),
)
async def list_scans(
    caller: Reader,
    services: ServicesDep,
    limit: PageLimit = DEFAULT_PAGE_SIZE,
    cursor: PageCursor = None,
) -> ScanPage | JSONResponse:
    try:
        return await scans.list_scans(services.scans, caller.sub, limit=limit, cursor=cursor)
    except InvalidPageRequestError as exc:
        # Well-formed, but no page of this list starts there (as an unknown id would be).
        return problem_response(404, "No such page", str(exc))


@router.get(
    "/scans/{scan_id}",
    summary="A scan's progress and one page of its rows",
    response_model=ScanView,
    responses=problem_responses(401, 403, 404, 422, 429),
)
async def get_scan(
    caller: Reader,
    services: ServicesDep,
    scan_id: ScanId,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: PageLimit = 50,
) -> ScanView | JSONResponse:
    try:
        return await scans.get_scan(services.scans, scan_id, caller.sub, offset=offset, limit=limit)
    except scans.ScanNotFoundError as exc:
        return problem_response(404, "No such scan", str(exc))


@router.post(
    "/scans/{scan_id}/cancel",
    summary="Cancel a running scan (what it found so far is kept)",
    description="A scan running in this replica is stopped at once and comes back `cancelled`; "
    "one running elsewhere comes back `running` with `cancel_requested`, and stops at its next "
    "progress save.",
    response_model=ScanView,
    responses=problem_responses(401, 403, 404, 422, 429),
)
async def cancel_scan(
    caller: Writer, services: ServicesDep, scan_id: ScanId
) -> ScanView | JSONResponse:
    try:
        return await scans.cancel_scan(services.scans, scan_id, caller.sub)
    except scans.ScanNotFoundError as exc:
        return problem_response(404, "No such scan", str(exc))


@router.put(
    "/watchlist",
    summary="Save your watchlist (the `watchlist` universe)",
    response_model=WatchlistBody,
    responses=problem_responses(401, 403, 422, 429),
)
async def put_watchlist(
    caller: Writer, services: ServicesDep, body: WatchlistBody
) -> WatchlistBody:
    saved = await scans.save_watchlist(services.scans, caller.sub, body.symbols)
    return WatchlistBody(symbols=list(saved.symbols))
