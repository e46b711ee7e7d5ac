from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quote_source import QuoteSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="Quote")


@_attrs_define
class Quote:
    """The latest price of a symbol and where it sits in its day and 52-week ranges.

    Attributes:
        last_price (float):
        source (QuoteSource):
        symbol (str):
        as_of (datetime.datetime | None | Unset): Time of the last price, if known.
        change (float | None | Unset): last_price - previous_close
        change_percent (float | None | Unset): change / previous_close
        currency (None | str | Unset):
        day_high (float | None | Unset):
        day_low (float | None | Unset):
        exchange (None | str | Unset):
        name (None | str | Unset):
        notice (None | str | Unset):
        previous_close (float | None | Unset):
        year_high (float | None | Unset):
        year_low (float | None | Unset):
    """

    last_price: float
    source: QuoteSource
    symbol: str
    as_of: datetime.datetime | None | Unset = UNSET
    change: float | None | Unset = UNSET
    change_percent: float | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    day_high: float | None | Unset = UNSET
    day_low: float | None | Unset = UNSET
    exchange: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    notice: None | str | Unset = UNSET
    previous_close: float | None | Unset = UNSET
    year_high: float | None | Unset = UNSET
    year_low: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_price = self.last_price

        source = self.source.value

        symbol = self.symbol

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        change: float | None | Unset
        if isinstance(self.change, Unset):
            change = UNSET
        else:
            change = self.change

        change_percent: float | None | Unset
        if isinstance(self.change_percent, Unset):
            change_percent = UNSET
        else:
            change_percent = self.change_percent

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        day_high: float | None | Unset
        if isinstance(self.day_high, Unset):
            day_high = UNSET
        else:
            day_high = self.day_high

        day_low: float | None | Unset
        if isinstance(self.day_low, Unset):
            day_low = UNSET
        else:
            day_low = self.day_low

        exchange: None | str | Unset
        if isinstance(self.exchange, Unset):
            exchange = UNSET
        else:
            exchange = self.exchange

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notice: None | str | Unset
        if isinstance(self.notice, Unset):
            notice = UNSET
        else:
            notice = self.notice

        previous_close: float | None | Unset
        if isinstance(self.previous_close, Unset):
            previous_close = UNSET
        else:
            previous_close = self.previous_close

        year_high: float | None | Unset
        if isinstance(self.year_high, Unset):
            year_high = UNSET
        else:
            year_high = self.year_high

        year_low: float | None | Unset
        if isinstance(self.year_low, Unset):
            year_low = UNSET
        else:
            year_low = self.year_low

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "last_price": last_price,
                "source": source,
                "symbol": symbol,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if change is not UNSET:
            field_dict["change"] = change
        if change_percent is not UNSET:
            field_dict["change_percent"] = change_percent
        if currency is not UNSET:
            field_dict["currency"] = currency
        if day_high is not UNSET:
            field_dict["day_high"] = day_high
        if day_low is not UNSET:
            field_dict["day_low"] = day_low
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if name is not UNSET:
            field_dict["name"] = name
        if notice is not UNSET:
            field_dict["notice"] = notice
        if previous_close is not UNSET:
            field_dict["previous_close"] = previous_close
        if year_high is not UNSET:
            field_dict["year_high"] = year_high
        if year_low is not UNSET:
            field_dict["year_low"] = year_low

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        last_price = d.pop("last_price")

        source = QuoteSource(d.pop("source"))

        symbol = d.pop("symbol")

        def _parse_as_of(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_change(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        change = _parse_change(d.pop("change", UNSET))

        def _parse_change_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        change_percent = _parse_change_percent(d.pop("change_percent", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_day_high(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        day_high = _parse_day_high(d.pop("day_high", UNSET))

        def _parse_day_low(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        day_low = _parse_day_low(d.pop("day_low", UNSET))

        def _parse_exchange(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exchange = _parse_exchange(d.pop("exchange", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_notice(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice = _parse_notice(d.pop("notice", UNSET))

        def _parse_previous_close(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        previous_close = _parse_previous_close(d.pop("previous_close", UNSET))

        def _parse_year_high(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        year_high = _parse_year_high(d.pop("year_high", UNSET))

        def _parse_year_low(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        year_low = _parse_year_low(d.pop("year_low", UNSET))

        quote = cls(
            last_price=last_price,
            source=source,
            symbol=symbol,
            as_of=as_of,
            change=change,
            change_percent=change_percent,
            currency=currency,
            day_high=day_high,
            day_low=day_low,
            exchange=exchange,
            name=name,
            notice=notice,
            previous_close=previous_close,
            year_high=year_high,
            year_low=year_low,
        )

        quote.additional_properties = d
        return quote

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
