"""A stand-in for a module's structlog logger that records what was logged.

structlog's `capture_logs` misses loggers cached before it starts (the app caches them on
first use), so tests that check a warning swap the module's `log` for this instead.
"""

from __future__ import annotations


class LogRecorder:
    """Records (level, event, fields) for each call."""

    def __init__(self) -> None:
        self.records: list[tuple[str, str, dict[str, object]]] = []

    def info(self, event: str, **fields: object) -> None:
        self.records.append(("info", event, fields))

    def warning(self, event: str, **fields: object) -> None:
        self.records.append(("warning", event, fields))
