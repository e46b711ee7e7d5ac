"""Charts with their analysis and reading: the API's main product."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from app.api.deps import SettingsDep, require
from app.api.problems import problem_responses
from app.services.analyses import run_chart_analysis
from app.services.schemas import ChartRequest, ChartResponse
from app.wiring import analysis_ports
from integrations.auth.models import Principal
from integrations.auth.scopes import CHARTS_WRITE

router = APIRouter(tags=["charts"])
Writer = Annotated[Principal, Depends(require(CHARTS_WRITE))]


@router.post(
    "/charts/fibonacci",
    status_code=status.HTTP_201_CREATED,
    response_model=ChartResponse,
    summary="Fibonacci chart: levels, structure, a signed chart link and the AI reading",
    responses=problem_responses(401, 403, 404, 413, 422, 429, 503),
)
async def fibonacci_chart(
    body: ChartRequest, caller: Writer, settings: SettingsDep
) -> ChartResponse:
    return await run_chart_analysis(analysis_ports(settings), caller.sub, body, tool="fibonacci")
