"""Requests and the plans the offline planner must make of them (today is TODAY).

`history` holds earlier messages of the same chat; the planner plans them first, so
follow-ups are tested against the conversation the planner itself built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import TypeAdapter

from analysis.scan import Setup, SetupKind
from language.vocabulary import Interval, Leg, Period, ScanUniverse, ToolName

TODAY = date(2025, 6, 16)


@dataclass(frozen=True)
class Call:
    tool: ToolName
    symbols: tuple[str, ...] = ()
    period: Period | None = None
    interval: Interval | None = None
    start: date | None = None
    end: date | None = None
    leg: Leg | None = None
    ratio: float | None = None
    universe: ScanUniverse | None = None
    setups: tuple[Setup, ...] = ()


def setup(kind: SetupKind, **params: Any) -> Setup:
    """A scan setup as the API takes it: `setup("near-fib", ratio=0.5)`."""
    return TypeAdapter(Setup).validate_python({"kind": kind, **params})


def scan(
    universe: ScanUniverse | None,
    *setups: Setup,
    symbols: tuple[str, ...] = (),
    period: Period | None = None,
    interval: Interval | None = None,
) -> Call:
    return Call("scan", symbols, period, interval, universe=universe, setups=tuple(setups))


@dataclass(frozen=True)
class Reply:
    contains: str


@dataclass(frozen=True)
class Case:
    message: str
    expect: Call | Reply
    history: tuple[str, ...] = field(default=())


FIB_TSLA = ("do a Fibonacci retracement for TSLA over 3 months",)
CMP = ("compare apple and microsoft over 6 months",)
FIB_AAPL_1Y = ("fibonacci for AAPL over 1 year",)
STRUCT_NVDA = ("market structure for nvidia 6 months weekly",)
SCAN_DOW = ("scan the dow 30 for golden pockets",)
GP = setup("golden-pocket")

CASES: tuple[Case, ...] = (
    # The issue's own examples.
    Case("do a Fibonacci retracement for TSLA over 3 months", Call("fibonacci", ("TSLA",), "3mo")),
    Case(
        "Show me the 3-month chart for Tesla and highlight key support levels",
        Call("levels", ("TSLA",), "3mo"),
    ),
    Case("compare apple and microsoft over 6 months", Call("compare", ("AAPL", "MSFT"), "6mo")),
    Case("summarize what you found", Call("summary", ("TSLA",), "3mo"), FIB_TSLA),
    Case("now do the same for AMD", Call("fibonacci", ("AMD",), "3mo"), FIB_TSLA),
    Case("zoom out to 2 years", Call("fibonacci", ("TSLA",), "2y"), FIB_TSLA),
    # Fibonacci, many ways.
    Case("fib on nvda", Call("fibonacci", ("NVDA",))),
    Case("fibs for $PLTR 6mo", Call("fibonacci", ("PLTR",), "6mo")),
    Case(
        "draw fibonacci levels on bitcoin for the last year", Call("fibonacci", ("BTC-USD",), "1y")
    ),
    Case("retracement levels for gold ytd", Call("fibonacci", ("GC=F",), "ytd")),
    Case("where is the golden pocket on ETH?", Call("fibonacci", ("ETH-USD",))),
    Case("fibonaci retracment on apple 1y", Call("fibonacci", ("AAPL",), "1y")),
    Case("Fib extensions for Netflix, 5 years", Call("fibonacci", ("NFLX",), "5y")),
    Case("fibo TSLA daily 6 months", Call("fibonacci", ("TSLA",), "6mo", "1d")),
    Case("FIB ON TSLA 3 MONTHS", Call("fibonacci", ("TSLA",), "3mo")),
    Case("can you run a fib on the s&p 500 over two years", Call("fibonacci", ("^GSPC",), "2y")),
    # Structure.
    Case("market structure for AMD", Call("structure", ("AMD",))),
    Case("any break of structure on MSFT this week?", Call("structure", ("MSFT",), "5d")),
    Case("show BOS and CHoCH for $COIN on the hourly", Call("structure", ("COIN",), None, "1h")),
    Case("is nvidia trending up? 6 months", Call("structure", ("NVDA",), "6mo")),
    Case("structre of amazon weekly 2 years", Call("structure", ("AMZN",), "2y", "1wk")),
    Case(
        "higher highs on the nasdaq 100 since 2020",
        Call("structure", ("^NDX",), start=date(2020, 1, 1)),
    ),
    # Support and resistance.
    Case("key support and resistance for meta", Call("levels", ("META",))),
    Case(
        "resistence levels on google over 18 months",
        Call("levels", ("GOOGL",), start=date(2023, 12, 16)),
    ),
    Case("where are the supply and demand zones on oil", Call("levels", ("CL=F",))),
    Case("S/R for EUR/USD 4h", Call("levels", ("EURUSD=X",), None, "4h")),
    Case("support on 0700.HK", Call("levels", ("0700.HK",))),
    Case("levels for berkshire hathaway max", Call("levels", ("BRK-B",), "max")),
    Case("support zones bank of america 1y weekly", Call("levels", ("BAC",), "1y", "1wk")),
    # Quote.
    Case("quote AAPL", Call("quote", ("AAPL",))),
    Case("what's the price of bitcoin", Call("quote", ("BTC-USD",))),
    Case("how much is tesla trading at right now", Call("quote", ("TSLA",))),
    Case("current price of the dollar index", Call("quote", ("DX-Y.NYB",))),
    Case("$SPY quote please", Call("quote", ("SPY",))),
    Case("quotes for apple, microsoft and nvidia", Call("quote", ("AAPL", "MSFT", "NVDA"))),
    # Chart.
    Case("chart TSLA", Call("chart", ("TSLA",))),
    Case("show me solana 15 minute", Call("chart", ("SOL-USD",), None, "15m")),
    Case("plot intel over the past month", Call("chart", ("INTC",), "1mo")),
    Case("pull up boeing 5d 5m", Call("chart", ("BA",), "5d", "5m")),
    Case("analyze coca cola for a week", Call("chart", ("KO",), "5d")),
    Case("chart $F daily ytd", Call("chart", ("F",), "ytd", "1d")),
    Case("disney 10 years monthly", Call("chart", ("DIS",), "10y", "1mo")),
    Case("show jpmorgan today 1 minute", Call("chart", ("JPM",), "1d", "1m")),
    Case("QQQ 30m", Call("chart", ("QQQ",), None, "30m")),
    Case("silver 90 minute candles 5 days", Call("chart", ("SI=F",), "5d", "90m")),
    Case(
        "btc/usd two weeks hourly", Call("chart", ("BTC-USD",), None, "1h", start=date(2025, 6, 2))
    ),
    Case("chart the nikkei 225 all time", Call("chart", ("^N225",), "max")),
    Case("chart eurusd 2 minute bars", Call("chart", ("EURUSD=X",), None, "2m")),
    Case("tesla chart 1.5 years", Call("chart", ("TSLA",), start=date(2023, 12, 16))),
    Case("chart google 3 years", Call("chart", ("GOOGL",), start=date(2022, 6, 16))),
    Case(
        "chart ethereum from 2024-01-01 to 2024-03-31",
        Call("chart", ("ETH-USD",), start=date(2024, 1, 1), end=date(2024, 3, 31)),
    ),
    Case(
        "chart apple in 2022",
        Call("chart", ("AAPL",), start=date(2022, 1, 1), end=date(2022, 12, 31)),
    ),
    Case("show amd half a year", Call("chart", ("AMD",), "6mo")),
    Case("chart nvidia last quarter", Call("chart", ("NVDA",), "3mo")),
    Case("chart palantir 10 days", Call("chart", ("PLTR",), start=date(2025, 6, 6))),
    Case("chart spx 1 hour candles", Call("chart", ("^GSPC",), None, "1h")),
    Case("TSLA", Call("chart", ("TSLA",))),
    # Compare.
    Case("compare NVDA vs AMD", Call("compare", ("NVDA", "AMD"))),
    Case("apple versus microsoft this year", Call("compare", ("AAPL", "MSFT"), "ytd")),
    Case(
        "how did bitcoin do against gold over 5 years", Call("compare", ("BTC-USD", "GC=F"), "5y")
    ),
    Case("compair tesla and ford over 2 years", Call("compare", ("TSLA", "F"), "2y")),
    Case("compare $META, $GOOGL and $AMZN ytd", Call("compare", ("META", "GOOGL", "AMZN"), "ytd")),
    Case("side by side dow jones and the nasdaq 1y", Call("compare", ("^DJI", "^IXIC"), "1y")),
    # Help.
    Case("help", Call("help")),
    Case("what can you do?", Call("help")),
    Case("how do I use this", Call("help")),
    # Summary and advice.
    Case("give me a summary of netflix", Call("summary", ("NFLX",))),
    Case("what do you think about palantir over the last year", Call("summary", ("PLTR",), "1y")),
    Case("should I buy tesla?", Call("summary", ("TSLA",))),
    # Follow-ups.
    Case("what about nvidia?", Call("fibonacci", ("NVDA",), "3mo"), FIB_TSLA),
    Case("and $AMD", Call("fibonacci", ("AMD",), "3mo"), FIB_TSLA),
    Case("same for microsoft but weekly", Call("fibonacci", ("MSFT",), "3mo", "1wk"), FIB_TSLA),
    Case("now show the structure", Call("structure", ("TSLA",), "3mo"), FIB_TSLA),
    Case("and the support levels?", Call("levels", ("TSLA",), "3mo"), FIB_TSLA),
    Case("weekly instead", Call("fibonacci", ("TSLA",), "3mo", "1wk"), FIB_TSLA),
    Case("make it 5 years", Call("fibonacci", ("TSLA",), "5y"), FIB_TSLA),
    Case("zoom out", Call("fibonacci", ("TSLA",), "6mo"), FIB_TSLA),
    Case("zoom in", Call("fibonacci", ("TSLA",), "1mo"), FIB_TSLA),
    Case("quote it", Call("quote", ("TSLA",)), FIB_TSLA),
    Case("add nvidia", Call("compare", ("AAPL", "MSFT", "NVDA"), "6mo"), CMP),
    Case("now over 2 years", Call("compare", ("AAPL", "MSFT"), "2y"), CMP),
    Case("compare it with AMD", Call("compare", ("TSLA", "AMD"), "3mo"), FIB_TSLA),
    Case("summarize", Call("summary", ("AAPL", "MSFT"), "6mo"), CMP),
    Case("do it again", Call("fibonacci", ("TSLA",), "3mo"), FIB_TSLA),
    Case("structure for apple", Call("structure", ("AAPL",)), FIB_TSLA),
    Case("thanks!", Reply("welcome"), FIB_TSLA),
    # Direct replies and refusals.
    Case("what's the weather", Reply("I can't help with that")),
    Case("tell me a joke", Reply("I can't help with that")),
    Case("hello", Reply("Hello")),
    Case("", Reply("Type a request")),
    Case("fib", Reply("Which market")),
    Case("summarize what you found", Reply("nothing to summarize")),
    Case("chart foobarbaz", Reply("couldn't find a market called “foobarbaz”")),
    Case("compare tesla", Reply("at least two markets")),
    Case("zoom out to 2 years", Reply("Which market")),
    # --- Issue 14: requests nobody tuned for, and more of the same kinds. ---
    # Support and resistance, spelt as traders do.
    Case("support/resistance GOOGL 2y weekly", Call("levels", ("GOOGL",), "2y", "1wk")),
    Case("suport and resistence for bitcoin", Call("levels", ("BTC-USD",))),
    Case("sr levels on nvda 4h", Call("levels", ("NVDA",), None, "4h")),
    Case("key levels $TSLA daily chart", Call("levels", ("TSLA",), None, "1d")),
    Case(
        "demand zones for ethereum since january",
        Call("levels", ("ETH-USD",), start=date(2025, 1, 1)),
    ),
    Case("levles for meta 1Y", Call("levels", ("META",), "1y")),
    Case(
        "levels msft in q1 2024",
        Call("levels", ("MSFT",), start=date(2024, 1, 1), end=date(2024, 3, 31)),
    ),
    # Quotes asked the way people ask.
    Case("how is intel trading", Call("quote", ("INTC",))),
    Case("how's tesla doing today?", Call("quote", ("TSLA",))),
    Case("hows apple doing", Call("quote", ("AAPL",))),
    Case("what is nvidia trading at", Call("quote", ("NVDA",))),
    Case("where is amazon trading", Call("quote", ("AMZN",))),
    Case("how much is ethereum", Call("quote", ("ETH-USD",))),
    Case("btc price", Call("quote", ("BTC-USD",))),
    Case("price of gold", Call("quote", ("GC=F",))),
    Case("qoute tesla", Call("quote", ("TSLA",))),
    Case("how are intel and amd trading", Call("quote", ("INTC", "AMD"))),
    # Hour bars: 2h and 4h are built from 1h bars; other hour counts map down, noted.
    Case("fib aapl 4 hour", Call("fibonacci", ("AAPL",), None, "4h")),
    Case("levels nvda 2h", Call("levels", ("NVDA",), None, "2h")),
    Case("fib on nvda 4hr chart", Call("fibonacci", ("NVDA",), None, "4h")),
    Case("structure msft H4", Call("structure", ("MSFT",), None, "4h")),
    Case("chart bitcoin four hour candles", Call("chart", ("BTC-USD",), None, "4h")),
    Case("eth 2-hour chart 1 month", Call("chart", ("ETH-USD",), "1mo", "2h")),
    Case("chart tsla 240", Call("chart", ("TSLA",))),  # a bare number is no interval
    Case("chart tsla 240m", Call("chart", ("TSLA",), None, "4h")),
    Case("structure on solana 3h", Call("structure", ("SOL-USD",), None, "2h")),
    Case("apple 6 hour bars", Call("chart", ("AAPL",), None, "4h")),
    Case(
        "fib on ethereum last 3 weeks 4h",
        Call("fibonacci", ("ETH-USD",), None, "4h", start=date(2025, 5, 26)),
    ),
    # Weekly, monthly, daily and minutes.
    Case("nvda daily chart 6 months", Call("chart", ("NVDA",), "6mo", "1d")),
    Case("market structure tsla on the daily", Call("structure", ("TSLA",), None, "1d")),
    Case("fib retracement AAPL 2y monthly", Call("fibonacci", ("AAPL",), "2y", "1mo")),
    Case("strucutre of the s&p 500 weekly", Call("structure", ("^GSPC",), None, "1wk")),
    Case("eth 15m chart", Call("chart", ("ETH-USD",), None, "15m")),
    Case("AAPL 1Y weekly", Call("chart", ("AAPL",), "1y", "1wk")),
    Case("dow jones monthly candles 10y", Call("chart", ("^DJI",), "10y", "1mo")),
    # Period shorthand as on the chips: capital M is months, small m is minutes.
    Case("chart AAPL 6M", Call("chart", ("AAPL",), "6mo")),
    Case("fib tsla 3M", Call("fibonacci", ("TSLA",), "3mo")),
    Case("FIB TSLA 6M", Call("fibonacci", ("TSLA",), "6mo")),
    Case("CHART TSLA 5M", Call("chart", ("TSLA",), None, "5m")),
    Case("tsla 5m 1d", Call("chart", ("TSLA",), "1d", "5m")),
    # Relative and named dates.
    Case("fib $NVDA since january", Call("fibonacci", ("NVDA",), start=date(2025, 1, 1))),
    Case(
        "chart apple from march to june",
        Call("chart", ("AAPL",), start=date(2025, 3, 1), end=date(2025, 6, 16)),
    ),
    Case(
        "structure of tesla since march 2024",
        Call("structure", ("TSLA",), start=date(2024, 3, 1)),
    ),
    Case(
        "compare gold and silver since 2020",
        Call("compare", ("GC=F", "SI=F"), start=date(2020, 1, 1)),
    ),
    Case("chart bitcoin from 2 years ago", Call("chart", ("BTC-USD",), start=date(2023, 6, 16))),
    Case("amd in may", Call("chart", ("AMD",), start=date(2025, 5, 1), end=date(2025, 5, 31))),
    Case(
        "fib on netflix from nov to feb",
        Call("fibonacci", ("NFLX",), start=date(2024, 11, 1), end=date(2025, 2, 28)),
    ),
    Case(
        "compare spy and qqq from 2020 to 2022",
        Call("compare", ("SPY", "QQQ"), start=date(2020, 1, 1), end=date(2022, 12, 31)),
    ),
    Case("levels for oil past 90 days", Call("levels", ("CL=F",), start=date(2025, 3, 18))),
    Case("chart solana the past few months", Call("chart", ("SOL-USD",), "3mo")),
    Case("microsoft ttm", Call("chart", ("MSFT",), "1y")),
    Case(
        "structure for coinbase the last couple of months",
        Call("structure", ("COIN",), start=date(2025, 4, 16)),
    ),
    Case("show me tesla this month", Call("chart", ("TSLA",), start=date(2025, 6, 1))),
    Case("chart eth the last 24 hours", Call("chart", ("ETH-USD",), "1d")),  # a window, not bars
    Case(
        "structure on btc past 48 hours on the 15m",
        Call("structure", ("BTC-USD",), "5d", "15m"),
    ),
    Case("tesla 3 months ago", Call("chart", ("TSLA",), start=date(2025, 3, 16))),
    # Typos and abbreviations.
    Case("fibonnaci on amazon", Call("fibonacci", ("AMZN",))),
    Case("fibbonacci retracment for netflix 1yr", Call("fibonacci", ("NFLX",), "1y")),
    Case("comapre nvidia and amd ytd", Call("compare", ("NVDA", "AMD"), "ytd")),
    Case("summerize google", Call("summary", ("GOOGL",))),
    Case("analize the dxy 2 yrs", Call("chart", ("DX-Y.NYB",), "2y")),
    Case("mkt structure $AMD 5y", Call("structure", ("AMD",), "5y")),
    Case("fib on TSLA 0.618", Call("fibonacci", ("TSLA",), ratio=0.618)),
    Case("where is the 61.8% on bitcoin", Call("fibonacci", ("BTC-USD",), ratio=0.618)),
    Case("the 1.618 extension for nvidia", Call("fibonacci", ("NVDA",), ratio=1.618)),
    # Company names and more than two markets.
    Case("compare tesla, ford and gm", Call("compare", ("TSLA", "F", "GM"))),
    Case("intel vs amd vs nvidia 1y", Call("compare", ("INTC", "AMD", "NVDA"), "1y")),
    Case("is the trend on microsoft bullish?", Call("structure", ("MSFT",))),
    Case("what do you think of amd", Call("summary", ("AMD",))),
    Case("jpmorgan vs bank of america 2y", Call("compare", ("JPM", "BAC"), "2y")),
    Case("chart the dollar index weekly", Call("chart", ("DX-Y.NYB",), None, "1wk")),
    # Follow-ups that reuse the context.
    Case("on the 4h chart", Call("fibonacci", ("TSLA",), "3mo", "4h"), FIB_TSLA),
    Case("now the weekly", Call("fibonacci", ("TSLA",), "3mo", "1wk"), FIB_TSLA),
    Case("what about the 0.618?", Call("fibonacci", ("TSLA",), "3mo", ratio=0.618), FIB_TSLA),
    Case("use the latest swing", Call("fibonacci", ("TSLA",), "3mo", leg="latest"), FIB_TSLA),
    Case("and for MSFT?", Call("fibonacci", ("MSFT",), "3mo"), FIB_TSLA),
    Case("now the weekly", Call("fibonacci", ("AAPL",), "1y", "1wk"), FIB_AAPL_1Y),
    Case("and for MSFT?", Call("fibonacci", ("MSFT",), "1y"), FIB_AAPL_1Y),
    Case("what about the 61.8%?", Call("fibonacci", ("AAPL",), "1y", ratio=0.618), FIB_AAPL_1Y),
    Case("the 786?", Call("fibonacci", ("AAPL",), "1y", ratio=0.786), FIB_AAPL_1Y),
    Case(
        "and for MSFT?",
        Call("fibonacci", ("MSFT",), "1y", ratio=0.618),
        (*FIB_AAPL_1Y, "what about the 0.618?"),
    ),
    Case(
        "now the weekly",
        Call("fibonacci", ("AAPL",), "1y", "1wk", leg="latest"),
        (*FIB_AAPL_1Y, "use the latest swing"),
    ),
    Case("what about the 0.7?", Reply("not one of the Fibonacci ratios"), FIB_AAPL_1Y),
    Case("now the 2h", Call("fibonacci", ("TSLA",), "3mo", "2h"), FIB_TSLA),
    Case("switch to daily", Call("fibonacci", ("TSLA",), "3mo", "1d"), FIB_TSLA),
    Case("use the major leg", Call("fibonacci", ("TSLA",), "3mo", leg="major"), FIB_TSLA),
    Case("how is it trading", Call("quote", ("TSLA",)), FIB_TSLA),
    Case("support and resistance please", Call("levels", ("TSLA",), "3mo"), FIB_TSLA),
    Case("on the 4h", Call("structure", ("NVDA",), "6mo", "4h"), STRUCT_NVDA),
    Case("monthly", Call("structure", ("NVDA",), "6mo", "1mo"), STRUCT_NVDA),
    Case("and for amd?", Call("structure", ("AMD",), "6mo", "1wk"), STRUCT_NVDA),
    Case(
        "what about the 0.618?",
        Call("fibonacci", ("NVDA",), "6mo", "1wk", ratio=0.618),
        STRUCT_NVDA,
    ),
    Case(
        "since january",
        Call("structure", ("NVDA",), None, "1wk", start=date(2025, 1, 1)),
        STRUCT_NVDA,
    ),
    Case("what about the 0.618?", Call("fibonacci", ("AAPL",), "6mo", ratio=0.618), CMP),
    Case("now weekly", Call("compare", ("AAPL", "MSFT"), "6mo", "1wk"), CMP),
    Case("and tesla?", Call("compare", ("AAPL", "MSFT", "TSLA"), "6mo"), CMP),
    # Small talk gets a short reply, with or without a conversation.
    Case("thanks", Reply("welcome")),
    Case("thanks!", Reply("welcome")),
    Case("thank you so much", Reply("welcome"), FIB_TSLA),
    Case("great, thanks", Reply("welcome")),
    Case("hi", Reply("Hello")),
    Case("hi there!", Reply("Hello")),
    Case("good morning", Reply("Hello")),
    Case("ok cool", Reply("Ask for another market")),
    Case("ok cool", Reply("Ask for another market"), FIB_TSLA),
    Case("got it", Reply("Ask for another market")),
    Case("awesome!", Reply("Ask for another market")),
    Case("how are you?", Reply("All well")),
    Case("bye", Reply("Goodbye")),
    # --- Issue 15: scans over a universe. The and the brief's own examples. ---
    Case(
        "scan the S&P 500 for stocks near their 0.618 with a support zone",
        scan("sp500", setup("near-fib", ratio=0.618), setup("near-zone", role="support")),
    ),
    Case(
        "which of my watchlist broke structure this week",
        scan("watchlist", setup("structure-break", within_bars=5)),
    ),
    Case("scan the bundled data for golden pockets", scan("bundled", GP)),
    Case(
        "scan dow 30 for bullish choch",
        scan("dow30", setup("structure-break", event="CHoCH", direction="bullish")),
    ),
    Case("screen nasdaq 100 for golden pocket", scan("nasdaq100", GP)),
    Case("which S&P 500 stocks sit in their golden pocket?", scan("sp500", GP)),
    Case(
        "which coins just printed a bullish CHoCH on the daily?",
        scan(
            "crypto",
            setup("structure-break", event="CHoCH", direction="bullish"),
            interval="1d",
        ),
    ),
    # Spelt as people type: typos, abbreviations, the CLI's setup names.
    Case("scan snp500 for golden pokets", scan("sp500", GP)),
    Case("scna nasdaq for gp", scan("nasdaq100", GP)),
    Case("scan the bundle for golden zones", scan("bundled", GP)),
    Case("screener: crypto near suport", scan("crypto", setup("near-zone", role="support"))),
    Case("scan my watchlsit for an uptrend", scan("watchlist", setup("trend", trend="bullish"))),
    Case("scan dow for s/r", scan("dow30", setup("near-zone"))),
    Case("scan sp 500 for the 61.8% retracement", scan("sp500", setup("near-fib", ratio=0.618))),
    Case(
        "screen the bundled series for near-fib 0.382",
        scan("bundled", setup("near-fib", ratio=0.382)),
    ),
    Case("scan ndx for unmitigated fvg", scan("nasdaq100", setup("open-imbalance", box="fvg"))),
    # Tuned: distances in ATR, how recent, which side, which scale, a score.
    Case(
        "scan spx for stocks within 1 atr of the 0.5",
        scan("sp500", setup("near-fib", ratio=0.5, within_atr=1)),
    ),
    Case(
        "scan the djia for bullish order blocks within 2 ATR",
        scan(
            "dow30",
            setup("open-imbalance", box="order-block", direction="bullish", within_atr=2),
        ),
    ),
    Case(
        "scan forex for choch in the last 10 bars",
        scan("fx", setup("structure-break", event="CHoCH", within_bars=10)),
    ),
    Case(
        "scan the nasdaq-100 for bearish bos today",
        scan(
            "nasdaq100", setup("structure-break", event="BOS", direction="bearish", within_bars=1)
        ),
    ),
    Case(
        "screen fx for bearish choch on the swing scale",
        scan("fx", setup("structure-break", event="CHoCH", direction="bearish", scale="swing")),
    ),
    Case(
        "scan top crypto for confluence above 1.5",
        scan("crypto", setup("confluence", min_score=1.5)),
    ),
    Case("which futures are ranging?", scan("futures", setup("trend", trend="ranging"))),
    Case("any dow jones stocks in a downtrend?", scan("dow30", setup("trend", trend="bearish"))),
    # Combined setups keep the order written: the first one's level is what rows measure.
    Case(
        "scan the bundled data for resistance and golden pocket",
        scan("bundled", setup("near-zone", role="resistance"), GP),
    ),
    # Bars and history: a long window is the history read, a bar size the bars.
    Case("scan crypto 4h for golden pocket", scan("crypto", GP, interval="4h")),
    Case(
        "scan the s&p 500 weekly for support zones over 10 years",
        scan("sp500", setup("near-zone", role="support"), period="10y", interval="1wk"),
    ),
    # Named symbols instead of a universe; no universe at all is the bundled sample.
    Case(
        "scan AAPL MSFT IBM for bullish choch",
        scan(
            None,
            setup("structure-break", event="CHoCH", direction="bullish"),
            symbols=("AAPL", "MSFT", "IBM"),
        ),
    ),
    Case("scan for golden pockets", scan("bundled", GP)),
    # After a scan: a universe, a bar size or "again" scans again with the same setups; a
    # symbol request is a symbol request.
    Case("now the nasdaq 100", scan("nasdaq100", GP), SCAN_DOW),
    Case("same for crypto", scan("crypto", GP), SCAN_DOW),
    Case("weekly", scan("dow30", GP, interval="1wk"), SCAN_DOW),
    Case("fib on AAPL", Call("fibonacci", ("AAPL",)), SCAN_DOW),
    # What a scan cannot measure is said, with what it can.
    Case("scan the s&p for the 1.618", Reply("A scan measures retracements")),
    Case("scan crypto for golden pocket within 50 atr", Reply("within atr of 50 is out of range")),
    # Requests that cannot be planned say what is missing.
    Case("what about the 0.618?", Reply("Which market")),
    Case("on the 4h chart", Reply("Which market")),
    Case("now the weekly", Reply("Which market")),
)
