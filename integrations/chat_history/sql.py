"""Chat history in the embedded SQL database, the same engine as the records.

Sync SQLAlchemy in worker threads: see `integrations.sql.engine` for why. A message and the
conversation's activity time are written in one transaction.
"""

from __future__ import annotations

import re

from sqlmodel import Session, col, select

from integrations.chat_history.cursor import (
    conversation_page,
    message_page,
    read_conversation_position,
    read_message_position,
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
from integrations.chat_history.sql_tables import ConversationRow, MessageRow
from integrations.paging import DEFAULT_PAGE_SIZE, Page, check_page_size
from integrations.sql.keyset import newest_first
from integrations.sql.store import SqlStore

_CONVERSATION_ID = re.compile(CONVERSATION_ID_PATTERN)


def _to_conversation(row: ConversationRow) -> Conversation:
    return Conversation(
        id=row.id,
        owner=row.owner,
        title=row.title,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _to_message(row: MessageRow) -> ChatMessage:
    assert row.id is not None, "stored rows have ids"
    return ChatMessage(
        id=row.id,
        conversation_id=row.conversation_id,
        role=Role(row.role),
        text=row.text,
        attachments=Attachments.model_validate_json(row.attachments),
        created_at=row.created_at,
    )


def _owned(session: Session, conversation_id: str, owner: str) -> ConversationRow:
    row = (
        session.get(ConversationRow, conversation_id)
        if _CONVERSATION_ID.match(conversation_id)
        else None
    )
    if row is None or row.owner != owner:
        raise ConversationNotFoundError(conversation_id)
    return row


class SqlChatHistoryStore(SqlStore):
    """`ChatHistoryStore` on a SQLAlchemy engine; `start` applies the migrations."""

    async def create_conversation(self, owner: str, *, title: str = "") -> Conversation:
        conversation = Conversation(owner=owner, title=title)

        def insert() -> None:
            with Session(self._engine) as session, session.begin():
                session.add(
                    ConversationRow(
                        id=conversation.id,
                        owner=conversation.owner,
                        title=conversation.title,
                        created_at=conversation.created_at,
                        updated_at=conversation.updated_at,
                    )
                )

        await self._run(insert)
        return conversation

    async def get_conversation(self, conversation_id: str, *, owner: str) -> Conversation | None:
        def read() -> Conversation | None:
            with Session(self._engine) as session:
                try:
                    return _to_conversation(_owned(session, conversation_id, owner))
                except ConversationNotFoundError:
                    return None

        return await self._run(read)

    async def append(self, conversation_id: str, message: NewMessage, *, owner: str) -> ChatMessage:
        def insert() -> ChatMessage:
            with Session(self._engine) as session, session.begin():
                conversation = _owned(session, conversation_id, owner)
                row = MessageRow(
                    conversation_id=conversation_id,
                    role=message.role.value,
                    text=message.text,
                    attachments=message.attachments.model_dump_json(),
                    created_at=message.created_at,
                )
                session.add(row)
                # Activity never moves back, even for a message imported with an old time.
                conversation.updated_at = max(
                    _to_conversation(conversation).updated_at, message.created_at
                )
                session.flush()
                return _to_message(row)

        return await self._run(insert)

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
        statement = select(MessageRow).where(col(MessageRow.conversation_id) == conversation_id)
        if position is not None:
            statement = statement.where(col(MessageRow.id) > position.after_id)
        statement = statement.order_by(col(MessageRow.id)).limit(limit + 1)

        def fetch() -> list[ChatMessage]:
            with Session(self._engine) as session:
                _owned(session, conversation_id, owner)
                return [_to_message(row) for row in session.exec(statement)]

        return message_page(await self._run(fetch), limit)

    async def list_conversations(
        self, owner: str, *, limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None
    ) -> Page[Conversation]:
        check_page_size(limit)
        position = read_conversation_position(cursor)
        statement = select(ConversationRow).where(col(ConversationRow.owner) == owner)
        statement = newest_first(
            statement,
            col(ConversationRow.updated_at),
            col(ConversationRow.id),
            (position.updated_at, position.id) if position is not None else None,
            limit,
        )

        def fetch() -> list[Conversation]:
            with Session(self._engine) as session:
                return [_to_conversation(row) for row in session.exec(statement)]

        return conversation_page(await self._run(fetch), limit)
