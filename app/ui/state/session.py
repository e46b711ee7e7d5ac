"""Who is signed in: read from the session cookie the login routes set, on the server.

The cookie is HttpOnly; Reflex hands the server the websocket handshake's Cookie header, so
the browser's scripts never see the session.
"""

from __future__ import annotations

import reflex as rx

from app.services.sessions import read_session
from app.ui.services import services

LOGIN_ROUTE = "/login"


class SessionState(rx.State):
    user_sub: str = ""
    user_name: str = ""

    def _load_user(self) -> bool:
        user = read_session(services().sessions, self.router.headers.cookie)
        self.user_sub = user.sub if user else ""
        self.user_name = (user.name or user.sub) if user else ""
        return user is not None


class LoginState(rx.State):
    """Which sign-in the page offers: one click as a local user, or the OIDC issuer."""

    dev_login: bool = False
    loaded: bool = False  # the button waits for this, so it never points the wrong way

    @rx.event
    def load(self) -> None:
        self.dev_login = services().login.dev_login
        self.loaded = True
