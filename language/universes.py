"""Which universe a scan request names: "the S&P 500", "nasdaq 100", "dow 30", "crypto",
"my watchlist", "the bundled data".

Read before market names, so "scan the S&P 500" scans its members instead of charting the
index (^GSPC). Only regular expressions here, no analysis: the planner asks on every message
that follows a scan, and quick commands must stay quick.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from language.vocabulary import ScanUniverse

_B, _E = r"(?<![\w&$^])", r"(?![\w&])"
# Longest spellings first within each universe; the universes are tried in this order.
_SPELLINGS: tuple[tuple[ScanUniverse, str], ...] = (
    ("sp500", r"s\s*&\s*p\s*-?\s*500|s\s+and\s+p\s*500|snp\s*-?\s*500|sp\s*-?\s*500|spx|s\s*&\s*p"),
    ("nasdaq100", r"nasdaq\s*-?\s*100|nasdq\s*-?\s*100|nas\s*100|ndx|nasdaq"),
    ("dow30", r"dow\s*-?\s*30|dow\s+jones(?:\s+industrials?)?|djia|dow"),
    ("fx", r"major\s+(?:fx\s+|currency\s+)?pairs|fx(?:\s+pairs)?|forex|currenc(?:y|ies)"),
    ("crypto", r"top\s+crypto|crypto(?:currenc(?:y|ies)|s)?|alt\s*coins|coins"),
    ("futures", r"futures|commodities"),
    (
        "bundled",
        r"(?:the\s+)?bundled(?:\s+(?:data(?:\s*set)?|series|sample|symbols))?"
        r"|(?:the\s+)?sample(?:\s+(?:data(?:\s*set)?|series))?|offline\s+data",
    ),
    ("watchlist", r"(?:my\s+)?watch\s*-?\s*list|my\s+list"),
)
_PATTERNS = tuple((u, re.compile(_B + rf"(?:{s})" + _E, re.IGNORECASE)) for u, s in _SPELLINGS)
# One-word names a letter off ("watchlsit", "cryto"): long words only, so "dew" is not "dow".
_TYPO_NAMES: dict[str, ScanUniverse] = {
    "watchlist": "watchlist", "bundled": "bundled", "nasdaq": "nasdaq100", "crypto": "crypto",
    "futures": "futures", "forex": "fx",
}  # fmt: skip
_TOKEN = re.compile(r"[a-z]{5,}", re.IGNORECASE)
_TYPO_CUTOFF = 0.8
# What each universe is called in answers.
TITLES: dict[ScanUniverse, str] = {
    "sp500": "S&P 500", "nasdaq100": "Nasdaq-100", "dow30": "Dow 30", "fx": "major FX pairs",
    "crypto": "top crypto", "futures": "futures", "bundled": "the bundled sample",
    "watchlist": "your watchlist",
}  # fmt: skip


@dataclass(frozen=True)
class UniverseNamed:
    universe: ScanUniverse
    start: int
    end: int


def find_universe(text: str) -> UniverseNamed | None:
    """The first universe the text names, and where; None when it names none."""
    found = [
        UniverseNamed(universe, m.start(), m.end())
        for universe, pattern in _PATTERNS
        if (m := pattern.search(text))
    ]
    if found:
        return min(found, key=lambda u: (u.start, -(u.end - u.start)))
    for m in _TOKEN.finditer(text):
        close = difflib.get_close_matches(m.group(0).lower(), _TYPO_NAMES, n=1, cutoff=_TYPO_CUTOFF)
        if close:
            return UniverseNamed(_TYPO_NAMES[close[0]], m.start(), m.end())
    return None
