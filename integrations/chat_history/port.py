"""The chat-history port: conversations and their messages, kept across restarts.

Async like the rest of the app; adapters over sync SDKs run their calls in worker threads.
"""

from __future__ import annotations

from typing import Protocol

from integrations.chat_history.models import ChatMessage, Conversation, NewMessage
from integrations.paging import DEFAULT_PAGE_SIZE, Page


class ChatHistoryStore(Protocol):
    async def start(self) -> None:
        """Prepares the store (migrations, tables); safe to call on every start."""
        ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Returns when the store answers; raises otherwise (readiness checks call it)."""
        ...

    async def create_conversation(self, owner: str, *, title: str = "") -> Conversation: ...

    async def get_conversation(self, conversation_id: str, *, owner: str) -> Conversation | None:
        """The owner's conversation, or None; another owner's conversation is None too."""
        ...

    async def append(self, conversation_id: str, message: NewMessage, *, owner: str) -> ChatMessage:
        """Stores the message after the conversation's last one and marks the activity.

        Raises `ConversationNotFoundError` when the owner has no such conversation.
        """
        ...

    async def list_messages(
        self,
        conversation_id: str,
        *,
        owner: str,
        limit: int = DEFAULT_PAGE_SIZE,
        cursor: str | None = None,
    ) -> Page[ChatMessage]:
        """Messages oldest first. Raises `ConversationNotFoundError` like `append`."""
        ...

    async def list_conversations(
        self, owner: str, *, limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None
    ) -> Page[Conversation]:
        """The owner's conversations, most recent activity first."""
        ...
