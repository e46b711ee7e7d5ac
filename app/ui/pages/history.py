"""Past analyses as cards: thumbnail, symbol, tool and time; each reopens in the chat."""

from __future__ import annotations

import reflex as rx

from app.ui.state.history import HistoryCard, HistoryState


def history_card(card: HistoryCard) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.cond(
                card.thumbnail != "",
                rx.image(src=card.thumbnail, width="100%", border_radius="6px", alt=card.symbol),
                rx.center(
                    rx.text(rx.cond(card.error != "", card.error, card.status), size="1"),
                    height="120px",
                ),
            ),
            rx.hstack(
                rx.heading(card.symbol, size="3"),
                rx.badge(card.tool),
                rx.badge(card.interval, variant="outline"),
                rx.cond(card.grade != "", rx.badge(card.grade, color_scheme="gray")),
                spacing="2",
            ),
            rx.text(card.when, size="1", color_scheme="gray"),
            spacing="2",
        ),
        on_click=HistoryState.reopen(card.id),
        cursor="pointer",
        class_name="history-card",
    )


def history_page() -> rx.Component:
    return rx.container(
        rx.vstack(
            rx.hstack(
                rx.link(rx.hstack(rx.icon("arrow-left"), rx.text("Chat")), href="/"),
                rx.heading("History", size="6"),
                rx.spacer(),
                rx.input(
                    placeholder="Search by symbol",
                    value=HistoryState.search,
                    on_change=HistoryState.set_search.debounce(300),
                    id="history-search",
                ),
                width="100%",
                align="center",
                spacing="4",
            ),
            rx.cond(
                HistoryState.cards.length() == 0,
                rx.text(
                    "No analyses yet: ask for one in the chat.",
                    color_scheme="gray",
                    id="history-empty",
                ),
                rx.grid(
                    rx.foreach(HistoryState.cards, history_card),
                    columns=rx.breakpoints(initial="1", sm="2", md="3", lg="4"),
                    spacing="4",
                    width="100%",
                ),
            ),
            spacing="5",
            padding_y="1em",
        ),
        size="4",
    )
