"""The first page a signed-in user sees after `make run`, and the way in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import REPO_ROOT
from tests.e2e.conftest import RunningApp

pytestmark = pytest.mark.e2e
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"


def test_strangers_are_sent_to_sign_in(browser: Browser, running_app: RunningApp) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(running_app.frontend_url)
    expect(page.locator("#sign-in")).to_be_visible(timeout=30_000)
    context.close()


def test_the_development_sign_in_is_one_click(browser: Browser, running_app: RunningApp) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(running_app.frontend_url)
    page.locator("#sign-in").click()
    expect(page.locator("#chat-input")).to_be_visible(timeout=30_000)
    expect(page.locator("#user-name")).to_have_text("dev-user")
    context.close()


def test_chat_page_shows_title_welcome_and_input(page: Page, running_app: RunningApp) -> None:
    # the first render of a fresh dev build can take several seconds on a loaded machine
    expect(page.get_by_role("heading", name="Financials")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Ask for an analysis")).to_be_visible()
    expect(page.locator("#chat-input")).to_be_visible()
    expect(page.locator("#user-name")).to_contain_text("user")


def test_example_prompt_fills_the_input(page: Page, running_app: RunningApp) -> None:
    page.locator(".example-prompt").first.click()
    expect(page.locator("#chat-input")).not_to_have_value("")
