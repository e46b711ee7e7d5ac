"""Turn what people type ("tesla", "s&p 500", "eur/usd", "0700.HK") into ticker candidates.

The table (`symbols.csv`, shipped in this package) holds the most traded stocks, ETFs,
indices, currency pairs, crypto and futures with the names and nicknames traders use. It is
data, not code, so adding a name is a one-line change. Text that is not in the table but looks
like a ticker is passed through, so any symbol the source knows still works.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from functools import cache
from importlib.resources import files
from typing import get_args

from integrations.market_data.matches import SymbolKind, SymbolMatch

MAX_CANDIDATES = 5
# Words that name a legal form, not a company: "Tesla, Inc." is "tesla".
_LEGAL_FORMS = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc"}
    | {"llc", "ag", "sa", "se", "nv", "oyj", "as", "asa", "spa", "holdings"}
)
_TOKEN = re.compile(r"[a-z0-9]+")
# A ticker as Yahoo spells it: AAPL, BRK-B, 0700.HK, ^GSPC, EURUSD=X, GC=F.
_TICKER = re.compile(r"^\^?[A-Z0-9]{1,12}(?:[.\-][A-Z0-9]{1,6})?(?:=[XF])?$")
_KINDS = frozenset(get_args(SymbolKind))


def normalize(text: str) -> str:
    """Lower case, punctuation and spaces removed, trailing legal forms dropped.

    "S&P 500", "s&p500" and "SP 500" all become "sp500"; "Tesla, Inc." becomes "tesla".
    """
    tokens = _TOKEN.findall(text.lower().replace("&", " "))
    while len(tokens) > 1 and tokens[-1] in _LEGAL_FORMS:
        tokens.pop()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    return "".join(tokens)


def looks_like_ticker(text: str) -> bool:
    """True for text a user plainly meant as a ticker rather than a name.

    Upper-case ticker shapes qualify; lower-case words only when short (a typed "xyz") or
    carrying a ticker's punctuation ("0700.hk"), so a misspelt name is not sent to the source
    as a ticker.
    """
    stripped = text.strip()
    if not _TICKER.match(stripped.upper()):
        return False
    return stripped.isupper() or len(stripped) <= 5 or any(c in stripped for c in ".-=^")


class SymbolTable:
    """Exact, then fuzzy, lookups over the bundled table; built once per process."""

    def __init__(self, rows: list[SymbolMatch], aliases: list[list[str]]) -> None:
        self._rows = rows
        self._by_symbol = {row.symbol: row for row in rows}
        self._by_key: dict[str, list[SymbolMatch]] = {}
        for row, names in zip(rows, aliases, strict=True):
            for name in (row.symbol, row.name or "", *names):
                key = normalize(name)
                if key and row not in self._by_key.setdefault(key, []):
                    self._by_key[key].append(row)
        self._keys = sorted(self._by_key)

    @classmethod
    def from_csv(cls, text: str) -> SymbolTable:
        rows: list[SymbolMatch] = []
        aliases: list[list[str]] = []
        for line, record in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            kind = record["kind"]
            if kind not in _KINDS:
                raise ValueError(f"symbols.csv line {line}: unknown kind {kind!r}")
            rows.append(
                SymbolMatch(
                    symbol=record["symbol"],
                    name=record["name"],
                    kind=kind,
                    exchange=record["exchange"] or None,
                    currency=record["currency"] or None,
                )
            )
            aliases.append([a for a in record["aliases"].split(";") if a.strip()])
        return cls(rows, aliases)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, symbol: str) -> SymbolMatch | None:
        """The table's row for an exact ticker, if it has one."""
        return self._by_symbol.get(symbol.strip().upper())

    def resolve(self, text: str, *, fuzzy: bool = True) -> list[SymbolMatch]:
        """Candidates for the text, best first; empty when nothing plausible matches.

        `fuzzy` adds near spellings ("tesls" -> TSLA): right for a search box, wrong for
        picking names out of a sentence, where "side" would become SIE.DE.
        """
        stripped = " ".join(text.split())
        if not stripped:
            return []
        exact = self.get(stripped)
        key = normalize(stripped)
        found: list[SymbolMatch] = [exact] if exact is not None else []
        found += self._by_key.get(key, [])
        if found:
            return _unique(found)[:MAX_CANDIDATES]
        plain = (
            [SymbolMatch(symbol=stripped.upper(), kind="unknown")]
            if looks_like_ticker(stripped)
            else []
        )
        near = self._near(key) if fuzzy else []
        # An upper-case ticker is what the user meant; a lower-case word is more likely a name.
        ordered = plain + near if stripped.isupper() else near + plain
        return _unique(ordered)[:MAX_CANDIDATES]

    def _near(self, key: str) -> list[SymbolMatch]:
        if len(key) < 3:
            return []
        keys = [k for k in self._keys if k.startswith(key)]
        keys += difflib.get_close_matches(key, self._keys, n=MAX_CANDIDATES, cutoff=0.8)
        return [row for k in keys for row in self._by_key[k]]


def _unique(rows: list[SymbolMatch]) -> list[SymbolMatch]:
    by_symbol: dict[str, SymbolMatch] = {}
    for row in rows:
        by_symbol.setdefault(row.symbol, row)
    return list(by_symbol.values())


class TableResolver:
    """Exact names, aliases and tickers from the bundled table, without a data source.

    For the chat planner, which tries every word of a sentence: only exact matches count
    there (see `SymbolTable.resolve`).
    """

    def __init__(self, table: SymbolTable | None = None) -> None:
        self._table = table or default_table()

    async def resolve(self, text: str) -> list[SymbolMatch]:
        return self._table.resolve(text, fuzzy=False)


@cache
def default_table() -> SymbolTable:
    """The bundled table, read with importlib.resources so it works from a wheel too."""
    text = files("integrations.market_data").joinpath("symbols.csv").read_text(encoding="utf-8")
    return SymbolTable.from_csv(text)
