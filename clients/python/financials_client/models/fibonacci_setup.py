from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FibonacciSetup")


@_attrs_define
class FibonacciSetup:
    """The close within k x ATR of one retracement ratio of the chosen leg.

    Attributes:
        kind (Literal['near-fib']):  Default: 'near-fib'.
        ratio (float | Unset):  Default: 0.618.
        within_atr (float | Unset):  Default: 0.5.
    """

    kind: Literal["near-fib"] = "near-fib"
    ratio: float | Unset = 0.618
    within_atr: float | Unset = 0.5

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        ratio = self.ratio

        within_atr = self.within_atr

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if ratio is not UNSET:
            field_dict["ratio"] = ratio
        if within_atr is not UNSET:
            field_dict["within_atr"] = within_atr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["near-fib"], d.pop("kind"))
        if kind != "near-fib":
            raise ValueError(f"kind must match const 'near-fib', got '{kind}'")

        ratio = d.pop("ratio", UNSET)

        within_atr = d.pop("within_atr", UNSET)

        fibonacci_setup = cls(
            kind=kind,
            ratio=ratio,
            within_atr=within_atr,
        )

        return fibonacci_setup
