"""Sign in: through the configured OIDC issuer, or one click as a local user in development."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx

from app.services.sessions import DEFAULT_DEV_USER
from app.ui.state.session import LoginState
from app.urls import AUTH_ROUTE, DEV_LOGIN_ROUTE, backend_url

# One click: the development login signs in as the default local user straight away.
ONE_CLICK = backend_url(f"{DEV_LOGIN_ROUTE}?{urlencode({'user': DEFAULT_DEV_USER, 'next': '/'})}")
ANOTHER_NAME = backend_url(f"{DEV_LOGIN_ROUTE}?{urlencode({'next': '/'})}")
AT_THE_ISSUER = backend_url(f"{AUTH_ROUTE}/login?{urlencode({'next': '/'})}")


def login_page() -> rx.Component:
    return rx.center(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.icon("chart-candlestick", size=28), rx.heading("Financials", size="6")
                ),
                rx.text("Sign in to see your analyses and conversations.", color_scheme="gray"),
                rx.cond(
                    LoginState.loaded,
                    rx.link(
                        rx.button("Sign in", size="3", width="100%", id="sign-in"),
                        href=rx.cond(LoginState.dev_login, ONE_CLICK, AT_THE_ISSUER),
                        width="100%",
                    ),
                    rx.spinner(size="3"),
                ),
                rx.cond(
                    LoginState.dev_login,
                    rx.text(
                        f"Development login: you become the local user “{DEFAULT_DEV_USER}”. ",
                        rx.link("Use another name", href=ANOTHER_NAME, id="another-name"),
                        size="1",
                        color_scheme="gray",
                    ),
                ),
                spacing="4",
                align="center",
            ),
            width="360px",
        ),
        height="100vh",
    )
