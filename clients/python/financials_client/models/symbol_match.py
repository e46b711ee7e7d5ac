from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.symbol_match_kind import SymbolMatchKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SymbolMatch")


@_attrs_define
class SymbolMatch:
    """One candidate ticker for a user's text ("tesla" -> TSLA), best candidates first.

    Attributes:
        symbol (str):
        currency (None | str | Unset):
        exchange (None | str | Unset):
        kind (SymbolMatchKind | Unset):  Default: SymbolMatchKind.UNKNOWN.
        name (None | str | Unset):
    """

    symbol: str
    currency: None | str | Unset = UNSET
    exchange: None | str | Unset = UNSET
    kind: SymbolMatchKind | Unset = SymbolMatchKind.UNKNOWN
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        exchange: None | str | Unset
        if isinstance(self.exchange, Unset):
            exchange = UNSET
        else:
            exchange = self.exchange

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_exchange(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exchange = _parse_exchange(d.pop("exchange", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: SymbolMatchKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = SymbolMatchKind(_kind)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        symbol_match = cls(
            symbol=symbol,
            currency=currency,
            exchange=exchange,
            kind=kind,
            name=name,
        )

        symbol_match.additional_properties = d
        return symbol_match

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
