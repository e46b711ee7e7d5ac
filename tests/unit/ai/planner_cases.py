"""Requests and the plans the offline planner must make of them (today is TODAY).

`history` holds earlier messages of the same chat; the planner plans them first, so
follow-ups are tested against the conversation the planner itself built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from language.vocabulary import Interval, Period, ToolName

TODAY = date(2025, 6, 16)


@dataclass(frozen=True)
class Call:
    tool: ToolName
    symbols: tuple[str, ...] = ()
    period: Period | None = None
    interval: Interval | None = None
    start: date | None = None
    end: date | None = None


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
    Case("S/R for EUR/USD 4h", Call("levels", ("EURUSD=X",), None, "1h")),
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
)
