"""One contract for every `ChatHistoryStore`: a user's conversations, as they left them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from integrations.chat_history import (
    Attachments,
    ChatHistoryStore,
    ConversationNotFoundError,
    NewMessage,
    Role,
    ToolCall,
)
from integrations.paging import InvalidPageRequestError
from integrations.timeutil import utc_now


def _message(text: str, role: Role = Role.USER, **extra: object) -> NewMessage:
    return NewMessage.model_validate({"role": role, "text": text, **extra})


async def test_messages_come_back_in_order_with_their_attachments(
    chat_store: ChatHistoryStore,
) -> None:
    conversation = await chat_store.create_conversation("alice", title="TSLA levels")
    question = _message("Fibonacci for TSLA over 3 months? 🚗")
    answer = _message(
        "The 61.8% level at 201.25 held twice.",
        Role.ASSISTANT,
        attachments=Attachments(
            analysis_ids=("a" * 32,),
            tool_calls=(
                ToolCall(
                    id="call_1",
                    name="fibonacci",
                    arguments_json='{"symbol": "TSLA", "period": "3mo"}',
                    result_json='{"analysis_id": "' + "a" * 32 + '"}',
                ),
            ),
        ),
    )

    first = await chat_store.append(conversation.id, question, owner="alice")
    second = await chat_store.append(conversation.id, answer, owner="alice")

    assert second.id > first.id
    page = await chat_store.list_messages(conversation.id, owner="alice")
    assert page.items == [first, second]
    assert page.items[1].attachments == answer.attachments
    assert page.items[0].text == question.text
    assert page.next_cursor is None


async def test_message_pages_cover_the_conversation_once(chat_store: ChatHistoryStore) -> None:
    conversation = await chat_store.create_conversation("alice")
    sent = [
        await chat_store.append(conversation.id, _message(f"message {n}"), owner="alice")
        for n in range(5)
    ]

    seen = []
    cursor: str | None = None
    while True:
        page = await chat_store.list_messages(
            conversation.id, owner="alice", limit=2, cursor=cursor
        )
        assert len(page.items) <= 2
        seen.extend(page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert seen == sent


async def test_a_conversation_is_only_its_owners(chat_store: ChatHistoryStore) -> None:
    conversation = await chat_store.create_conversation("alice")
    await chat_store.append(conversation.id, _message("private"), owner="alice")

    assert await chat_store.get_conversation(conversation.id, owner="mallory") is None
    assert await chat_store.get_conversation("not-an-id", owner="alice") is None
    with pytest.raises(ConversationNotFoundError):
        await chat_store.list_messages(conversation.id, owner="mallory")
    with pytest.raises(ConversationNotFoundError):
        await chat_store.append(conversation.id, _message("injected"), owner="mallory")
    assert (await chat_store.list_conversations("mallory")).items == []
    page = await chat_store.list_messages(conversation.id, owner="alice")
    assert [m.text for m in page.items] == ["private"]


async def test_conversations_are_listed_by_latest_activity(chat_store: ChatHistoryStore) -> None:
    older = await chat_store.create_conversation("alice", title="older")
    await chat_store.create_conversation("alice", title="newer")
    await chat_store.create_conversation("bob", title="not alice's")
    later = utc_now() + timedelta(minutes=5)

    await chat_store.append(older.id, _message("back to this one", created_at=later), owner="alice")

    listed = await chat_store.list_conversations("alice")
    assert [c.title for c in listed.items] == ["older", "newer"]
    assert listed.items[0].updated_at == later
    stored = await chat_store.get_conversation(older.id, owner="alice")
    assert stored is not None
    assert stored.updated_at == later
    assert stored.created_at == older.created_at


async def test_conversation_pages_cover_everything_once(chat_store: ChatHistoryStore) -> None:
    created = [await chat_store.create_conversation("alice", title=f"c{n}") for n in range(5)]

    seen = []
    cursor: str | None = None
    while True:
        page = await chat_store.list_conversations("alice", limit=2, cursor=cursor)
        seen.extend(page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert sorted(c.id for c in seen) == sorted(c.id for c in created)
    keys = [(c.updated_at, c.id) for c in seen]
    assert keys == sorted(keys, reverse=True)


async def test_bad_page_requests_say_what_is_accepted(chat_store: ChatHistoryStore) -> None:
    conversation = await chat_store.create_conversation("alice")
    with pytest.raises(InvalidPageRequestError, match="1 to 100"):
        await chat_store.list_conversations("alice", limit=101)
    with pytest.raises(InvalidPageRequestError, match="next_cursor"):
        await chat_store.list_messages(conversation.id, owner="alice", cursor="%%%")


async def test_a_started_store_answers_a_ping(chat_store: ChatHistoryStore) -> None:
    await chat_store.ping()
