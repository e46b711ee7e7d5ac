"""Request limits: body size (413) as ASGI middleware, per-caller rate (429) as a dependency.

The rate limit keys on the verified subject, so it runs after authentication: one user
cannot exhaust another's budget by sharing an address, and a token cannot dodge it by
changing address.
"""

from __future__ import annotations

import json
import math
from typing import Annotated

from fastapi import Depends
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.deps import principal
from app.api.problems import PROBLEM_MEDIA_TYPE, Problem
from app.wiring import current_limiter
from integrations.auth.models import Principal


class RateLimitedError(Exception):
    def __init__(self, retry_after_seconds: float) -> None:
        super().__init__("rate limited")
        self.retry_after = max(1, math.ceil(retry_after_seconds))


async def rate_limited(caller: Annotated[Principal, Depends(principal)]) -> Principal:
    decision = await current_limiter().take(f"sub:{caller.sub}")
    if not decision.allowed:
        raise RateLimitedError(decision.retry_after_seconds)
    return caller


class _TooLargeError(Exception):
    pass


class BodySizeLimitMiddleware:
    """Refuses request bodies over `max_bytes` with 413, whether announced or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await self._refuse(send)
                return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLargeError
            return message

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLargeError:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = Problem(
            title="Request too large",
            status=413,
            detail=f"the request body is larger than {self.max_bytes:,} bytes, the most accepted",
        ).model_dump()
        data = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                    (b"content-length", str(len(data)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": data})
