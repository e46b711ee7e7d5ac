"""Cursor pages shared by every list the ports return.

Cursors are opaque to callers (base64url JSON of a small pydantic model) so an adapter can
change what it keys on without breaking clients, and keyset paging stays stable while new rows
arrive, which offset paging does not.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

ItemT = TypeVar("ItemT")
CursorT = TypeVar("CursorT", bound=BaseModel)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class InvalidPageRequestError(ValueError):
    """A page size or cursor the caller sent cannot be used; the message says what is accepted."""


class Page(BaseModel, Generic[ItemT]):
    """One page of a list; pass `next_cursor` back to get the next one (None: no more)."""

    model_config = ConfigDict(frozen=True)

    items: list[ItemT]
    next_cursor: str | None = None


def check_page_size(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidPageRequestError(
            f"page size {limit} is out of range: ask for 1 to {MAX_PAGE_SIZE} items per page"
        )
    return limit


def encode_cursor(position: BaseModel) -> str:
    return base64.urlsafe_b64encode(position.model_dump_json().encode()).decode().rstrip("=")


def decode_cursor(cursor: str, position_type: type[CursorT]) -> CursorT:
    """Reads a cursor this module handed out; anything else is a clear client error."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return position_type.model_validate_json(raw)
    except (binascii.Error, ValueError, ValidationError) as exc:
        raise InvalidPageRequestError(
            "cursor is not one this list handed out: pass the `next_cursor` of the previous "
            "page unchanged, or no cursor for the first page"
        ) from exc


def page_of(
    fetched: list[ItemT], limit: int, position_of: Callable[[ItemT], BaseModel]
) -> Page[ItemT]:
    """`fetched` is up to `limit + 1` items in order; the extra one proves a next page.

    The cursor encodes `position_of` the last item kept, so the next page starts after it.
    """
    if len(fetched) <= limit:
        return Page(items=fetched)
    return Page(items=fetched[:limit], next_cursor=encode_cursor(position_of(fetched[limit - 1])))
