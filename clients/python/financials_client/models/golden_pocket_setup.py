from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GoldenPocketSetup")


@_attrs_define
class GoldenPocketSetup:
    """The close inside the chosen leg's 0.618-0.65 retracement band, or within k x ATR of it.

    Attributes:
        kind (Literal['golden-pocket']):  Default: 'golden-pocket'.
        within_atr (float | Unset):  Default: 0.5.
    """

    kind: Literal["golden-pocket"] = "golden-pocket"
    within_atr: float | Unset = 0.5

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        within_atr = self.within_atr

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if within_atr is not UNSET:
            field_dict["within_atr"] = within_atr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["golden-pocket"], d.pop("kind"))
        if kind != "golden-pocket":
            raise ValueError(f"kind must match const 'golden-pocket', got '{kind}'")

        within_atr = d.pop("within_atr", UNSET)

        golden_pocket_setup = cls(
            kind=kind,
            within_atr=within_atr,
        )

        return golden_pocket_setup
