"""A scan answer's table: sorting it, and opening a row's symbol as a new turn of the chat.

The table lives in the chat's messages (`ChatState.messages`); these handlers change only
the message they were clicked in, through the scan service's own sort, and a row's click
sends the request that row carries, as if typed.
"""

from __future__ import annotations

import reflex as rx

from app.services import scan_chat
from app.ui.services import services
from app.ui.state.chat import ChatState


class ScanTableState(rx.State):
    @rx.event
    async def sort(self, message_id: str, column: str) -> None:
        """Sorts that answer's rows by `column`; the same column again reverses them."""
        chat = await self.get_state(ChatState)
        chat.messages = [
            scan_chat.sorted_by(shown, column) if shown.id == message_id else shown
            for shown in chat.messages
        ]

    @rx.event
    async def open_row(self, ask: str, color_mode: str, width: int) -> object:
        """Sends the row's request (its symbol's full analysis) as the next message."""
        chat = await self.get_state(ChatState)
        if chat.busy:
            return None
        chat.draft, chat.chips = ask, []
        return ChatState.send(color_mode, width)

    @rx.event
    async def cancel(self, scan_id: str) -> None:
        """Stops the running scan; its table then says `cancelled`."""
        chat = await self.get_state(ChatState)
        await scan_chat.cancel_chat_scan(services().scans, scan_id=scan_id, owner=chat.user_sub)
