"""The shipped universes: the ids the API and the CLI accept are exactly the lists shipped."""

from __future__ import annotations

from typing import get_args

import pytest

from app.services.scan_schemas import UniverseName
from integrations.scans import UNIVERSE_IDS, UnknownUniverseError, universe
from integrations.scans.universes import _document


def test_the_accepted_ids_are_the_shipped_lists() -> None:
    assert set(UNIVERSE_IDS) == set(_document())
    assert set(get_args(UniverseName)) == {*UNIVERSE_IDS, "watchlist"}
    for name in UNIVERSE_IDS:
        shipped = universe(name)
        assert shipped.symbols, name
        assert len(set(shipped.symbols)) == len(shipped.symbols), f"{name} repeats a symbol"
    assert universe("SP500") == universe("sp500")


def test_an_unknown_universe_says_what_is_accepted() -> None:
    with pytest.raises(UnknownUniverseError, match="accepted: sp500, nasdaq100") as raised:
        universe("ftse")
    assert "watchlist" in str(raised.value)
