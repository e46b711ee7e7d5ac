"""Tablestore specifics the contract cannot see: tables, TTL, paging and the SDK's wire format."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError
from tablestore import PK_AUTO_INCR, Row, SSEKeyType
from tablestore.encoder import OTSProtoBufferEncoder
from tablestore.plainbuffer.plain_buffer_coded_stream import PlainBufferCodedInputStream
from tablestore.plainbuffer.plain_buffer_stream import PlainBufferInputStream

from integrations.chat_history import Attachments, NewMessage, Role, ToolCall
from integrations.chat_history.tablestore import TablestoreChatHistoryStore, TablestoreConfig
from tests.support.tablestore_fake import FakeTablestore

DAY_S = 86_400


def _store(fake: FakeTablestore, ttl_seconds: int = -1) -> TablestoreChatHistoryStore:
    return TablestoreChatHistoryStore(fake.client, table_prefix="app_", ttl_seconds=ttl_seconds)


def _config(ttl_seconds: int) -> TablestoreConfig:
    return TablestoreConfig(
        endpoint="https://example.cn-hangzhou.ots.aliyuncs.com",
        instance="financials",
        ttl_seconds=ttl_seconds,
    )


@pytest.mark.parametrize("ttl_seconds", [3600, 0])
def test_the_config_refuses_a_ttl_tablestore_would_refuse(ttl_seconds: int) -> None:
    with pytest.raises(ValidationError, match="Tablestore TTL"):
        _config(ttl_seconds)


@pytest.mark.parametrize("ttl_seconds", [-1, DAY_S])
def test_the_config_accepts_forever_or_at_least_a_day(ttl_seconds: int) -> None:
    assert _config(ttl_seconds).ttl_seconds == ttl_seconds


async def test_start_creates_the_tables_once_and_applies_a_changed_ttl(
    fake_tablestore: FakeTablestore,
) -> None:
    await _store(fake_tablestore).start()
    await _store(fake_tablestore).start()  # a restart finds them and leaves them be

    assert set(fake_tablestore.tables) == {"app_chat_conversations", "app_chat_messages"}
    assert fake_tablestore.client.create_table.call_count == 2
    messages = fake_tablestore.tables["app_chat_messages"].meta.schema_of_primary_key
    assert messages == [("conversation_id", "STRING"), ("message_id", "INTEGER", PK_AUTO_INCR)]

    await _store(fake_tablestore, ttl_seconds=30 * DAY_S).start()

    for table in fake_tablestore.tables.values():
        assert table.options.time_to_live == 30 * DAY_S


async def test_both_tables_are_encrypted_at_rest_with_the_kms_service_key(
    fake_tablestore: FakeTablestore,
) -> None:
    await _store(fake_tablestore).start()

    for name in ("app_chat_conversations", "app_chat_messages"):
        sse = fake_tablestore.client.describe_table(name).sse_details
        assert (sse.enable, sse.key_type) == (True, SSEKeyType.SSE_KMS_SERVICE), name


async def test_reads_follow_next_start_keys_across_responses(
    fake_tablestore: FakeTablestore,
) -> None:
    store = _store(fake_tablestore)
    await store.start()
    conversation = await store.create_conversation("alice")
    for n in range(7):
        await store.append(conversation.id, NewMessage(role=Role.USER, text=f"m{n}"), owner="alice")
    fake_tablestore.get_range_calls = 0

    page = await store.list_messages(conversation.id, owner="alice", limit=7)

    assert [m.text for m in page.items] == [f"m{n}" for n in range(7)]
    assert fake_tablestore.get_range_calls >= 4, "the service returns 2 rows per response here"


async def test_an_active_conversation_outlives_the_ttl_counted_from_its_start(
    fake_tablestore: FakeTablestore,
) -> None:
    store = _store(fake_tablestore, ttl_seconds=DAY_S)
    await store.start()
    conversation = await store.create_conversation("alice", title="kept whole")

    fake_tablestore.advance(20 * 3600)
    await store.append(
        conversation.id, NewMessage(role=Role.USER, text="still here?"), owner="alice"
    )
    fake_tablestore.advance(20 * 3600)  # 40 h after creation, 20 h after the last message

    listed = await store.list_conversations("alice")
    assert [c.title for c in listed.items] == ["kept whole"]
    messages = await store.list_messages(conversation.id, owner="alice")
    assert [m.text for m in messages.items] == ["still here?"]

    fake_tablestore.advance(2 * DAY_S)
    assert (await store.list_conversations("alice")).items == []


async def test_the_sdks_own_encoder_accepts_every_row_we_write(
    fake_tablestore: FakeTablestore,
) -> None:
    store = _store(fake_tablestore)
    await store.start()
    conversation = await store.create_conversation("alice", title="naïve 📈")
    attachments = Attachments(
        analysis_ids=("b" * 32,),
        tool_calls=(ToolCall(id="c1", name="structure", arguments_json='{"symbol": "ES=F"}'),),
    )
    await store.append(
        conversation.id,
        NewMessage(role=Role.ASSISTANT, text="Higher highs since May.", attachments=attachments),
        owner="alice",
    )

    encoder = OTSProtoBufferEncoder("utf-8", enable_native=False)  # the pure-Python wire path
    written = fake_tablestore.client.put_row.call_args_list
    assert len(written) == 3, "conversation, message, conversation activity"
    for call in written:
        table, row, condition = call.args
        request = encoder.encode_request(
            "PutRow", table, row, condition, call.kwargs.get("return_type"), None
        )
        assert request.row, "the encoder produced the row's plainbuffer"
        # The service fills in PK_AUTO_INCR, and the SDK cannot read that marker back, so the
        # round trip checks the same row with a concrete id in its place.
        concrete = Row(
            [(n, 42 if v is PK_AUTO_INCR else v) for n, v in row.primary_key],
            row.attribute_columns,
        )
        request = encoder.encode_request("PutRow", table, concrete, condition, None, None)
        assert _decoded(request.row) == _as_sent(concrete)


def _decoded(plainbuffer: bytes) -> tuple[list[Any], list[Any]]:
    primary_key, attributes = PlainBufferCodedInputStream(
        PlainBufferInputStream(plainbuffer)
    ).read_row()
    return list(primary_key), [(name, value) for name, value, _ in attributes]


def _as_sent(row: Row) -> tuple[list[Any], list[Any]]:
    return list(row.primary_key), list(row.attribute_columns)
