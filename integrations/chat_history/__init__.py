"""Chat history: conversations and their messages, kept across restarts and redeploys.

Adapters: `sql` (default, same database as the records) and `tablestore` (Alibaba Cloud).
"""

from integrations.chat_history.errors import ConversationNotFoundError
from integrations.chat_history.models import (
    Attachments,
    ChatMessage,
    Conversation,
    NewMessage,
    Role,
    ToolCall,
)
from integrations.chat_history.port import ChatHistoryStore

__all__ = [
    "Attachments",
    "ChatHistoryStore",
    "ChatMessage",
    "Conversation",
    "ConversationNotFoundError",
    "NewMessage",
    "Role",
    "ToolCall",
]
