"""Small, single-purpose pieces of the chat page."""

from __future__ import annotations

import reflex as rx

from app.ui.state.chat import EXAMPLE_PROMPTS, ChatMessage, ChatState


def example_prompt(prompt: str) -> rx.Component:
    return rx.button(
        prompt,
        variant="soft",
        size="2",
        on_click=ChatState.use_example(prompt),
        class_name="example-prompt",
    )


def welcome_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Ask for an analysis", size="5"),
            rx.text(
                "Type a request in plain English. Financials draws the chart, computes "
                "Fibonacci levels and market structure that never repaint, and explains them.",
                color_scheme="gray",
            ),
            rx.flex(*[example_prompt(p) for p in EXAMPLE_PROMPTS], wrap="wrap", spacing="2"),
            spacing="3",
        ),
        width="100%",
    )


def message_bubble(message: ChatMessage) -> rx.Component:
    is_user = message.role == "user"
    return rx.box(
        rx.text(message.text, white_space="pre-wrap"),
        background=rx.cond(is_user, rx.color("accent", 3), rx.color("gray", 3)),
        padding="0.75em 1em",
        border_radius="12px",
        max_width="80%",
        align_self=rx.cond(is_user, "flex-end", "flex-start"),
        data_role=message.role,
        class_name="chat-message",
    )


def message_area() -> rx.Component:
    return rx.vstack(
        rx.cond(ChatState.messages.length() == 0, welcome_card()),
        rx.foreach(ChatState.messages, message_bubble),
        width="100%",
        spacing="3",
        flex="1",
        overflow_y="auto",
        padding_y="1em",
        id="message-area",
    )


def composer() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.input(
                value=ChatState.draft,
                on_change=ChatState.set_draft,
                placeholder="Ask for a Fibonacci retracement, market structure, levels…",
                size="3",
                flex="1",
                id="chat-input",
                aria_label="Message",
                auto_focus=True,
            ),
            rx.button(rx.icon("send"), "Send", type="submit", size="3", id="send-button"),
            width="100%",
        ),
        on_submit=lambda _: ChatState.send(),
        reset_on_submit=False,
        width="100%",
    )
