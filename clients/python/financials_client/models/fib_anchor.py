from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.fib_anchor_kind import FibAnchorKind
from ..models.fib_anchor_state import FibAnchorState
from ..types import UNSET, Unset

T = TypeVar("T", bound="FibAnchor")


@_attrs_define
class FibAnchor:
    """One end of the Fibonacci leg: a bar extreme, or a caller's price with no bar.

    Attributes:
        kind (FibAnchorKind):
        price (float):
        confirmed_index (int | None | Unset): First bar at which this anchor was known to be an extreme.
        index (int | None | Unset):
        state (FibAnchorState | Unset): `confirmed`: a swing that can no longer move; `provisional`: the live extreme
            since the last confirmed swing, which moves if price goes beyond it; `given`: the caller's time or price.
            Default: FibAnchorState.GIVEN.
        time (datetime.datetime | None | Unset):
    """

    kind: FibAnchorKind
    price: float
    confirmed_index: int | None | Unset = UNSET
    index: int | None | Unset = UNSET
    state: FibAnchorState | Unset = FibAnchorState.GIVEN
    time: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        price = self.price

        confirmed_index: int | None | Unset
        if isinstance(self.confirmed_index, Unset):
            confirmed_index = UNSET
        else:
            confirmed_index = self.confirmed_index

        index: int | None | Unset
        if isinstance(self.index, Unset):
            index = UNSET
        else:
            index = self.index

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        time: None | str | Unset
        if isinstance(self.time, Unset):
            time = UNSET
        elif isinstance(self.time, datetime.datetime):
            time = self.time.isoformat()
        else:
            time = self.time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "price": price,
            }
        )
        if confirmed_index is not UNSET:
            field_dict["confirmed_index"] = confirmed_index
        if index is not UNSET:
            field_dict["index"] = index
        if state is not UNSET:
            field_dict["state"] = state
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FibAnchorKind(d.pop("kind"))

        price = d.pop("price")

        def _parse_confirmed_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        confirmed_index = _parse_confirmed_index(d.pop("confirmed_index", UNSET))

        def _parse_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        index = _parse_index(d.pop("index", UNSET))

        _state = d.pop("state", UNSET)
        state: FibAnchorState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = FibAnchorState(_state)

        def _parse_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_type_0 = datetime.datetime.fromisoformat(data)

                return time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time = _parse_time(d.pop("time", UNSET))

        fib_anchor = cls(
            kind=kind,
            price=price,
            confirmed_index=confirmed_index,
            index=index,
            state=state,
            time=time,
        )

        return fib_anchor
