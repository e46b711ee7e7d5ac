"""A long chat reopens where the user left off, and the planner reads its latest turns."""

from __future__ import annotations

from app.services.chat import recent_messages
from integrations.chat_history import ChatHistoryStore, NewMessage, Role


async def test_a_long_chat_gives_its_latest_messages_oldest_first(
    chat_store: ChatHistoryStore,
) -> None:
    conversation = await chat_store.create_conversation("alice")
    for n in range(130):
        await chat_store.append(
            conversation.id, NewMessage(role=Role.USER, text=f"turn {n}"), owner="alice"
        )
    latest = await recent_messages(chat_store, conversation.id, owner="alice")
    assert [m.text for m in latest] == [f"turn {n}" for n in range(30, 130)]
    short = await recent_messages(chat_store, conversation.id, owner="alice", keep=3)
    assert [m.text for m in short] == ["turn 127", "turn 128", "turn 129"]
