"""Conversations, the way to the history page, and who is signed in."""

from __future__ import annotations

import reflex as rx

from app.services.chat_views import ConversationItem
from app.ui.components.symbol_card import symbol_card
from app.ui.state.chat import ChatState


def conversation_link(item: ConversationItem) -> rx.Component:
    return rx.button(
        rx.vstack(
            rx.text(item.title, size="2", trim="both", class_name="conversation-title"),
            rx.text(item.when, size="1", color_scheme="gray"),
            spacing="0",
            align="start",
        ),
        variant=rx.cond(item.id == ChatState.conversation_id, "soft", "ghost"),
        on_click=ChatState.open_conversation(item.id),
        width="100%",
        justify="start",
        height="auto",
        padding_y="0.4em",
        class_name="conversation-link",
    )


def sidebar() -> rx.Component:
    return rx.vstack(
        rx.button(
            rx.icon("plus"),
            "New chat",
            on_click=ChatState.new_chat,
            width="100%",
            variant="soft",
            id="new-chat",
        ),
        rx.link(
            rx.button(rx.icon("history"), "History", width="100%", variant="outline"),
            href="/history",
            width="100%",
            id="history-link",
        ),
        symbol_card(),
        rx.text("Conversations", size="1", color_scheme="gray", weight="bold"),
        rx.scroll_area(
            rx.vstack(
                rx.foreach(ChatState.conversations, conversation_link), spacing="1", width="100%"
            ),
            max_height="50vh",
        ),
        width="100%",
        spacing="3",
    )
