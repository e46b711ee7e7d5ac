"""The chat's scan on a real container and the bundled series: its table fills in as results
arrive with the failures' reasons, a row opens that symbol's analysis, a reopened chat shows
the table again, and the chat, the API and the CLI answer the same scan with the same rows."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.services import scans
from app.services.chat import Overrides
from app.services.chat_views import UiMessage
from app.services.container import Scanning, Services
from app.services.conversations import Shown, TurnInput, reopen, take_turn
from app.services.scan_chat import cancel_chat_scan
from app.services.scans import ScanJobs
from app.wiring.scans import scan_symbol
from integrations.scans.inprocess import ThreadScanExecutor
from tests.api.conftest import Started

OWNER = "alice"


def _scanning() -> Scanning:
    return Scanning(ThreadScanExecutor(2), ScanJobs(), scan_symbol)


async def _turn(
    services: Services,
    text: str,
    conversation_id: str = "",
    tables: list[UiMessage] | None = None,
    **picked: str,
) -> Shown:
    async def on_scan(table: UiMessage) -> None:
        if tables is not None:
            tables.append(table)

    turn = TurnInput(
        owner=OWNER,
        text=text,
        overrides=Overrides(**picked),  # type: ignore[arg-type]
        conversation_id=conversation_id,
    )
    return await take_turn(services, turn, on_scan=on_scan)


async def test_a_scan_fills_its_table_in_says_why_symbols_failed_and_comes_back_on_reload(
    started: Started, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Progress after every symbol (not once a second), so each step of the table is seen.
    monkeypatch.setattr(scans, "SAVE_EVERY_SECONDS", 0.0)
    with started.replaced(scanning=_scanning()) as services:
        await scans.save_watchlist(services.scans, OWNER, ["MSFT", "NOPE", "IBM", "AAPL"])
        tables: list[UiMessage] = []
        shown = await _turn(services, "scan my watchlist for stocks in an uptrend", tables=tables)

        scanned = [int(t.scan_progress.split(" / ")[0]) for t in tables]
        # After each symbol; the last one's result comes with the finished scan.
        assert scanned == [1, 2, 3, 4]
        assert [t.scan_status for t in tables] == ["running"] * 3 + ["done"]
        assert all(t.kind == "scan" for t in tables)
        counts = [len(t.scan_rows) for t in tables]
        assert counts == sorted(counts), "rows only ever arrive"
        table = shown.messages[0]
        assert table.kind == "scan"
        assert table.scan_status == "done"
        assert table.scan_progress == "4 / 4 scanned, 1 failed"
        assert table.title == "Scan · your watchlist · bullish trend · 5y 1d"
        # Over the bundled series AAPL and IBM trend up and MSFT down; NOPE has no data.
        assert [r.symbol for r in table.scan_rows] == ["AAPL", "IBM"]
        assert all(r.trend == "bullish" and r.setup == "trend" for r in table.scan_rows)
        (failure,) = table.scan_failures
        assert failure.startswith("NOPE: NOPE is not in the bundled sample data")
        assert "2 of 4 matched: AAPL, IBM. 1 failed." in table.text

        # A row opens the symbol's analysis as the scan read it: its 5 years of daily bars.
        opened = await _turn(services, table.scan_rows[0].ask, shown.conversation_id)
        analysis = opened.messages[0]
        assert analysis.kind == "analysis"
        assert (analysis.plan_tool, analysis.plan_symbol, analysis.plan_period) == (
            "structure",
            "AAPL",
            "5y",
        )

        again = await reopen(services, owner=OWNER, conversation_id=shown.conversation_id)
    kinds = [(m.role, m.kind) for m in again.messages]
    assert kinds == [
        ("user", "text"), ("assistant", "scan"), ("user", "text"), ("assistant", "analysis"),
    ]  # fmt: skip
    restored = again.messages[1]
    assert restored.scan_rows == table.scan_rows
    assert (restored.scan_progress, restored.scan_failures) == (
        table.scan_progress,
        table.scan_failures,
    )
    assert (restored.title, restored.text) == (table.title, table.text)


async def test_the_scan_chip_reads_the_words_as_setups_and_follow_ups_keep_them(
    started: Started,
) -> None:
    with started.replaced(scanning=_scanning()) as services:
        first = await _turn(services, "bundled near a zone within 1 atr", tool="scan")
        table = first.messages[0]
        assert table.title == "Scan · the bundled sample · near a zone · 5y 1d"
        assert table.scan_rows, "the bundled series have symbols within 1 ATR of a zone"
        weekly = await _turn(services, "now weekly", first.conversation_id)
    assert weekly.messages[0].title == "Scan · the bundled sample · near a zone · 5y 1wk"


async def test_an_empty_watchlist_is_a_clear_answer_not_a_failure(started: Started) -> None:
    with started.replaced(scanning=_scanning()) as services:
        shown = await _turn(services, "which of my watchlist broke structure this week")
    answer = shown.messages[0]
    assert answer.kind == "error"
    assert "your watchlist is empty" in answer.text


async def _api_rows(client: httpx.AsyncClient, started: Started, body: dict[str, Any]) -> Any:
    posted = await client.post("/api/scans", json=body, headers=started.headers(OWNER))
    assert posted.status_code == 202, posted.text
    for _ in range(600):
        view = (
            await client.get(f"/api/scans/{posted.json()['id']}", headers=started.headers(OWNER))
        ).json()
        if view["status"] != "running":
            assert view["status"] == "done"
            return view["rows"]
        await asyncio.sleep(0.1)
    raise AssertionError("the API's scan did not finish")


async def test_the_chat_the_api_and_the_cli_answer_a_bundled_scan_with_the_same_rows(
    client: httpx.AsyncClient, started: Started
) -> None:
    with started.replaced(scanning=_scanning()) as services:
        shown = await _turn(services, "scan the bundled data for stocks near a zone")
        table = shown.messages[0]
        stored = await client.get(f"/api/scans/{table.scan_id}", headers=started.headers(OWNER))
        api_rows = await _api_rows(
            client, started, {"universe": "bundled", "setups": [{"kind": "near-zone"}]}
        )
    result = await asyncio.to_thread(
        CliRunner().invoke, cli, ["scan", "--universe", "bundled", "--setup", "near-zone", "--json"]
    )
    assert result.exit_code == 0, result.output
    cli_rows = json.loads(result.stdout)["rows"]

    assert stored.status_code == 200, "the chat's scan is the caller's, through the API too"
    chat_rows = stored.json()["rows"]
    assert chat_rows, "the bundled series have a symbol near a zone"
    assert chat_rows == api_rows == cli_rows
    assert [r.symbol for r in table.scan_rows] == [r["symbol"] for r in api_rows]
    assert [r.distance_atr for r in table.scan_rows] == [
        f"{r['distance_atr']:.2f}" for r in api_rows
    ]


async def test_the_tables_cancel_stops_the_scan_and_the_answer_says_so(
    started: Started, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scans, "SAVE_EVERY_SECONDS", 0.0)
    with started.replaced(scanning=_scanning()) as services:
        symbols = ["MSFT", "IBM", "AAPL", "GOOG"]
        await scans.save_watchlist(services.scans, OWNER, symbols)
        tables: list[UiMessage] = []

        async def on_scan(table: UiMessage) -> None:
            if not tables:  # the first partial table: the user presses Cancel
                await cancel_chat_scan(services.scans, scan_id=table.scan_id, owner=OWNER)
            tables.append(table)

        turn = TurnInput(
            owner=OWNER, text="scan my watchlist for stocks in an uptrend", overrides=Overrides()
        )
        shown = await take_turn(services, turn, on_scan=on_scan)
        table = shown.messages[0]
        assert table.scan_status == "cancelled"
        scanned = int(table.scan_progress.split(" / ")[0])
        assert scanned < len(symbols), "it stopped before the end"
        assert table.text.startswith("Cancelled after")
        # Someone else's id, or one that does not exist: nothing happens, nothing breaks.
        await cancel_chat_scan(services.scans, scan_id="nope", owner=OWNER)
