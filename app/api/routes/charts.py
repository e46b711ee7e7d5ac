"""Charts with their analysis and reading: the API's main product."""

from __future__ import annotations

from fastapi import APIRouter, status

from app.api.deps import ServicesDep, Writer
from app.api.problems import problem_responses
from app.services.analyses import run_chart_analysis
from app.services.schemas import ChartRequest, ChartResponse

router = APIRouter(tags=["charts"])


@router.post(
    "/charts/fibonacci",
    status_code=status.HTTP_201_CREATED,
    response_model=ChartResponse,
    summary="Fibonacci chart: levels, structure, a signed chart link and the AI reading",
    responses=problem_responses(401, 403, 404, 413, 422, 429, 503),
)
async def fibonacci_chart(
    body: ChartRequest, caller: Writer, services: ServicesDep
) -> ChartResponse:
    return await run_chart_analysis(services.analysis, caller.sub, body, tool="fibonacci")
