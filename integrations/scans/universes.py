"""Scan universes as data (`data/universes.json`): index members, FX, crypto, futures, bundled.

A user's own list (a watchlist) and a folder or zip of CSV files are universes too: the
service keeps the first, `csv_universe` reads the second.
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
    """The shipped universe `name` (one of `UNIVERSE_IDS`, any letter case).

    No aliases here: the API and the CLI accept only these ids (`ScanRequest.universe`), and
    the chat turns what a user writes ("the S&P 500") into one in `language.universes`.
    """
    found = _document().get(name.strip().lower())
    if found is None:
        raise UnknownUniverseError(
            f"unknown universe {name!r}; accepted: {', '.join(UNIVERSE_IDS)}, "
            "or `watchlist` (your saved list)"
        )
    return found
