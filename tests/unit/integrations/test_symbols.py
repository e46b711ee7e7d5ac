"""Names, nicknames and tickers resolve to what a trader means."""

from __future__ import annotations

import pytest

from integrations.market_data.symbols import default_table, normalize


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("tesla", "TSLA"),
        ("Tesla Inc", "TSLA"),
        ("Tesla, Inc.", "TSLA"),
        ("TSLA", "TSLA"),
        ("tsla", "TSLA"),
        ("bitcoin", "BTC-USD"),
        ("btc", "BTC-USD"),
        ("Ethereum", "ETH-USD"),
        ("s&p 500", "^GSPC"),
        ("S&P500", "^GSPC"),
        ("spx", "^GSPC"),
        ("dow jones", "^DJI"),
        ("nasdaq 100", "^NDX"),
        ("gold", "GC=F"),
        ("crude oil", "CL=F"),
        ("eur/usd", "EURUSD=X"),
        ("eurusd", "EURUSD=X"),
        ("EUR USD", "EURUSD=X"),
        ("0700.HK", "0700.HK"),
        ("0700.hk", "0700.HK"),
        ("tencent", "0700.HK"),
        ("apple", "AAPL"),
        ("Apple Inc.", "AAPL"),
        ("microsoft", "MSFT"),
        ("nvidia", "NVDA"),
        ("google", "GOOGL"),
        ("facebook", "META"),
        ("berkshire hathaway", "BRK-B"),
        ("BRK.B", "BRK-B"),
        ("The Walt Disney Company", "DIS"),
        ("^gspc", "^GSPC"),
        ("F", "F"),
        ("nvidea", "NVDA"),  # a typo still finds the name
    ],
)
def test_resolves_to_the_ticker_a_trader_means(text: str, symbol: str) -> None:
    assert default_table().resolve(text)[0].symbol == symbol


def test_known_matches_carry_name_kind_and_currency() -> None:
    (btc,) = default_table().resolve("bitcoin")
    assert (btc.name, btc.kind, btc.currency) == ("Bitcoin USD", "crypto", "USD")
    tencent = default_table().resolve("tencent")[0]
    assert (tencent.kind, tencent.currency, tencent.exchange) == ("equity", "HKD", "HKG")


def test_a_name_listed_twice_offers_both_listings() -> None:
    assert [m.symbol for m in default_table().resolve("asml")] == ["ASML", "ASML.AS"]


def test_unlisted_tickers_pass_through_as_typed() -> None:
    match, *others = default_table().resolve("RELI")
    assert (match.symbol, match.kind, match.name) == ("RELI", "unknown", None)
    assert "RELIANCE.NS" in [m.symbol for m in others], "similar names follow, as suggestions"
    assert default_table().resolve("7267.t")[0].symbol == "7267.T"


@pytest.mark.parametrize("text", ["", "   ", "what is this company", "qwertyuiopasdf", "??"])
def test_unknown_text_gives_no_candidates(text: str) -> None:
    assert default_table().resolve(text) == []


def test_the_table_covers_every_asset_class_with_hundreds_of_names() -> None:
    table = default_table()
    assert len(table) >= 300
    kinds = {table.resolve(s)[0].kind for s in ("AAPL", "SPY", "^GSPC", "EURUSD=X", "BTC-USD")}
    assert kinds == {"equity", "etf", "index", "fx", "crypto"}
    assert table.get("GC=F") is not None


def test_normalize_ignores_case_punctuation_and_legal_forms() -> None:
    assert normalize("S&P 500") == normalize("s&p500") == normalize("SP 500") == "sp500"
    assert normalize("Tesla, Inc.") == "tesla"
    assert normalize("Co") == "co", "a lone legal-form word is kept: it may be a ticker"
