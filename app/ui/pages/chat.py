"""The main page: a header, the conversation, and the composer pinned to the bottom."""

from __future__ import annotations

import reflex as rx

from app.ui.components.chat import composer, message_area


def header() -> rx.Component:
    return rx.hstack(
        rx.hstack(
            rx.icon("chart-candlestick", size=26),
            rx.heading("Financials", size="6"),
            align="center",
        ),
        rx.spacer(),
        rx.color_mode.button(),
        width="100%",
        align="center",
        padding_y="0.75em",
    )


def chat_page() -> rx.Component:
    return rx.container(
        rx.vstack(
            header(),
            message_area(),
            composer(),
            height="100vh",
            padding_bottom="1em",
            spacing="2",
        ),
        size="3",
    )
