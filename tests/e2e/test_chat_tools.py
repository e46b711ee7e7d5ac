"""The chat a trader uses every day, in headless Chromium on the bundled sample data: the
message wins over the selectors, each tool answers with its own chart, plan pills re-run an
answer, follow-ups and small talk work, and the chart opens full screen."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import REPO_ROOT
from tests.e2e.conftest import RunningApp, sign_in, watch_console

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


def _pick(page: Page, trigger: str, label: str) -> None:
    page.locator(trigger).click()
    page.get_by_role("option", name=label, exact=True).click()


def _wait_answer(page: Page, count: int) -> None:
    expect(
        page.locator(".chat-message[data-role='assistant']:not([data-kind='progress'])")
    ).to_have_count(count, timeout=ANSWER_TIMEOUT)
    expect(page.locator("#send-button")).to_be_enabled(timeout=ANSWER_TIMEOUT)


def _chart_title(page: Page) -> str:
    title = page.locator(".analysis-card").last.locator(".gtitle").first
    title.wait_for(state="attached", timeout=ANSWER_TIMEOUT)
    return title.text_content() or ""


def test_the_period_in_the_message_wins_over_the_selector(page: Page) -> None:
    _pick(page, ".period-select", "2Y")
    _send(page, "Do a Fibonacci retracement for AAPL over 1 year")
    _wait_answer(page, 1)
    pills = page.locator(".plan-pills").last
    expect(pills.locator(".plan-period")).to_have_text("1Y")
    expect(pills.locator(".plan-symbol")).to_have_text("AAPL")
    # The selector was for that message only: it shows its placeholder again.
    expect(page.locator(".period-select")).to_have_text("Period")
    _pick(page, ".period-select", "2Y")
    _send(page, "fibonacci for MSFT")
    _wait_answer(page, 2)
    expect(page.locator(".plan-pills").last.locator(".plan-period")).to_have_text("2Y")


def test_each_tool_shows_its_own_chart(page: Page) -> None:
    _send(page, "market structure for MSFT")
    _wait_answer(page, 1)
    assert "Market structure" in _chart_title(page)
    _send(page, "support and resistance for IBM")
    _wait_answer(page, 2)
    assert "Support and resistance" in _chart_title(page)
    _send(page, "fibonacci for GOOG")
    _wait_answer(page, 3)
    assert "Fibonacci" in _chart_title(page)
    _send(page, "quote IBM")
    _wait_answer(page, 4)
    quote = page.locator(".quote-card").last
    expect(quote).to_contain_text("IBM")
    expect(quote.locator(".js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)


def test_compare_overlays_both_symbols(page: Page) -> None:
    _send(page, "compare apple and microsoft over 1 year")
    _wait_answer(page, 1)
    card = page.locator(".compare-card").last
    expect(card.locator(".js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)
    legend = [t.text_content() for t in card.locator(".legendtext").all()]
    assert legend == ["AAPL", "MSFT"]
    expect(card.locator(".compare-row")).to_have_count(2)


def test_earlier_answers_keep_their_charts(page: Page) -> None:
    _send(page, "compare apple and microsoft over 1 year")
    _wait_answer(page, 1)
    _send(page, "quote IBM")
    _wait_answer(page, 2)
    expect(page.locator(".compare-card .js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(page.locator(".quote-card .js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)


def test_a_plan_pill_re_runs_the_answer_with_that_change(page: Page) -> None:
    _send(page, "fibonacci for AAPL over 1 year")
    _wait_answer(page, 1)
    page.locator(".plan-pills").last.locator(".plan-leg").click()
    page.get_by_role("option", name="latest leg", exact=True).click()
    _wait_answer(page, 2)
    pills = page.locator(".plan-pills").last
    expect(pills.locator(".plan-leg")).to_have_text("latest leg")
    expect(pills.locator(".plan-period")).to_have_text("1Y")
    expect(pills.locator(".plan-symbol")).to_have_text("AAPL")


def test_follow_ups_and_small_talk(page: Page) -> None:
    _send(page, "fibonacci for AAPL over 1 year")
    _wait_answer(page, 1)
    _send(page, "now MSFT")
    _wait_answer(page, 2)
    expect(page.locator(".plan-pills").last.locator(".plan-symbol")).to_have_text("MSFT")
    expect(page.locator(".plan-pills").last.locator(".plan-period")).to_have_text("1Y")
    _send(page, "market structure")
    _wait_answer(page, 3)
    expect(page.locator(".plan-pills").last.locator(".plan-symbol")).to_have_text("MSFT")
    assert "Market structure" in _chart_title(page)
    _send(page, "thanks")
    _wait_answer(page, 4)
    last = page.locator(".chat-message[data-role='assistant']").last
    expect(last).to_have_attribute("data-kind", "text")
    expect(last).to_contain_text("welcome")


def test_the_chart_opens_full_screen_and_closes(page: Page) -> None:
    _send(page, "fibonacci for IBM")
    _wait_answer(page, 1)
    page.locator(".expand-chart").last.click()
    dialog = page.locator(".chart-dialog")
    expect(dialog.locator(".js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)
    box = dialog.locator(".js-plotly-plot").bounding_box()
    assert box is not None
    assert box["width"] > 0.9 * 1280, "nearly the whole window"
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    page.locator(".expand-chart").last.click()
    page.locator(".close-chart").click()
    expect(page.locator(".chart-dialog")).to_have_count(0)


def test_a_reopened_conversation_gets_its_interactive_chart_back(page: Page) -> None:
    _send(page, "fibonacci for AAPL over 1 year")
    _wait_answer(page, 1)
    page.reload()
    card = page.locator(".analysis-card").last
    expect(card.locator(".chart-figure .main-svg").first).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(card.locator(".download-png")).to_have_attribute("href", re.compile(r"/api/files/"))


def test_the_chart_takes_the_answers_width_on_a_laptop(page: Page) -> None:
    _send(page, "fibonacci for AAPL")
    _wait_answer(page, 1)
    drawn = page.locator(".analysis-card").last.locator(".chart-figure .main-svg").first
    drawn.wait_for(timeout=ANSWER_TIMEOUT)
    card = page.locator(".analysis-card").last.bounding_box()
    chart = page.locator(".analysis-card").last.locator(".chart-figure").bounding_box()
    assert card is not None
    assert chart is not None
    assert chart["width"] > 0.6 * card["width"]


def test_on_a_phone_the_new_answer_is_in_view_and_the_legend_folds_away(
    browser: Browser, running_app: RunningApp, timings: list[str]
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems = watch_console(page)
    sign_in(page, running_app, f"phone{time.time_ns()}")
    started = _send(page, "fibonacci for AAPL over 1 year")
    plot = page.locator(".analysis-card .chart-figure .main-svg").first
    expect(plot).to_be_visible(timeout=ANSWER_TIMEOUT)
    timings.append(
        f"phone, first chart of the page: {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    for answers, text in enumerate(("market structure for MSFT", "levels for IBM"), start=2):
        _send(page, text)
        _wait_answer(page, answers)
    newest = page.locator(".chat-message[data-role='assistant']").last.bounding_box()
    assert newest is not None
    assert 0 <= newest["y"] < 844, "the new answer's top is on screen"
    card = page.locator(".analysis-card").last
    expect(card.locator(".legend")).to_be_hidden()
    expect(card.locator(".modebar-container")).to_be_hidden()
    chart = card.locator(".chart-figure").bounding_box()
    assert chart is not None
    assert chart["width"] > 0.8 * 390, "the chart takes the phone's width"
    card.locator(".legend-toggle").click()
    expect(card.locator(".legend")).to_be_visible()
    # Measured together, after the click: the page may scroll meanwhile.
    chart = card.locator(".chart-figure").bounding_box()
    legend = card.locator(".legend").bounding_box()
    plot_area = card.locator(".chart-figure .nsewdrag").first.bounding_box()
    assert chart is not None
    assert legend is not None
    assert plot_area is not None
    assert legend["y"] + legend["height"] <= chart["y"] + chart["height"], "inside the chart"
    assert plot_area["y"] <= legend["y"], "laid over the plot, not below it"
    title = card.locator(".chart-figure .gtitle").bounding_box()
    assert title is not None
    assert title["x"] + title["width"] <= 390, "the chart's title is not cut"
    assert page.evaluate("() => { window.scrollTo(300, 0); return window.scrollX; }") == 0, (
        "the page is no wider than the phone"
    )
    context.close()
    assert not problems, "the browser console is not clean:\n" + "\n".join(problems)


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tool_screenshots_for_people_to_look_at(
    browser: Browser, running_app: RunningApp, width: int, height: int, scheme: str
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems = watch_console(page)
    sign_in(page, running_app, f"tools-{scheme}-{width}")
    _send(page, "compare apple and microsoft over 1 year")
    _wait_answer(page, 1)
    _send(page, "quote IBM")
    _wait_answer(page, 2)
    expect(page.locator(".compare-card .js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(page.locator(".quote-card .js-plotly-plot")).to_be_visible(timeout=ANSWER_TIMEOUT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"tools-{scheme}-{width}.png", full_page=True)
    context.close()
    assert not problems, "the browser console is not clean:\n" + "\n".join(problems)
