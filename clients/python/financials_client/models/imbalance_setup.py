from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.imbalance_setup_box import ImbalanceSetupBox
from ..models.imbalance_setup_direction_type_0 import ImbalanceSetupDirectionType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImbalanceSetup")


@_attrs_define
class ImbalanceSetup:
    """An open (unmitigated) fair value gap or order block within k x ATR of the close.

    Attributes:
        kind (Literal['open-imbalance']):  Default: 'open-imbalance'.
        box (ImbalanceSetupBox | Unset):  Default: ImbalanceSetupBox.ANY.
        direction (ImbalanceSetupDirectionType0 | Literal['any'] | Unset):  Default: 'any'.
        within_atr (float | Unset):  Default: 1.0.
    """

    kind: Literal["open-imbalance"] = "open-imbalance"
    box: ImbalanceSetupBox | Unset = ImbalanceSetupBox.ANY
    direction: ImbalanceSetupDirectionType0 | Literal["any"] | Unset = "any"
    within_atr: float | Unset = 1.0

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        box: str | Unset = UNSET
        if not isinstance(self.box, Unset):
            box = self.box.value

        direction: Literal["any"] | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, ImbalanceSetupDirectionType0):
            direction = self.direction.value
        else:
            direction = self.direction

        within_atr = self.within_atr

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if box is not UNSET:
            field_dict["box"] = box
        if direction is not UNSET:
            field_dict["direction"] = direction
        if within_atr is not UNSET:
            field_dict["within_atr"] = within_atr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["open-imbalance"], d.pop("kind"))
        if kind != "open-imbalance":
            raise ValueError(f"kind must match const 'open-imbalance', got '{kind}'")

        _box = d.pop("box", UNSET)
        box: ImbalanceSetupBox | Unset
        if isinstance(_box, Unset):
            box = UNSET
        else:
            box = ImbalanceSetupBox(_box)

        def _parse_direction(data: object) -> ImbalanceSetupDirectionType0 | Literal["any"] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = ImbalanceSetupDirectionType0(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            direction_type_1 = cast(Literal["any"], data)
            if direction_type_1 != "any":
                raise ValueError(f"direction_type_1 must match const 'any', got '{direction_type_1}'")
            return direction_type_1

        direction = _parse_direction(d.pop("direction", UNSET))

        within_atr = d.pop("within_atr", UNSET)

        imbalance_setup = cls(
            kind=kind,
            box=box,
            direction=direction,
            within_atr=within_atr,
        )

        return imbalance_setup
