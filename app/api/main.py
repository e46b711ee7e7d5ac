"""Builds the FastAPI app that Reflex mounts through `api_transformer`.

Reflex serves its own routes behind this app, so everything of ours lives under `/api` and
`/metrics`. FastAPI's `lifespan` does not run when mounted this way: start-up work belongs in
Reflex lifespan tasks (see `app/app.py`).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from prometheus_fastapi_instrumentator import Instrumentator

from app import __version__
from app.api.errors import install_error_handlers
from app.api.limits import BodySizeLimitMiddleware
from app.api.middleware import RequestContextMiddleware
from app.api.problems import problem_response
from app.api.routes import analyses, auth, charts, files, health, login, market
from app.config import get_settings
from app.metrics import InFlightRequests

API_PREFIX = "/api"


def create_api() -> FastAPI:
    api = FastAPI(
        title="Financials API",
        version=__version__,
        summary="Fibonacci, market structure and levels with hit-rates, as JSON and charts.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=f"{API_PREFIX}/redoc",
    )
    api.add_middleware(BodySizeLimitMiddleware, max_bytes=get_settings().max_request_bytes)
    api.add_middleware(RequestContextMiddleware)
    install_error_handlers(api)
    # Requests in flight, the HPA's second metric (docs/scaling.md).
    api.add_middleware(InFlightRequests)
    Instrumentator(excluded_handlers=["/metrics"], should_group_status_codes=False).instrument(
        api
    ).expose(api, endpoint="/metrics", include_in_schema=False)
    api.include_router(health.router, prefix=API_PREFIX)
    api.include_router(files.router, prefix=API_PREFIX)
    api.include_router(auth.router, prefix=API_PREFIX)
    # Browser sign-in: sets the session cookie; not behind the bearer-token auth.
    api.include_router(login.router, prefix=API_PREFIX)
    api.include_router(analyses.router, prefix=API_PREFIX)
    api.include_router(charts.router, prefix=API_PREFIX)
    api.include_router(market.router, prefix=API_PREFIX)

    # Anything else under /api is ours to refuse, as problem+json, rather than falling
    # through to Reflex's plain-text 404.
    @api.api_route(
        f"{API_PREFIX}/{{path:path}}",
        methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        include_in_schema=False,
    )
    async def no_such_endpoint(path: str) -> JSONResponse:
        return problem_response(
            404, "No such endpoint", f"nothing is served at /api/{path}; see /api/docs"
        )

    return api
