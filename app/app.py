"""The Reflex entry point (`app_name = "app"` in rxconfig.py).

The FastAPI app is passed as `api_transformer`, so `/api/*` is served on the same port as
Reflex's event websocket in production. Start-up work runs as Reflex lifespan tasks because
FastAPI's own lifespan does not run in this arrangement.
"""

from __future__ import annotations

import reflex as rx

from app.api.main import create_api
from app.config import get_settings
from app.logging import configure_logging, get_logger
from app.ui.pages.chat import chat_page
from app.ui.pages.history import history_page
from app.ui.pages.login import login_page
from app.ui.pages.record import record_page
from app.ui.state.chat import ChatState
from app.ui.state.history import HistoryState
from app.ui.state.record import RecordState
from app.ui.state.session import LOGIN_ROUTE, LoginState
from app.wiring import services_lifespan


def _startup() -> None:
    settings = get_settings()
    configure_logging(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    get_logger("financials").info("started", env=settings.env, data_dir=str(settings.data_dir))


app = rx.App(api_transformer=create_api())
app.register_lifespan_task(_startup)
# The one services container: migrations, indexes and tables are ready before the app
# serves, and it refuses to start in production without its secrets; closed on shutdown.
app.register_lifespan_task(services_lifespan)
app.add_page(chat_page, route="/", title="Financials", image="/favicon.svg", on_load=ChatState.load)
app.add_page(
    history_page, route="/history", title="History · Financials", on_load=HistoryState.load
)
app.add_page(
    record_page, route="/record", title="Track record · Financials", on_load=RecordState.load
)
app.add_page(login_page, route=LOGIN_ROUTE, title="Sign in · Financials", on_load=LoginState.load)
