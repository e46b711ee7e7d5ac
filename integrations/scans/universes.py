"""Scan universes as data (`data/universes.json`): index members, FX, crypto, futures, bundled.

A user's own list (a watchlist) and a folder of CSV files are universes too; they are built
by the service, not read from here.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict


class UnknownUniverseError(ValueError):
    """A universe name we do not ship."""


class Member(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    symbol: str
    name: str


class Universe(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    members: tuple[Member, ...]

    @property
    def symbols(self) -> list[str]:
        return [m.symbol for m in self.members]


@cache
def _document() -> dict[str, Universe]:
    raw = json.loads(files("integrations.scans").joinpath("data", "universes.json").read_text())
    return {
        key: Universe(id=key, name=value["name"], members=value["members"])
        for key, value in raw["universes"].items()
    }


UNIVERSE_IDS = ("sp500", "nasdaq100", "dow30", "fx", "crypto", "futures", "bundled")


def universe(name: str) -> Universe:
    """The shipped universe `name` (case and `-`/`_`/spaces ignored: `S&P 500`, `sp-500`)."""
    key = "".join(ch for ch in name.lower() if ch.isalnum())
    key = {
        "sp": "sp500",
        "snp500": "sp500",
        "spx": "sp500",
        "ndx": "nasdaq100",
        "nasdaq": "nasdaq100",
        "dow": "dow30",
        "dowjones": "dow30",
        "djia": "dow30",
        "forex": "fx",
        "sample": "bundled",
    }.get(key, key)
    found = _document().get(key)
    if found is None:
        raise UnknownUniverseError(
            f"unknown universe {name!r}; accepted: {', '.join(UNIVERSE_IDS)}, "
            "or `watchlist` (your saved list)"
        )
    return found
