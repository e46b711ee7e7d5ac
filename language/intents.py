"""Which tool a message asks for, from keywords (with light typo tolerance).

Several tools can be named at once ("show the chart and highlight support"): the most
specific wins, in `PRIORITY` order, because the general ones (chart) are implied by it.
"""

from __future__ import annotations

import difflib
import re

from language.vocabulary import ToolName
from language.words import FILLER

PRIORITY: tuple[ToolName, ...] = (
    "scan", "compare", "fibonacci", "structure", "levels", "quote", "summary", "chart", "help",
)  # fmt: skip

# Phrases first (matched on the text), then single words (matched per token, typos allowed).
_PHRASES: dict[ToolName, tuple[str, ...]] = {
    "scan": ("watch list", "which of my", "which ones", "which of them", "my list"),
    "compare": ("side by side", "relative to", "stack up", "head to head"),
    "fibonacci": ("golden pocket", "golden ratio"),
    "structure": (
        "break of structure", "change of character", "higher highs", "lower lows",
        "higher lows", "lower highs", "swing points",
    ),
    "levels": ("s/r", "s&r", "key levels", "supply and demand"),
    "quote": (
        "price of", "price for", "how much is", "how much are", "how much does",
        "trading at", "current price", "last price", "share price", "stock price",
        "where is", "where's",
    ),
    "summary": (
        "what did you find", "what you found", "what do you think", "what do you see",
        "tl;dr", "sum up", "sum it up", "key takeaways", "what stands out",
    ),
    "chart": ("price action", "look at", "pull up", "bring up"),
    "help": ("what can you do", "how does this work", "how do i", "what do you do", "how to use",
             "who are you", "what are you"),
}  # fmt: skip
# Phrasings with a market in the middle: "how is intel trading", "how's tesla doing today".
_PATTERNS: dict[ToolName, tuple[re.Pattern[str], ...]] = {
    # "which S&P 500 stocks sit in their golden pocket", "find coins near support".
    "scan": (
        re.compile(
            r"\b(?:which|what|any|find|list|show|are\s+there)\b(?:\s+\S+){0,4}?\s+"
            r"(?:stocks|shares|equities|coins|cryptos|pairs|names|tickers|symbols|components"
            r"|members|constituents|futures|currencies)\b"
        ),
    ),
    "quote": (
        re.compile(r"\bhow(?:'s|’s|s|\s+is|\s+are)\s+(?:\S+\s+){1,4}?(?:trading|doing)\b"),
        re.compile(r"\bwhat(?:'s|’s|\s+is)\s+(?:\S+\s+){1,4}?(?:trading|priced)\s+at\b"),
    ),
}
_WORDS: dict[ToolName, tuple[str, ...]] = {
    "scan": ("scan", "scans", "scanner", "scanning", "screen", "screens", "screener",
             "screening", "watchlist", "scna", "sacn"),
    "compare": ("compare", "comparison", "comparing", "vs", "versus", "against", "outperform",
                "outperformed", "correlation", "correlate"),
    "fibonacci": ("fibonacci", "fib", "fibs", "fibo", "retracement", "retracements",
                  "retrace", "retraced", "extension", "extensions"),
    "structure": ("structure", "bos", "choch", "trend", "trending", "swings", "swing"),
    "levels": ("support", "supports", "resistance", "resistances", "levels", "level", "zones",
               "zone", "supply", "demand", "floor", "ceiling", "sr"),
    "quote": ("quote", "quotes", "qoute", "price"),
    "summary": ("summarize", "summarise", "summary", "recap", "insights", "insight",
                "takeaways", "overview", "interpret", "interpretation", "explain", "tldr",
                "outlook", "thoughts", "opinion"),
    "chart": ("chart", "charts", "plot", "graph", "candles", "candlestick", "candlesticks",
              "show", "draw", "display", "analyze", "analyse", "analysis", "visualize"),
    "help": ("help", "commands", "usage", "examples", "instructions"),
}  # fmt: skip
_TYPO_CUTOFF = 0.8
_TYPO_MIN_LENGTH = 6  # short words match only exactly: "lvl" is not "level"
_TOKEN = re.compile(r"[a-z][a-z;&']*")  # "support/resistance" is two words
_WORD_TO_TOOL = {word: tool for tool, words in _WORDS.items() for word in words}
_TYPO_WORDS = [word for word in _WORD_TO_TOOL if len(word) >= _TYPO_MIN_LENGTH]
# English words a letter or two from a tool word that mean something else.
_NEAR_MISSES = frozenset({
    "tending", "shower", "summer", "extending", "strategy", "contrast", "spanning", "spanner",
    "greener", "scammer",
})  # fmt: skip


def tool_word(token: str) -> ToolName | None:
    """The tool a single word names, allowing one or two typos in long words."""
    word = token.lower()
    if word in _WORD_TO_TOOL:
        return _WORD_TO_TOOL[word]
    if len(word) < _TYPO_MIN_LENGTH or word in FILLER or word in _NEAR_MISSES:
        return None
    close = difflib.get_close_matches(word, _TYPO_WORDS, n=1, cutoff=_TYPO_CUTOFF)
    return _WORD_TO_TOOL[close[0]] if close else None


def tools_named(text: str) -> set[ToolName]:
    lowered = text.lower()
    found: set[ToolName] = set()
    for tool, patterns in _PATTERNS.items():
        if any(pattern.search(lowered) for pattern in patterns):
            found.add(tool)
    for tool, phrases in _PHRASES.items():
        for phrase in phrases:
            pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
            if re.search(pattern, lowered):
                found.add(tool)
                # "price action" is a chart: its words must not count again on their own.
                lowered = re.sub(pattern, " ", lowered)
    for token in _TOKEN.findall(lowered):
        named = tool_word(token.strip("'"))
        if named is not None:
            found.add(named)
    return found


def main_tool(tools: set[ToolName]) -> ToolName | None:
    return next((tool for tool in PRIORITY if tool in tools), None)
