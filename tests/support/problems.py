"""A refused request, as the user's browser or client sees it."""

from __future__ import annotations

import httpx

from app.services.sessions import SESSION_COOKIE


def assert_refused(response: httpx.Response, status: int, words: str) -> None:
    """A problem+json answer that says `words` and signs nobody in."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert words in response.json()["detail"]
    assert SESSION_COOKIE not in response.cookies
