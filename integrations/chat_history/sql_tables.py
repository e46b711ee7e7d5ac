"""The chat tables; the Alembic migrations create exactly these (a test checks)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Text
from sqlmodel import Field

from integrations.sql.base import TableBase


class ConversationRow(TableBase, table=True):
    __tablename__ = "chat_conversations"
    __table_args__ = (Index("ix_chat_conversations_owner_updated", "owner", "updated_at", "id"),)

    id: str = Field(primary_key=True, max_length=32)
    owner: str = Field(max_length=255)
    title: str = Field(default="", max_length=200)
    created_at: datetime
    updated_at: datetime


class MessageRow(TableBase, table=True):
    # AUTOINCREMENT on SQLite: ids are never reused, so a message cursor never skips a new row.
    __tablename__ = "chat_messages"
    __table_args__ = (
        Index("ix_chat_messages_conversation", "conversation_id", "id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    conversation_id: str = Field(
        sa_column=Column(
            String(32), ForeignKey("chat_conversations.id", ondelete="CASCADE"), nullable=False
        )
    )
    role: str = Field(max_length=16)
    text: str = Field(sa_column=Column(Text, nullable=False))
    attachments: str = Field(sa_column=Column(Text, nullable=False), description="JSON text.")
    created_at: datetime
