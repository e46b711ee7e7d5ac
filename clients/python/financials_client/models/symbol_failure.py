from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SymbolFailure")


@_attrs_define
class SymbolFailure:
    """
    Attributes:
        reason (str):
        symbol (str):
    """

    reason: str
    symbol: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        symbol = self.symbol

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "symbol": symbol,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        symbol = d.pop("symbol")

        symbol_failure = cls(
            reason=reason,
            symbol=symbol,
        )

        return symbol_failure
