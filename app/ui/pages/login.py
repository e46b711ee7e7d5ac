"""Sign in: through the configured OIDC issuer, or one click as a local user in development."""

from __future__ import annotations

import reflex as rx

from app.urls import AUTH_ROUTE, backend_url


def login_page() -> rx.Component:
    return rx.center(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.icon("chart-candlestick", size=28), rx.heading("Financials", size="6")
                ),
                rx.text("Sign in to see your analyses and conversations.", color_scheme="gray"),
                rx.link(
                    rx.button("Sign in", size="3", width="100%", id="sign-in"),
                    href=backend_url(f"{AUTH_ROUTE}/login?next=/"),
                    width="100%",
                ),
                spacing="4",
                align="center",
            ),
            width="360px",
        ),
        height="100vh",
    )
