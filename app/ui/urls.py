"""Links from the page to backend routes (login, logout): another origin in development."""

from __future__ import annotations

from app.wiring import backend_url

__all__ = ["backend_url"]
