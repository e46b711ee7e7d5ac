"""The `analysis_records` table; the Alembic migrations create exactly this (a test checks)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field

from integrations.sql.base import TableBase


class AnalysisRow(TableBase, table=True):
    """One analysis record, flat, so owner and symbol queries use plain indexes."""

    __tablename__ = "analysis_records"
    __table_args__ = (
        Index("ix_analysis_records_owner_created", "owner", "created_at", "id"),
        Index("ix_analysis_records_symbol", "symbol", "created_at"),
        Index("ix_analysis_records_graded", "graded_at", "created_at"),
    )

    id: str = Field(primary_key=True, max_length=32)
    owner: str = Field(max_length=255)
    created_at: datetime
    status: str = Field(max_length=16)
    symbol: str = Field(max_length=32)
    interval: str = Field(max_length=64)
    period: str | None = Field(default=None, max_length=64)
    start_at: datetime | None = None
    end_at: datetime | None = None
    tool: str = Field(max_length=64)
    source: str = Field(max_length=64)
    detector: str | None = Field(default=None, max_length=64)
    result_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    chart_keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    ai_text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    ai_provider: str | None = Field(default=None, max_length=64)
    ai_model: str | None = Field(default=None, max_length=64)
    data_ms: float | None = None
    analysis_ms: float | None = None
    chart_ms: float | None = None
    ai_ms: float | None = None
    total_ms: float | None = None
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    call_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    grade_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    graded_at: datetime | None = None
