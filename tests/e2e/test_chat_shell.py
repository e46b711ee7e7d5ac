"""The first page a new user sees after `make run`."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import REPO_ROOT
from tests.e2e.conftest import RunningApp

pytestmark = pytest.mark.e2e
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"


def test_chat_page_shows_title_welcome_and_input(page: Page, running_app: RunningApp) -> None:
    page.goto(running_app.frontend_url)
    expect(page.get_by_role("heading", name="Financials")).to_be_visible()
    expect(page.get_by_text("Ask for an analysis")).to_be_visible()
    expect(page.locator("#chat-input")).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "chat-shell.png", full_page=True)


def test_sending_a_message_shows_it_in_the_conversation(
    page: Page, running_app: RunningApp
) -> None:
    page.goto(running_app.frontend_url)
    chat_input = page.locator("#chat-input")
    chat_input.fill("Fibonacci for TSLA over 3 months")
    chat_input.press("Enter")
    user_message = page.locator(".chat-message[data-role='user']")
    expect(user_message).to_have_text("Fibonacci for TSLA over 3 months")
    expect(page.locator(".chat-message[data-role='assistant']")).to_contain_text("TSLA")
    expect(chat_input).to_have_value("")


def test_example_prompt_fills_the_input(page: Page, running_app: RunningApp) -> None:
    page.goto(running_app.frontend_url)
    page.locator(".example-prompt").first.click()
    expect(page.locator("#chat-input")).not_to_have_value("")
