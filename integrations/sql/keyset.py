"""Newest-first keyset paging in SQL, shared by every list the SQL adapters return."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import and_, or_
from sqlmodel.sql.expression import SelectOfScalar

RowT = TypeVar("RowT")


def newest_first(
    statement: SelectOfScalar[RowT],
    time_column: Any,
    id_column: Any,
    after: tuple[datetime, str] | None,
    limit: int,
) -> SelectOfScalar[RowT]:
    """Rows older than `after` (time, id), newest first, one more than `limit`.

    The extra row tells the caller whether a next page exists; ties on time are broken by
    id, so a page boundary never skips or repeats a row.
    """
    if after is not None:
        at, row_id = after
        statement = statement.where(
            or_(time_column < at, and_(time_column == at, id_column < row_id))
        )
    return statement.order_by(time_column.desc(), id_column.desc()).limit(limit + 1)
