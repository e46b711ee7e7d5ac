"""Request-scoped context for logs: every request gets an id, echoed in `X-Request-ID`.

A pure ASGI middleware (not `BaseHTTPMiddleware`) so it adds no task hop and works for
streaming responses and websockets alike.
"""

from __future__ import annotations

import re
import time
import uuid

import structlog
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.logging import get_logger

REQUEST_ID_HEADER = "x-request-id"
# Accept a caller's id only when it is short and plain, so it cannot inject into log lines.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

log = get_logger("financials.api")


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name.decode("latin-1").lower() == REQUEST_ID_HEADER:
            candidate = value.decode("latin-1")
            return candidate if _SAFE_ID.match(candidate) else None
    return None


class RequestContextMiddleware:
    """Binds `request_id` for the request's logs and logs one access line per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, request_id)
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                log.info(
                    "request",
                    method=scope.get("method"),
                    path=scope.get("path"),
                    status=status,
                    duration_ms=round((time.perf_counter() - started) * 1000, 2),
                )
