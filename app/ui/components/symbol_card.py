"""The symbol in context: price, change, ranges and where the data came from."""

from __future__ import annotations

import reflex as rx

from app.ui.state.chat import ChatState


def _fact(label: str, value: rx.Var[str]) -> rx.Component:
    return rx.vstack(
        rx.text(label, size="1", color_scheme="gray"), rx.text(value, size="2"), spacing="0"
    )


def symbol_card() -> rx.Component:
    card = ChatState.card
    return rx.cond(
        card.symbol != "",
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.heading(card.symbol, size="4"),
                    rx.text(card.name, color_scheme="gray", size="2"),
                    align="baseline",
                ),
                rx.hstack(
                    rx.text(card.last, size="5", weight="bold"),
                    rx.text(
                        card.change,
                        color=rx.cond(card.change_up, "var(--green-11)", "var(--red-11)"),
                    ),
                    align="baseline",
                ),
                rx.hstack(
                    _fact("Day", card.day_range), _fact("52 weeks", card.year_range), spacing="4"
                ),
                rx.text(f"Data: {card.source}", size="1", color_scheme="gray"),
                rx.cond(
                    card.notice != "",
                    # Wraps inside the card rather than being cut ("2000-201").
                    rx.badge(
                        card.notice, color_scheme="amber", white_space="normal", max_width="100%"
                    ),
                ),
                spacing="2",
            ),
            width="100%",
            id="symbol-card",
        ),
    )
