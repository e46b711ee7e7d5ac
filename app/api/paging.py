"""The query parameters every cursor-paged list takes: one definition, so the lists of
analyses and scans accept (and document) the same page size and cursor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from integrations.paging import MAX_PAGE_SIZE

# Cursors are unpadded base64url (integrations.paging).
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"

PageLimit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
PageCursor = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=512,
        pattern=CURSOR_PATTERN,
        description="The `next_cursor` of the previous page, unchanged.",
    ),
]
