from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dependency_state_state import DependencyStateState

T = TypeVar("T", bound="DependencyState")


@_attrs_define
class DependencyState:
    """
    Attributes:
        detail (str):
        latency_ms (float):
        required (bool):
        state (DependencyStateState):
    """

    detail: str
    latency_ms: float
    required: bool
    state: DependencyStateState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        latency_ms = self.latency_ms

        required = self.required

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "latency_ms": latency_ms,
                "required": required,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        latency_ms = d.pop("latency_ms")

        required = d.pop("required")

        state = DependencyStateState(d.pop("state"))

        dependency_state = cls(
            detail=detail,
            latency_ms=latency_ms,
            required=required,
            state=state,
        )

        dependency_state.additional_properties = d
        return dependency_state

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
