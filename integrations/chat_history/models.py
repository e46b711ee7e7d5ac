"""Conversations and their messages, validated once here for every adapter."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from integrations.records.models import RecordId
from integrations.timeutil import UtcMillis, utc_now

CONVERSATION_ID_PATTERN = r"^[0-9a-f]{32}$"
ConversationId = Annotated[str, Field(pattern=CONVERSATION_ID_PATTERN)]
Owner = Annotated[str, Field(min_length=1, max_length=255)]
MAX_MESSAGE_CHARS = 32_000


def new_conversation_id() -> str:
    return uuid.uuid4().hex


class Role(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"
    SYSTEM = "system"
    TOOL = "tool"


class ToolCall(BaseModel):
    """A tool the assistant called; arguments and result stay JSON text of the tool's schema."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=128)
    name: str = Field(min_length=1, max_length=64)
    arguments_json: str = Field(default="{}", max_length=MAX_MESSAGE_CHARS)
    result_json: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS)


class Attachments(BaseModel):
    """What a message points at besides its text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    analysis_ids: tuple[RecordId, ...] = ()
    tool_calls: tuple[ToolCall, ...] = ()


class NewMessage(BaseModel):
    """A message as the caller writes it; the store assigns its id."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role
    text: str = Field(max_length=MAX_MESSAGE_CHARS)
    attachments: Attachments = Attachments()
    created_at: UtcMillis = Field(default_factory=utc_now)


class ChatMessage(NewMessage):
    """A stored message; `id` grows with each message of its conversation."""

    id: int = Field(ge=1)
    conversation_id: ConversationId


class Conversation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: ConversationId = Field(default_factory=new_conversation_id)
    owner: Owner
    title: str = Field(default="", max_length=200)
    created_at: UtcMillis = Field(default_factory=utc_now)
    updated_at: UtcMillis = Field(default_factory=utc_now, description="Last activity.")
