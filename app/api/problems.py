"""RFC 9457 problem details: the one shape of every error the API returns on purpose."""

from __future__ import annotations

import json

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.types import Send

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    """What went wrong, in words a person can act on."""

    type: str = Field(default="about:blank")
    title: str = Field(description="Short, the same for every occurrence of this problem.")
    status: int
    detail: str = Field(description="This occurrence: what was wrong and what is accepted.")


def problem_response(status: int, title: str, detail: str) -> JSONResponse:
    body = Problem(title=title, status=status, detail=detail)
    return JSONResponse(body.model_dump(), status_code=status, media_type=PROBLEM_MEDIA_TYPE)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI `responses=` entries documenting the problems a route may return."""
    return {status: {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}} for status in statuses}


async def send_problem(
    send: Send, status: int, title: str, detail: str, headers: dict[str, str] | None = None
) -> None:
    """A problem response written straight to ASGI `send`, for middleware that answers early."""
    body = json.dumps(Problem(title=title, status=status, detail=detail).model_dump()).encode()
    raw = [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"content-length", b"%d" % len(body))]
    raw += [(name.encode(), value.encode()) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
