"""Keyset cursors for the two chat lists, shared by every chat-history adapter."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from integrations.chat_history.models import ChatMessage, Conversation, ConversationId
from integrations.paging import Page, decode_cursor, page_of
from integrations.timeutil import UtcMillis


class MessagePosition(BaseModel):
    """The next page holds the messages after this id."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    after_id: int = Field(ge=1)


class ConversationPosition(BaseModel):
    """The next page holds conversations whose (activity, id) sorts after this one's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    updated_at: UtcMillis
    id: ConversationId


def read_message_position(cursor: str | None) -> MessagePosition | None:
    return None if cursor is None else decode_cursor(cursor, MessagePosition)


def read_conversation_position(cursor: str | None) -> ConversationPosition | None:
    return None if cursor is None else decode_cursor(cursor, ConversationPosition)


def message_page(fetched: list[ChatMessage], limit: int) -> Page[ChatMessage]:
    """`fetched` is up to `limit + 1` messages in order; the extra one proves a next page."""
    return page_of(fetched, limit, lambda message: MessagePosition(after_id=message.id))


def conversation_page(fetched: list[Conversation], limit: int) -> Page[Conversation]:
    return page_of(
        fetched,
        limit,
        lambda last: ConversationPosition(updated_at=last.updated_at, id=last.id),
    )


def sorts_after(conversation: Conversation, position: ConversationPosition | None) -> bool:
    """Whether a conversation belongs after `position` in newest-activity-first order."""
    if position is None:
        return True
    return (conversation.updated_at, conversation.id) < (position.updated_at, position.id)
