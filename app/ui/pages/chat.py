"""The main page: conversations beside one big chat, the composer pinned to the bottom."""

from __future__ import annotations

import reflex as rx

from app.ui.components.chart_preload import chart_preload
from app.ui.components.chat import composer, message_area
from app.ui.components.sidebar import sidebar
from app.ui.state.chat import PHONE_WIDTH, ChatState
from app.urls import LOGOUT_ROUTE, backend_url


def user_menu() -> rx.Component:
    """Name and "Sign out" on a laptop; on a phone one sign-out icon, so the header fits."""
    logout = backend_url(f"{LOGOUT_ROUTE}?next=/")
    return rx.hstack(
        rx.text(
            ChatState.user_name,
            size="2",
            color_scheme="gray",
            id="user-name",
            display=rx.breakpoints(initial="none", sm="block"),
        ),
        rx.link(
            "Sign out", href=logout, size="2", display=rx.breakpoints(initial="none", sm="inline")
        ),
        rx.link(
            rx.icon_button(rx.icon("log-out"), variant="ghost", aria_label="Sign out"),
            href=logout,
            display=rx.breakpoints(initial="inline", sm="none"),
        ),
        spacing="3",
        align="center",
    )


def header() -> rx.Component:
    return rx.hstack(
        rx.hstack(
            rx.icon("chart-candlestick", size=26),
            rx.heading("Financials", size="6"),
            align="center",
        ),
        rx.spacer(),
        # On a phone the sidebar is hidden: history and a new chat stay one tap away.
        rx.hstack(
            rx.link(
                rx.icon_button(rx.icon("history"), variant="ghost", aria_label="History"),
                href="/history",
            ),
            rx.icon_button(
                rx.icon("plus"), variant="ghost", aria_label="New chat", on_click=ChatState.new_chat
            ),
            display=rx.breakpoints(initial="flex", md="none"),
            spacing="1",
        ),
        user_menu(),
        rx.icon_button(
            rx.color_mode_cond(rx.icon("moon"), rx.icon("sun")),
            on_click=rx.toggle_color_mode,
            variant="ghost",
            aria_label="Dark or light",
            id="theme-toggle",
        ),
        width="100%",
        min_width="0",
        align="center",
        padding_y="0.6em",
    )


# On a phone-sized page (at most PHONE_WIDTH px, the width that also picks the phone's
# chart layout) the charts keep the width for the candles: no modebar over the title, and
# the legend folded behind the chart's "Legend" button, which shows at that same width only.
PHONE_CHARTS = {
    "& .legend-toggle": {"display": "none"},
    f"@media (max-width: {PHONE_WIDTH}px)": {
        "& .modebar-container": {"display": "none"},
        "&:not(.legends-open) .chart-figure .legend": {"display": "none"},
        "& .legend-toggle": {"display": "inline-flex"},
    },
}


def chat_page() -> rx.Component:
    return rx.box(
        chart_preload(),
        rx.vstack(
            header(),
            rx.flex(
                rx.box(
                    sidebar(),
                    width=rx.breakpoints(initial="100%", md="260px"),
                    flex_shrink="0",
                    display=rx.breakpoints(initial="none", md="block"),
                ),
                rx.vstack(
                    rx.box(
                        message_area(), flex="1", overflow_y="auto", width="100%", id="scroll-area"
                    ),
                    composer(),
                    flex="1",
                    min_width="0",
                    height="calc(100vh - 80px)",
                    width="100%",
                ),
                spacing="4",
                width="100%",
            ),
            spacing="1",
            width="100%",
        ),
        padding_x=rx.breakpoints(initial="0.75em", md="1.5em"),
        max_width="1500px",
        margin="0 auto",
        # Nothing (the chips row's hidden tail included) widens the page past the screen.
        overflow_x="clip",
        class_name=rx.cond(ChatState.legends_open, "chat-page legends-open", "chat-page"),
        style=PHONE_CHARTS,
    )
