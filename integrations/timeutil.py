"""UTC timestamps at millisecond precision, the finest every store here keeps.

MongoDB and Tablestore keep milliseconds; SQLite and PostgreSQL keep microseconds. Truncating
once, at the model boundary, makes a record read back equal to the one written on every
adapter, and keeps keyset cursors (which compare timestamps) exact across adapters.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator


def to_utc_millis(value: datetime) -> datetime:
    """Aware UTC, microseconds floored to whole milliseconds; naive input is taken as UTC."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.replace(microsecond=aware.microsecond // 1000 * 1000)


def utc_now() -> datetime:
    return to_utc_millis(datetime.now(UTC))


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)


def to_epoch_millis(value: datetime) -> int:
    """Integer arithmetic: float timestamps can land a millisecond short."""
    return (to_utc_millis(value) - _EPOCH) // _MILLISECOND


def from_epoch_millis(millis: int) -> datetime:
    return _EPOCH + millis * _MILLISECOND


UtcMillis = Annotated[datetime, AfterValidator(to_utc_millis)]
