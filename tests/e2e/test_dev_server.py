"""`make run`'s dev server starts the backend once and keeps it up, idle and while answering.

Reflex reloads the backend on any change in the project's non-hidden top-level folders; a
run-time write there (the embedded database, chart images, caches) restarts it, and the chat
loses its connection mid-answer. Each backend start logs one "persistence ready" line.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import RunningApp

pytestmark = pytest.mark.e2e
IDLE_SECONDS = 60
BACKEND_START = "persistence ready"
RESTART_SIGNS = ("Killing worker", "Reloading", "changes detected")


def _restarts(app: RunningApp) -> str:
    starts = app.log_count(BACKEND_START)
    signs = {sign: app.log_count(sign) for sign in RESTART_SIGNS}
    return f"backend starts: {starts}, {signs}\n{app.log_tail()}"


def test_the_backend_starts_once_and_stays_up_idle_and_while_answering(
    page: Page, running_app: RunningApp
) -> None:
    assert running_app.log_count(BACKEND_START) == 1, _restarts(running_app)
    time.sleep(IDLE_SECONDS)
    assert running_app.log_count(BACKEND_START) == 1, _restarts(running_app)

    page.locator("#chat-input").fill("fibonacci for MSFT")
    page.locator("#chat-input").press("Enter")
    card = page.locator(".analysis-card").last
    expect(card.locator(".js-plotly-plot")).to_be_visible(timeout=60_000)
    time.sleep(5)  # a reload triggered by the answer's writes would show within this

    assert running_app.log_count(BACKEND_START) == 1, _restarts(running_app)
    assert not any(running_app.log_count(sign) for sign in RESTART_SIGNS), _restarts(running_app)
