"""Every table of the embedded database, for Alembic and for the schema test."""

from __future__ import annotations

from sqlalchemy import MetaData

from integrations.chat_history import sql_tables as _chat_tables
from integrations.records import scan_tables as _scan_tables
from integrations.records import sql_tables as _records_tables
from integrations.sql.base import TableBase

metadata: MetaData = TableBase.metadata

__all__ = ["metadata"]
_ = (_chat_tables, _records_tables, _scan_tables)
