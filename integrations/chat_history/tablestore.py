"""Chat history in Alibaba Cloud Tablestore, through the `tablestore` SDK's `OTSClient`.

Two wide-column tables:
- messages: partition key `conversation_id`, then an auto-increment `message_id`, so a
  conversation's messages are one partition read in order with `get_range`;
- conversations: partition key `owner`, then `conversation_id`, so a user's conversations are
  one partition. Tablestore cannot sort a partition by another column, so listing reads the
  owner's partition and sorts by activity here: fine for the hundreds of conversations a person
  keeps; a search index would be the next step past that.

Both tables are encrypted at rest with the KMS service key (`SSE_KMS_SERVICE`), as Terraform
declares the conversations table; encryption can only be chosen when a table is created.
Keys come from a `CredentialSource` asked before each request (RRSA keys are renewed).

The SDK is sync (its own retry policy covers throttling and transient server errors); calls
run in worker threads. Rows expire after the configured TTL, per cell, so a conversation row is
always rewritten whole, keeping its cells the same age.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator
from tablestore import (
    INF_MAX,
    INF_MIN,
    PK_AUTO_INCR,
    CapacityUnit,
    Condition,
    Direction,
    OTSClient,
    OTSServiceError,
    ReservedThroughput,
    ReturnType,
    Row,
    RowExistenceExpectation,
    SSEKeyType,
    SSESpecification,
    TableMeta,
    TableOptions,
)
from tablestore.credentials import Credentials as OtsCredentials
from tablestore.credentials import CredentialsProvider as OtsCredentialsProvider

from integrations.chat_history.cursor import (
    conversation_page,
    message_page,
    read_conversation_position,
    read_message_position,
    sorts_after,
)
from integrations.chat_history.errors import ConversationNotFoundError
from integrations.chat_history.models import (
    CONVERSATION_ID_PATTERN,
    Attachments,
    ChatMessage,
    Conversation,
    NewMessage,
    Role,
)
from integrations.credentials import CredentialSource
from integrations.paging import DEFAULT_PAGE_SIZE, Page, check_page_size
from integrations.timeutil import from_epoch_millis, to_epoch_millis

T = TypeVar("T")
_CONVERSATION_ID = re.compile(CONVERSATION_ID_PATTERN)
KEEP_FOREVER = -1
MIN_TTL_SECONDS = 86_400  # Tablestore's smallest TTL


class TablestoreConfig(BaseModel):
    """Where the tables live; `app/wiring.py` fills it from `FINANCIALS_TABLESTORE_*`."""

    model_config = ConfigDict(frozen=True)

    endpoint: str = Field(pattern=r"^https?://")
    instance: str = Field(min_length=1)
    table_prefix: str = Field(default="financials_", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    ttl_seconds: int = Field(
        default=KEEP_FOREVER, description="-1 keeps rows forever; else at least one day."
    )

    @model_validator(mode="after")
    def _ttl_is_one_tablestore_accepts(self) -> Self:
        if self.ttl_seconds != KEEP_FOREVER and self.ttl_seconds < MIN_TTL_SECONDS:
            raise ValueError(f"Tablestore TTL must be -1 (forever) or >= {MIN_TTL_SECONDS} s")
        return self


def encryption() -> SSESpecification:
    """At-rest encryption of every table: KMS with the service-managed key (Terraform's too)."""
    return SSESpecification(enable=True, key_type=SSEKeyType.SSE_KMS_SERVICE)


class _OtsCredentials(OtsCredentialsProvider):  # type: ignore[misc]
    """The SDK's provider interface on our credential chain."""

    def __init__(self, source: CredentialSource) -> None:
        self._source = source

    def get_credentials(self) -> OtsCredentials:
        key = self._source.get()
        return OtsCredentials(key.access_key_id, key.access_key_secret, key.security_token)


class _ConversationCells(BaseModel):
    title: str = ""
    created_at: int
    updated_at: int


class _MessageCells(BaseModel):
    role: Role
    text: str
    attachments: str
    created_at: int


def _cells(row: Any) -> dict[str, Any]:
    """Attribute columns come back as (name, value, timestamp) tuples."""
    return {column[0]: column[1] for column in row.attribute_columns or []}


def _primary_key(row: Any) -> dict[str, Any]:
    return {column[0]: column[1] for column in row.primary_key}


def _conversation_from_row(row: Any, *, conversation_id: str, owner: str) -> Conversation:
    cells = _ConversationCells.model_validate(_cells(row))
    return Conversation(
        id=conversation_id,
        owner=owner,
        title=cells.title,
        created_at=from_epoch_millis(cells.created_at),
        updated_at=from_epoch_millis(cells.updated_at),
    )


class TablestoreChatHistoryStore:
    """`ChatHistoryStore` on Tablestore; `start` creates missing tables and applies the TTL."""

    def __init__(
        self, client: OTSClient, *, table_prefix: str, ttl_seconds: int = KEEP_FOREVER
    ) -> None:
        self._client = client
        self._conversations = f"{table_prefix}chat_conversations"
        self._messages = f"{table_prefix}chat_messages"
        self._ttl_seconds = ttl_seconds

    @classmethod
    def from_config(
        cls, config: TablestoreConfig, credentials: CredentialSource
    ) -> TablestoreChatHistoryStore:
        client = OTSClient(
            config.endpoint,
            instance_name=config.instance,
            credentials_provider=_OtsCredentials(credentials),
            logger_name="tablestore",
        )
        return cls(client, table_prefix=config.table_prefix, ttl_seconds=config.ttl_seconds)

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.to_thread(work)

    # Tables

    async def start(self) -> None:
        await self._run(self._ensure_tables)

    async def ping(self) -> None:
        await self._run(lambda: self._client.describe_table(self._messages))

    def _ensure_tables(self) -> None:
        schemas: dict[str, list[tuple[str, ...] | tuple[str, str, Any]]] = {
            self._conversations: [("owner", "STRING"), ("conversation_id", "STRING")],
            self._messages: [
                ("conversation_id", "STRING"),
                ("message_id", "INTEGER", PK_AUTO_INCR),
            ],
        }
        existing = set(self._client.list_table())
        for name, schema in schemas.items():
            if name not in existing:
                self._client.create_table(
                    TableMeta(name, schema),
                    TableOptions(time_to_live=self._ttl_seconds, max_version=1),
                    ReservedThroughput(CapacityUnit(0, 0)),
                    sse_spec=encryption(),
                )
                continue
            options = self._client.describe_table(name).table_options
            if options.time_to_live != self._ttl_seconds:
                self._client.update_table(
                    name, TableOptions(time_to_live=self._ttl_seconds, max_version=1)
                )

    async def close(self) -> None:
        """The sync client holds a pool of keep-alive connections that need no closing."""

    # Conversations

    def _conversation_row(self, conversation: Conversation) -> Row:
        return Row(
            [("owner", conversation.owner), ("conversation_id", conversation.id)],
            [
                ("title", conversation.title),
                ("created_at", to_epoch_millis(conversation.created_at)),
                ("updated_at", to_epoch_millis(conversation.updated_at)),
            ],
        )

    def _read_conversation(self, conversation_id: str, owner: str) -> Conversation | None:
        if not _CONVERSATION_ID.match(conversation_id):
            return None
        _consumed, row, _token = self._client.get_row(
            self._conversations,
            [("owner", owner), ("conversation_id", conversation_id)],
            max_version=1,
        )
        if row is None:
            return None
        return _conversation_from_row(row, conversation_id=conversation_id, owner=owner)

    async def create_conversation(self, owner: str, *, title: str = "") -> Conversation:
        conversation = Conversation(owner=owner, title=title)
        await self._run(
            lambda: self._client.put_row(
                self._conversations,
                self._conversation_row(conversation),
                Condition(RowExistenceExpectation.EXPECT_NOT_EXIST),
            )
        )
        return conversation

    async def get_conversation(self, conversation_id: str, *, owner: str) -> Conversation | None:
        return await self._run(lambda: self._read_conversation(conversation_id, owner))

    async def list_conversations(
        self, owner: str, *, limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None
    ) -> Page[Conversation]:
        check_page_size(limit)
        position = read_conversation_position(cursor)
        rows = await self._run(
            lambda: self._read_range(
                self._conversations,
                [("owner", owner), ("conversation_id", INF_MIN)],
                [("owner", owner), ("conversation_id", INF_MAX)],
                wanted=None,
            )
        )
        conversations = [
            _conversation_from_row(
                row, conversation_id=_primary_key(row)["conversation_id"], owner=owner
            )
            for row in rows
        ]
        conversations.sort(key=lambda c: (c.updated_at, c.id), reverse=True)
        after = [c for c in conversations if sorts_after(c, position)]
        return conversation_page(after[: limit + 1], limit)

    # Messages

    async def append(self, conversation_id: str, message: NewMessage, *, owner: str) -> ChatMessage:
        def write() -> ChatMessage:
            conversation = self._read_conversation(conversation_id, owner)
            if conversation is None:
                raise ConversationNotFoundError(conversation_id)
            _consumed, returned = self._client.put_row(
                self._messages,
                Row(
                    [("conversation_id", conversation_id), ("message_id", PK_AUTO_INCR)],
                    [
                        ("role", message.role.value),
                        ("text", message.text),
                        ("attachments", message.attachments.model_dump_json()),
                        ("created_at", to_epoch_millis(message.created_at)),
                    ],
                ),
                Condition(RowExistenceExpectation.IGNORE),
                return_type=ReturnType.RT_PK,
            )
            touched = conversation.model_copy(
                update={"updated_at": max(conversation.updated_at, message.created_at)}
            )
            try:
                self._client.put_row(
                    self._conversations,
                    self._conversation_row(touched),
                    Condition(RowExistenceExpectation.EXPECT_EXIST),
                )
            except OTSServiceError as exc:
                if exc.code != "OTSConditionCheckFail":
                    raise
                raise ConversationNotFoundError(conversation_id) from exc
            return ChatMessage(
                id=_primary_key(returned)["message_id"],
                conversation_id=conversation_id,
                role=message.role,
                text=message.text,
                attachments=message.attachments,
                created_at=message.created_at,
            )

        return await self._run(write)

    async def list_messages(
        self,
        conversation_id: str,
        *,
        owner: str,
        limit: int = DEFAULT_PAGE_SIZE,
        cursor: str | None = None,
    ) -> Page[ChatMessage]:
        check_page_size(limit)
        position = read_message_position(cursor)
        start: int | type[INF_MIN] = INF_MIN if position is None else position.after_id + 1

        def read() -> list[ChatMessage]:
            if self._read_conversation(conversation_id, owner) is None:
                raise ConversationNotFoundError(conversation_id)
            rows = self._read_range(
                self._messages,
                [("conversation_id", conversation_id), ("message_id", start)],
                [("conversation_id", conversation_id), ("message_id", INF_MAX)],
                wanted=limit + 1,
            )
            messages = []
            for row in rows:
                cells = _MessageCells.model_validate(_cells(row))
                messages.append(
                    ChatMessage(
                        id=_primary_key(row)["message_id"],
                        conversation_id=conversation_id,
                        role=cells.role,
                        text=cells.text,
                        attachments=Attachments.model_validate_json(cells.attachments),
                        created_at=from_epoch_millis(cells.created_at),
                    )
                )
            return messages

        return message_page(await self._run(read), limit)

    def _read_range(
        self,
        table: str,
        start: list[tuple[str, Any]],
        end: list[tuple[str, Any]],
        *,
        wanted: int | None,
    ) -> list[Any]:
        """Rows from `start` to `end`, following `next_start_primary_key` across responses.

        Tablestore ends a response early (5,000 rows or 4 MB) and says where to go on; stopping
        at the first response would silently drop rows.
        """
        rows: list[Any] = []
        next_start: Any = start
        while next_start is not None and (wanted is None or len(rows) < wanted):
            _consumed, next_start, batch, _token = self._client.get_range(
                table,
                Direction.FORWARD,
                next_start,
                end,
                limit=None if wanted is None else wanted - len(rows),
                max_version=1,
            )
            rows.extend(batch)
        return rows
