from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.zone_setup_role import ZoneSetupRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ZoneSetup")


@_attrs_define
class ZoneSetup:
    """The close inside a support/resistance zone, or within k x ATR of one (nearest wins).

    Attributes:
        kind (Literal['near-zone']):  Default: 'near-zone'.
        role (ZoneSetupRole | Unset):  Default: ZoneSetupRole.ANY.
        within_atr (float | Unset):  Default: 0.5.
    """

    kind: Literal["near-zone"] = "near-zone"
    role: ZoneSetupRole | Unset = ZoneSetupRole.ANY
    within_atr: float | Unset = 0.5

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        within_atr = self.within_atr

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if within_atr is not UNSET:
            field_dict["within_atr"] = within_atr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["near-zone"], d.pop("kind"))
        if kind != "near-zone":
            raise ValueError(f"kind must match const 'near-zone', got '{kind}'")

        _role = d.pop("role", UNSET)
        role: ZoneSetupRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = ZoneSetupRole(_role)

        within_atr = d.pop("within_atr", UNSET)

        zone_setup = cls(
            kind=kind,
            role=role,
            within_atr=within_atr,
        )

        return zone_setup
