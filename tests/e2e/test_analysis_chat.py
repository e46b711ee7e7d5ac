"""Analyses in the chat, end to end in headless Chromium on the bundled sample data."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from app.urls import AUTH_ROUTE
from app.wiring.auth import DEV_ISSUER_KEY_FILE
from integrations.auth.dev_issuer import DevIssuer
from tests.conftest import REPO_ROOT
from tests.e2e.conftest import RunningApp, sign_in, watch_console
from tests.support.bars import sample_stock

pytestmark = pytest.mark.e2e
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
# A chart's first draw waits for the dev server to build the chart library: generous.
ANSWER_TIMEOUT = 120_000


def _send(page: Page, text: str) -> float:
    box = page.locator("#chat-input")
    box.fill(text)
    started = time.perf_counter()
    box.press("Enter")
    return started


def _user_of(page: Page) -> str:
    return page.locator("#user-name").inner_text().strip()


def _api_levels(app: RunningApp, user: str) -> list[float]:
    """The newest analysis of `user`, read through the REST API with a dev token."""
    key = app.data_dir / DEV_ISSUER_KEY_FILE
    issuer = DevIssuer(key, issuer=f"{app.backend_url}{AUTH_ROUTE}")
    token = issuer.mint(f"dev:{user}", ["charts:read"])
    headers = {"Authorization": f"Bearer {token}"}
    listed = httpx.get(f"{app.backend_url}/api/analyses", headers=headers).json()
    newest = httpx.get(
        f"{app.backend_url}/api/analyses/{listed['items'][0]['id']}", headers=headers
    ).json()
    return [level["price"] for level in newest["analysis"]["fibonacci"]["retracements"]]


def test_fibonacci_request_shows_chart_summary_and_the_levels(
    page: Page, running_app: RunningApp, timings: list[str]
) -> None:
    started = _send(page, "do a fibonacci retracement for AAPL")
    card = page.locator(".analysis-card").last
    expect(card.locator(".chart-figure .main-svg").first).to_be_visible(timeout=ANSWER_TIMEOUT)
    seconds = time.perf_counter() - started
    timings.append(
        f"send -> chart visible: {seconds * 1000:.0f} ms (first chart of a just-started server: "
        "bars fetched, chart library loaded for the first time)"
    )
    expect(card.locator(".ai-summary")).to_contain_text("offline analyst")
    shown = [
        float(text.replace(",", "")) for text in card.locator(".level-price").all_inner_texts()
    ]
    expected = _api_levels(running_app, _user_of(page))
    assert shown == [pytest.approx(round(p, 2), abs=0.006) for p in expected]
    expect(page.locator("#symbol-card")).to_contain_text("AAPL")
    # Warm cache: the same request again, timed as the target asks.
    started = _send(page, "fibonacci for AAPL")
    expect(
        page.locator(".analysis-card").nth(1).locator(".chart-figure .main-svg").first
    ).to_be_visible(timeout=ANSWER_TIMEOUT)
    warm = (time.perf_counter() - started) * 1000
    timings.append(f"send -> chart visible, warm cache: {warm:.0f} ms (target 1500 ms)")


def test_a_tool_chip_attaches_to_the_message(page: Page, running_app: RunningApp) -> None:
    page.locator(".tool-chip[data-tool='fibonacci']").click()
    expect(page.locator(".tool-chip[data-tool='fibonacci']")).to_have_attribute(
        "data-selected", "true"
    )
    _send(page, "MSFT")
    expect(page.locator(".sent-chip").last).to_have_text("Fibonacci")
    card = page.locator(".analysis-card").last
    expect(card).to_contain_text("MSFT", timeout=ANSWER_TIMEOUT)
    expect(page.locator(".tool-chip[data-tool='fibonacci']")).to_have_attribute(
        "data-selected", "false"
    )


def test_an_unknown_symbol_is_a_clear_message_and_the_chat_goes_on(page: Page) -> None:
    _send(page, "fibonacci for ZZZZZQ")
    expect(page.locator(".chat-error").last).to_contain_text("ZZZZZQ", timeout=ANSWER_TIMEOUT)
    _send(page, "quote IBM")
    expect(page.locator("[data-kind='quote']").last).to_contain_text("IBM", timeout=ANSWER_TIMEOUT)


def test_upload_a_csv_and_analyse_it(page: Page, tmp_path: Path) -> None:
    frame = sample_stock("MSFT").iloc[-300:]
    frame.index.name = "Date"
    csv = tmp_path / "mybars.csv"
    frame.rename(columns=str.title).to_csv(csv)
    page.locator("#csv-upload input[type=file]").set_input_files(str(csv))
    card = page.locator(".analysis-card").last
    expect(card).to_contain_text("MYBARS", timeout=ANSWER_TIMEOUT)


def test_reload_keeps_the_conversation_and_history_lists_it(
    page: Page, running_app: RunningApp
) -> None:
    _send(page, "market structure for IBM")
    expect(page.locator(".analysis-card")).to_have_count(1, timeout=ANSWER_TIMEOUT)
    page.reload()
    expect(page.locator(".analysis-card")).to_have_count(1, timeout=30_000)
    expect(page.locator(".chat-message[data-role='user']")).to_contain_text("market structure")
    page.goto(f"{running_app.frontend_url}/history")
    expect(page.locator(".history-card")).to_have_count(1, timeout=30_000)
    expect(page.locator(".history-card")).to_contain_text("IBM")


def test_two_users_do_not_see_each_others_history(
    browser: Browser, running_app: RunningApp
) -> None:
    alice, bob = browser.new_context(), browser.new_context()
    a, b = alice.new_page(), bob.new_page()
    sign_in(a, running_app, "alice-e2e")
    sign_in(b, running_app, "bob-e2e")
    _send(a, "fibonacci for GOOG")
    expect(a.locator(".analysis-card")).to_have_count(1, timeout=ANSWER_TIMEOUT)
    b.goto(f"{running_app.frontend_url}/history")
    expect(b.locator("#history-empty")).to_be_visible(timeout=30_000)
    a.goto(f"{running_app.frontend_url}/history")
    expect(a.locator(".history-card")).to_have_count(1, timeout=30_000)
    alice.close()
    bob.close()


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_for_people_to_look_at(
    browser: Browser, running_app: RunningApp, width: int, height: int, scheme: str
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems = watch_console(page)
    sign_in(page, running_app, f"shots-{scheme}-{width}")
    _send(page, "fibonacci retracement for AAPL over 1 year")
    expect(page.locator(".analysis-card .js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"ui-{scheme}-{width}.png", full_page=True)
    context.close()
    assert not problems, "the browser console is not clean:\n" + "\n".join(problems)


def test_escape_clears_the_attached_tool(page: Page) -> None:
    chip = page.locator(".tool-chip[data-tool='levels']")
    chip.click()
    expect(chip).to_have_attribute("data-selected", "true")
    page.keyboard.press("Escape")
    expect(chip).to_have_attribute("data-selected", "false")


def test_the_first_chart_of_a_new_page_with_a_warm_server_cache(
    browser: Browser, running_app: RunningApp, page: Page, timings: list[str]
) -> None:
    """What the issue times: a page just opened, bars the server has already fetched."""
    _send(page, "fibonacci for AAPL")  # warms the server's bar cache
    expect(page.locator(".analysis-card .chart-figure .main-svg").first).to_be_visible(
        timeout=ANSWER_TIMEOUT
    )
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    fresh = context.new_page()
    fresh.set_default_timeout(30_000)
    problems = watch_console(fresh)
    sign_in(fresh, running_app, f"fresh{time.time_ns()}")
    started = _send(fresh, "fibonacci for AAPL")
    drawn = fresh.locator(".analysis-card .chart-figure .main-svg").first
    expect(drawn).to_be_visible(timeout=ANSWER_TIMEOUT)
    timings.append(
        "1440x900, first chart of a new page, warm server cache: "
        f"{(time.perf_counter() - started) * 1000:.0f} ms (target 1500 ms)"
    )
    context.close()
    assert not problems, "the browser console is not clean:\n" + "\n".join(problems)
