"""Market lookups: the raw analysis (fast path), quotes, and name-to-ticker resolution."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from app.api.deps import Reader, ServicesDep
from app.api.problems import problem_responses
from app.services import market
from app.services.analyses import analyse_only
from app.services.schemas import AnalysisResult, ChartRequest
from integrations.market_data import Quote, SymbolMatch

router = APIRouter(tags=["market"])
# Printable text without slashes or control characters, as a name or ticker is.
SYMBOL_TEXT = r"^[^\x00-\x1f\x7f/]{1,64}$"


@router.post(
    "/analysis",
    response_model=AnalysisResult,
    summary="The analysis JSON only: no chart, no record, no AI (fast path)",
    responses=problem_responses(401, 403, 404, 413, 422, 429, 503),
)
async def analysis_only(
    body: ChartRequest, caller: Reader, services: ServicesDep
) -> AnalysisResult:
    return await analyse_only(services.market.provider, body)


@router.get(
    "/market/{symbol}/quote",
    response_model=Quote,
    summary="Last price, change, day and 52-week range",
    responses=problem_responses(401, 403, 404, 422, 429, 503),
)
async def quote(
    symbol: Annotated[
        str, PathParam(pattern=SYMBOL_TEXT, description="A ticker or a name, e.g. AAPL, tesla.")
    ],
    caller: Reader,
    services: ServicesDep,
) -> Quote:
    return await market.get_quote(services.market.provider, symbol)


@router.get(
    "/market/resolve",
    response_model=list[SymbolMatch],
    summary="Tickers for a name or alias (tesla -> TSLA), best first",
    responses=problem_responses(401, 403, 429),
)
async def resolve(
    caller: Reader,
    services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=64)],
) -> list[SymbolMatch]:
    return await services.market.provider.resolve(q)
