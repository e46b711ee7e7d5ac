"""Our cookies as browsers should keep them: HttpOnly, SameSite=Lax, Secure over https."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response


def is_https(request: Request) -> bool:
    """Secure cookies over https, including behind a TLS-terminating proxy.

    Trusting `X-Forwarded-Proto` here can only make a cookie stricter, never looser.
    """
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def set_cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=is_https(request),
    )


def clear_cookie(response: Response, request: Request, name: str) -> None:
    response.delete_cookie(name, path="/", httponly=True, samesite="lax", secure=is_https(request))
