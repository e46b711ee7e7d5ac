"""Errors the object-store port raises, whichever adapter is behind it."""

from __future__ import annotations

from integrations.storage.keys import InvalidObjectKeyError


class ObjectNotFoundError(LookupError):
    def __init__(self, key: str) -> None:
        super().__init__(f"no object stored under {key!r}")
        self.key = key


__all__ = ["InvalidObjectKeyError", "ObjectNotFoundError"]
