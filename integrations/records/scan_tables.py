"""The `scan_records` and `watchlists` tables; migrations 0002 and 0004 make exactly these."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Column, Index, Text, false
from sqlmodel import Field

from integrations.sql.base import TableBase


class ScanRow(TableBase, table=True):
    __tablename__ = "scan_records"
    __table_args__ = (Index("ix_scan_records_owner_created", "owner", "created_at", "id"),)

    id: str = Field(primary_key=True, max_length=32)
    owner: str = Field(max_length=255)
    created_at: datetime
    updated_at: datetime
    status: str = Field(max_length=16)
    universe: str = Field(max_length=64)
    request_json: str = Field(sa_column=Column(Text, nullable=False))
    executor: str = Field(max_length=64)
    total: int
    scanned: int
    failed: int
    rows_json: str = Field(sa_column=Column(Text, nullable=False))
    failures_json: str = Field(sa_column=Column(Text, nullable=False))
    pooled_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    cancel_requested: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )


class WatchlistRow(TableBase, table=True):
    __tablename__ = "watchlists"

    owner: str = Field(primary_key=True, max_length=255)
    symbols: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime
