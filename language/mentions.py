"""Where a message names markets: candidate spans, asked of the resolver longest first.

Words that are plainly English or commands ("show", "the", "support", "months") are never
sent to the resolver, so a resolver that passes short words through as tickers (market
data's does, for "xyz") cannot turn "show me" into a symbol. A span is accepted when the
resolver knows it by name, or when it was written as a ticker: `$tsla`, `TSLA`, `eur/usd`,
`0700.hk`, `^GSPC`. An all-caps word that is also an English word ("NOW", "ON", "IT") counts
as a ticker only with a `$`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from language.intents import tool_word
from language.resolver import SymbolResolver
from language.words import FILLER

MAX_SPAN_TOKENS = 4
TokenKind = Literal["filler", "glue", "number", "word", "ticker"]

GLUE = frozenset({"of", "&"})
_TOKEN = re.compile(r"\$?\^?[A-Za-z0-9][A-Za-z0-9&.\-=/^'’]*")
_EXPLICIT = re.compile(r"^\$|[\^=/]|^[A-Za-z0-9]+[.\-][A-Za-z]{1,4}$")
_POSSESSIVE = re.compile(r"['’]s?$")
_SEPARATOR = re.compile(r"[,;:!?()\[\]\"|]|\s-\s")


@dataclass(frozen=True)
class Token:
    text: str
    kind: TokenKind
    start: int
    end: int


@dataclass(frozen=True)
class Mentions:
    symbols: list[str]
    unknown: list[str]  # words that looked like names but matched no market


def tokens(text: str) -> list[Token]:
    has_lower = any(c.islower() for c in text)
    found = []
    for match in _TOKEN.finditer(text):
        raw = _POSSESSIVE.sub("", match.group(0).rstrip(".-/'’"))
        if not raw:
            continue
        found.append(Token(raw, _kind(raw, has_lower), match.start(), match.start() + len(raw)))
    return found


def _kind(raw: str, has_lower: bool) -> TokenKind:
    lower = raw.lower()
    if raw.startswith("$") and len(raw) > 1:
        return "ticker"
    if lower in GLUE:
        return "glue"
    if lower in FILLER or tool_word(lower) is not None:
        return "filler"
    if raw.replace(".", "").isdigit():
        return "number"
    if _EXPLICIT.search(raw):
        return "ticker"
    letters = raw.replace("-", "").replace(".", "")
    if (
        has_lower
        and raw.isupper()
        and letters.isalnum()
        and len(letters) <= 6
        and raw not in {"A", "I"}
    ):
        return "ticker"
    return "word"


def runs(text: str, found: list[Token]) -> list[list[Token]]:
    """Consecutive non-filler tokens, split at punctuation such as commas."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    previous_end = 0
    for token in found:
        gap = text[previous_end : token.start]
        if token.kind == "filler" or (current and _SEPARATOR.search(gap)):
            if current:
                groups.append(current)
            current = []
        if token.kind != "filler":
            current.append(token)
        previous_end = token.end
    if current:
        groups.append(current)
    return groups


async def find_mentions(text: str, resolver: SymbolResolver) -> Mentions:
    """Tickers the text names, in order, each once; and the name-like words left over."""
    symbols: list[str] = []
    unknown: list[str] = []
    for run in runs(text, tokens(text)):
        i = 0
        while i < len(run):
            taken = 0
            for j in range(min(len(run), i + MAX_SPAN_TOKENS), i, -1):
                span = run[i:j]
                if span[0].kind in ("glue", "number") or span[-1].kind == "glue":
                    continue
                symbol = await _resolve(span, resolver)
                if symbol is not None:
                    if symbol not in symbols:
                        symbols.append(symbol)
                    taken = j - i
                    break
            if taken:
                i += taken
                continue
            if run[i].kind in ("word", "ticker"):
                unknown.append(run[i].text)
            i += 1
    return Mentions(symbols=symbols, unknown=unknown)


async def _resolve(span: list[Token], resolver: SymbolResolver) -> str | None:
    text = " ".join(t.text for t in span).lstrip("$")
    explicit = len(span) == 1 and span[0].kind == "ticker"
    for candidate in await resolver.resolve(text):
        if candidate.name is not None or explicit:
            return candidate.symbol
    return None
