from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfluenceSetup")


@_attrs_define
class ConfluenceSetup:
    """A Fibonacci level inside a zone with a confluence score of at least `min_score`.

    Attributes:
        kind (Literal['confluence']):  Default: 'confluence'.
        min_score (float | Unset):  Default: 1.0.
    """

    kind: Literal["confluence"] = "confluence"
    min_score: float | Unset = 1.0

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        min_score = self.min_score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if min_score is not UNSET:
            field_dict["min_score"] = min_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["confluence"], d.pop("kind"))
        if kind != "confluence":
            raise ValueError(f"kind must match const 'confluence', got '{kind}'")

        min_score = d.pop("min_score", UNSET)

        confluence_setup = cls(
            kind=kind,
            min_score=min_score,
        )

        return confluence_setup
