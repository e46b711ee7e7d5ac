"""Under `/api`, a path we do not serve is a 404 and a method a path does not take is a 405.

Reflex's own app is mounted behind ours and matches every path, so without this a `TRACE
/api/health` (or any method a route does not declare) would fall through to Reflex and come
back as a plain-text 404. This pure ASGI middleware looks the request up in our routes first:
a path that matches with another method gets `405` with the `Allow` header RFC 9110 requires,
a path that matches nothing gets a problem+json `404`; both before any route code runs.
"""

from __future__ import annotations

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import send_problem

API_PREFIX = "/api"


def _is_ours(path: str) -> bool:
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


# What `Allow` may list; HEAD comes with GET, OPTIONS is left to CORS preflight handling.
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _match(routes: list[BaseRoute], scope: Scope) -> Match:
    best = Match.NONE
    for route in routes:
        if isinstance(route, Mount):  # Reflex's app: matches everything, so decides nothing
            continue
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return match
        if match is Match.PARTIAL:
            best = match
    return best


def _allowed(routes: list[BaseRoute], scope: Scope) -> list[str] | None:
    """None when a route takes this request; else the methods the path takes (maybe none).

    Asked through each route's public `matches`, so routers FastAPI includes lazily answer
    for their own routes.
    """
    match = _match(routes, scope)
    if match is Match.FULL:
        return None
    if match is Match.NONE:
        return []
    return [m for m in _METHODS if _match(routes, {**scope, "method": m}) is Match.FULL]


class ApiRoutingMiddleware:
    """Answers 404 and 405 for `/api` paths the routes of `router_app` do not serve."""

    def __init__(self, app: ASGIApp, routes: list[BaseRoute]) -> None:
        self.app = app
        self.routes = routes  # the app's live list: routes added later count too

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_ours(scope["path"]):
            await self.app(scope, receive, send)
            return
        allowed = _allowed(self.routes, scope)
        if allowed is None:
            await self.app(scope, receive, send)
        elif allowed:
            methods = ", ".join(allowed)
            detail = f"{scope['method']} is not supported here; use {methods}"
            await send_problem(send, 405, "Method not allowed", detail, {"allow": methods})
        else:
            detail = f"nothing is served at {scope['path']}; see {API_PREFIX}/docs"
            await send_problem(send, 404, "No such endpoint", detail)
