"""Links from the page to backend routes (login, logout): another origin in development."""

from __future__ import annotations

from reflex.config import get_config


def backend_url(path: str) -> str:
    """`path` on the backend, as the browser reaches it (REFLEX_API_URL)."""
    return get_config().api_url.rstrip("/") + path
