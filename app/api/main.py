"""Builds the FastAPI app that Reflex mounts through `api_transformer`.

Reflex serves its own routes behind this app, so everything of ours lives under `/api` and
`/metrics`. FastAPI's `lifespan` does not run when mounted this way: start-up work belongs in
Reflex lifespan tasks (see `app/app.py`).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.routing import APIRoute
from prometheus_fastapi_instrumentator import Instrumentator

from app import __version__
from app.api.errors import install_error_handlers
from app.api.limits import BodySizeLimitMiddleware
from app.api.mcp import mcp_route
from app.api.middleware import RequestContextMiddleware
from app.api.openapi import install_openapi
from app.api.routes import analyses, auth, charts, files, health, login, market, scans
from app.api.routing import API_PREFIX, ApiRoutingMiddleware
from app.config import get_settings
from app.metrics import InFlightRequests


def operation_id(route: APIRoute) -> str:
    """The handler's name (`fibonacci_chart`): the generated client's method names are then
    readable and stable, not FastAPI's path-and-method compounds."""
    return route.name


def create_api() -> FastAPI:
    api = FastAPI(
        title="Financials API",
        version=__version__,
        summary="Fibonacci, market structure and levels with hit-rates, as JSON and charts.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=f"{API_PREFIX}/redoc",
        generate_unique_id_function=operation_id,
    )
    # Innermost: 404/405 for paths and methods under /api that no route takes, before the
    # request reaches Reflex's app mounted behind ours.
    api.add_middleware(ApiRoutingMiddleware, routes=api.router.routes)
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
    api.include_router(scans.router, prefix=API_PREFIX)
    # MCP over streamable HTTP (app/api/mcp.py); not an OpenAPI operation.
    api.router.routes.append(mcp_route())

    install_openapi(api)
    return api
