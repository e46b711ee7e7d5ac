from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.market_structure_break_source import MarketStructureBreakSource

if TYPE_CHECKING:
    from ..models.structure_scale import StructureScale


T = TypeVar("T", bound="MarketStructure")


@_attrs_define
class MarketStructure:
    """
    Attributes:
        break_source (MarketStructureBreakSource):
        internal (StructureScale):
        swing (StructureScale):
    """

    break_source: MarketStructureBreakSource
    internal: StructureScale
    swing: StructureScale

    def to_dict(self) -> dict[str, Any]:
        break_source = self.break_source.value

        internal = self.internal.to_dict()

        swing = self.swing.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "break_source": break_source,
                "internal": internal,
                "swing": swing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.structure_scale import StructureScale  # noqa: PLC0415

        d = dict(src_dict)
        break_source = MarketStructureBreakSource(d.pop("break_source"))

        internal = StructureScale.from_dict(d.pop("internal"))

        swing = StructureScale.from_dict(d.pop("swing"))

        market_structure = cls(
            break_source=break_source,
            internal=internal,
            swing=swing,
        )

        return market_structure
