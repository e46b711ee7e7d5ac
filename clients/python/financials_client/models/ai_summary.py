from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call import Call


T = TypeVar("T", bound="AiSummary")


@_attrs_define
class AiSummary:
    """
    Attributes:
        model (str):
        provider (str): e.g. `dashscope`, or `offline analyst` without a key.
        text (str):
        call (Call | None | Unset): The reading's call (bias, horizon, levels, invalidation, confidence), pinned to the
            last bar; null when the analyst gave no valid call.
        track_record (None | str | Unset): What graded calls of this kind did (with interval and sample), or that there
            are not enough graded calls yet.
        ungrounded (list[str] | Unset): Numbers in the text that match nothing in the analysis (check them).
    """

    model: str
    provider: str
    text: str
    call: Call | None | Unset = UNSET
    track_record: None | str | Unset = UNSET
    ungrounded: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.call import Call  # noqa: PLC0415

        model = self.model

        provider = self.provider

        text = self.text

        call: dict[str, Any] | None | Unset
        if isinstance(self.call, Unset):
            call = UNSET
        elif isinstance(self.call, Call):
            call = self.call.to_dict()
        else:
            call = self.call

        track_record: None | str | Unset
        if isinstance(self.track_record, Unset):
            track_record = UNSET
        else:
            track_record = self.track_record

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
        if call is not UNSET:
            field_dict["call"] = call
        if track_record is not UNSET:
            field_dict["track_record"] = track_record
        if ungrounded is not UNSET:
            field_dict["ungrounded"] = ungrounded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.call import Call  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        provider = d.pop("provider")

        text = d.pop("text")

        def _parse_call(data: object) -> Call | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                call_type_0 = Call.from_dict(data)

                return call_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Call | None | Unset, data)

        call = _parse_call(d.pop("call", UNSET))

        def _parse_track_record(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        track_record = _parse_track_record(d.pop("track_record", UNSET))

        ungrounded = cast(list[str], d.pop("ungrounded", UNSET))

        ai_summary = cls(
            model=model,
            provider=provider,
            text=text,
            call=call,
            track_record=track_record,
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
