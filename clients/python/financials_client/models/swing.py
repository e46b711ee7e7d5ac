from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.swing_kind import SwingKind
from ..models.swing_label_type_0 import SwingLabelType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="Swing")


@_attrs_define
class Swing:
    """A confirmed swing point: a real bar extreme that will never move again.

    Attributes:
        confirmed_index (int): First bar at which the swing was known.
        confirmed_time (datetime.datetime):
        index (int): Bar position of the extreme.
        kind (SwingKind):
        price (float): The bar's high (for `high`) or low (for `low`).
        time (datetime.datetime):
        label (None | SwingLabelType0 | Unset): Versus the previous swing of the same kind; null for the first one.
    """

    confirmed_index: int
    confirmed_time: datetime.datetime
    index: int
    kind: SwingKind
    price: float
    time: datetime.datetime
    label: None | SwingLabelType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        confirmed_index = self.confirmed_index

        confirmed_time = self.confirmed_time.isoformat()

        index = self.index

        kind = self.kind.value

        price = self.price

        time = self.time.isoformat()

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        elif isinstance(self.label, SwingLabelType0):
            label = self.label.value
        else:
            label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "confirmed_index": confirmed_index,
                "confirmed_time": confirmed_time,
                "index": index,
                "kind": kind,
                "price": price,
                "time": time,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirmed_index = d.pop("confirmed_index")

        confirmed_time = datetime.datetime.fromisoformat(d.pop("confirmed_time"))

        index = d.pop("index")

        kind = SwingKind(d.pop("kind"))

        price = d.pop("price")

        time = datetime.datetime.fromisoformat(d.pop("time"))

        def _parse_label(data: object) -> None | SwingLabelType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                label_type_0 = SwingLabelType0(data)

                return label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SwingLabelType0 | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        swing = cls(
            confirmed_index=confirmed_index,
            confirmed_time=confirmed_time,
            index=index,
            kind=kind,
            price=price,
            time=time,
            label=label,
        )

        return swing
