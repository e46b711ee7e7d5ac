"""Errors the chat-history port raises, whichever adapter is behind it."""

from __future__ import annotations


class ConversationNotFoundError(LookupError):
    """No such conversation for this owner (another owner's conversation counts as none)."""

    def __init__(self, conversation_id: str) -> None:
        super().__init__(f"conversation {conversation_id} not found")
        self.conversation_id = conversation_id
