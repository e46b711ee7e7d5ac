"""Composition root: reads the settings, picks an adapter for each port, builds `Services`.

Split by concern (persistence, auth, market, ai, limits, planner); `services` puts them
together (`open_services`, `services_lifespan`). Swapping an embedded default for its cloud
service is a setting, not a code change.

Those two are loaded on first use (PEP 562): importing one concern, as the CLI's quick
commands do (`wiring.planner` for `financials parse`), must not import every adapter,
SQLAlchemy and pandas with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.wiring.services import open_services, services_lifespan

__all__ = ["open_services", "services_lifespan"]


def __getattr__(name: str) -> object:
    if name in __all__:
        return getattr(importlib.import_module("app.wiring.services"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
