"""A scan in the chat, in headless Chromium on the bundled sample data: the Scan chip, the
table with its progress and the failed symbol's reason, sorting by a column, the table back
after a reload, and a row opening its symbol's full analysis."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
# The first scan starts the scan workers and the first chart builds the chart library.
ANSWER_TIMEOUT = 180_000


def _symbols(page: Page) -> list[str]:
    return page.locator(".scan-card").last.locator(".scan-row .scan-symbol").all_inner_texts()


def test_a_scan_answers_with_a_sortable_table_whose_rows_open_the_analysis(page: Page) -> None:
    page.locator(".tool-chip[data-tool='scan']").click()
    box = page.locator("#chat-input")
    box.fill("uptrend for AAPL, MSFT, IBM, GOOG and NOPE")
    box.press("Enter")
    expect(page.locator(".sent-chip").last).to_have_text("Scan")
    card = page.locator(".scan-card").last
    expect(card).to_have_attribute("data-status", "done", timeout=ANSWER_TIMEOUT)
    expect(card.locator(".scan-progress")).to_have_text("5 / 5 scanned, 1 failed")
    expect(card.locator(".scan-failure")).to_have_count(1)
    expect(card.locator(".scan-failure")).to_contain_text("NOPE: NOPE is not in the bundled")
    # Over the bundled series AAPL, GOOG and IBM trend up (MSFT down), closest first.
    assert sorted(_symbols(page)) == ["AAPL", "GOOG", "IBM"]

    card.locator(".scan-sort[data-column='symbol']").click()
    expect(card.locator(".scan-sort[data-column='symbol']")).to_have_attribute("data-sorted", "asc")
    assert _symbols(page) == ["AAPL", "GOOG", "IBM"]
    card.locator(".scan-sort[data-column='symbol']").click()
    expect(card.locator(".scan-sort[data-column='symbol']")).to_have_attribute(
        "data-sorted", "desc"
    )
    assert _symbols(page) == ["IBM", "GOOG", "AAPL"]

    page.reload()
    restored = page.locator(".scan-card").last
    expect(restored.locator(".scan-progress")).to_have_text(
        "5 / 5 scanned, 1 failed", timeout=ANSWER_TIMEOUT
    )
    expect(restored.locator(".scan-row")).to_have_count(3)

    restored.locator(".scan-row[data-symbol='GOOG']").click()
    analysis = page.locator(".analysis-card").last
    expect(analysis).to_contain_text("Market structure · GOOG", timeout=ANSWER_TIMEOUT)
    pills = page.locator(".plan-pills").last
    expect(pills.locator(".plan-symbol")).to_have_text("GOOG")
    expect(pills.locator(".plan-period")).to_have_text("5Y")
