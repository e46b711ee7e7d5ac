from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AiSummary")


@_attrs_define
class AiSummary:
    """
    Attributes:
        model (str):
        provider (str): e.g. `dashscope`, or `offline analyst` without a key.
        text (str):
        ungrounded (list[str] | Unset): Numbers in the text that match nothing in the analysis (check them).
    """

    model: str
    provider: str
    text: str
    ungrounded: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        provider = self.provider

        text = self.text

        ungrounded: list[str] | Unset = UNSET
        if not isinstance(self.ungrounded, Unset):
            ungrounded = self.ungrounded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "provider": provider,
                "text": text,
            }
        )
        if ungrounded is not UNSET:
            field_dict["ungrounded"] = ungrounded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model")

        provider = d.pop("provider")

        text = d.pop("text")

        ungrounded = cast(list[str], d.pop("ungrounded", UNSET))

        ai_summary = cls(
            model=model,
            provider=provider,
            text=text,
            ungrounded=ungrounded,
        )

        ai_summary.additional_properties = d
        return ai_summary

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
