from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="WatchlistBody")


@_attrs_define
class WatchlistBody:
    """
    Attributes:
        symbols (list[str]):
    """

    symbols: list[str]

    def to_dict(self) -> dict[str, Any]:
        symbols = self.symbols

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symbols": symbols,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbols = cast(list[str], d.pop("symbols"))

        watchlist_body = cls(
            symbols=symbols,
        )

        return watchlist_body
