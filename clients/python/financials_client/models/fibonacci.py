from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.fibonacci_anchor_source import FibonacciAnchorSource
from ..models.fibonacci_direction import FibonacciDirection
from ..models.fibonacci_leg import FibonacciLeg
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fib_anchor import FibAnchor
    from ..models.fib_level import FibLevel
    from ..models.leg_option import LegOption
    from ..models.price_position import PricePosition
    from ..models.provisional_leg import ProvisionalLeg


T = TypeVar("T", bound="Fibonacci")


@_attrs_define
class Fibonacci:
    """
    Attributes:
        anchor_source (FibonacciAnchorSource):
        direction (FibonacciDirection): bullish when the leg runs up (start is a low).
        end (FibAnchor): One end of the Fibonacci leg: a bar extreme, or a caller's price with no bar.
        extensions (list[FibLevel]):
        golden_pocket (list[float]): Prices of the 0.618 and 0.65 retracements (low, high).
        leg (FibonacciLeg): How the leg was chosen.
        position (PricePosition): Where the last close sits among the retracement levels.
        retracements (list[FibLevel]):
        start (FibAnchor): One end of the Fibonacci leg: a bar extreme, or a caller's price with no bar.
        alternatives (list[LegOption] | Unset): Every leg considered, the chosen one marked.
        broken (bool | Unset): Price has closed beyond the leg's start since its end. Default: False.
        note (None | str | Unset): Why this leg, or what is wrong with it.
        provisional (None | ProvisionalLeg | Unset): The leg to the live extreme, when price went beyond the confirmed
            end.
    """

    anchor_source: FibonacciAnchorSource
    direction: FibonacciDirection
    end: FibAnchor
    extensions: list[FibLevel]
    golden_pocket: list[float]
    leg: FibonacciLeg
    position: PricePosition
    retracements: list[FibLevel]
    start: FibAnchor
    alternatives: list[LegOption] | Unset = UNSET
    broken: bool | Unset = False
    note: None | str | Unset = UNSET
    provisional: None | ProvisionalLeg | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.provisional_leg import ProvisionalLeg  # noqa: PLC0415

        anchor_source = self.anchor_source.value

        direction = self.direction.value

        end = self.end.to_dict()

        extensions = []
        for extensions_item_data in self.extensions:
            extensions_item = extensions_item_data.to_dict()
            extensions.append(extensions_item)

        golden_pocket = []
        for golden_pocket_item_data in self.golden_pocket:
            golden_pocket_item: float
            golden_pocket_item = golden_pocket_item_data
            golden_pocket.append(golden_pocket_item)

        leg = self.leg.value

        position = self.position.to_dict()

        retracements = []
        for retracements_item_data in self.retracements:
            retracements_item = retracements_item_data.to_dict()
            retracements.append(retracements_item)

        start = self.start.to_dict()

        alternatives: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alternatives, Unset):
            alternatives = []
            for alternatives_item_data in self.alternatives:
                alternatives_item = alternatives_item_data.to_dict()
                alternatives.append(alternatives_item)

        broken = self.broken

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        provisional: dict[str, Any] | None | Unset
        if isinstance(self.provisional, Unset):
            provisional = UNSET
        elif isinstance(self.provisional, ProvisionalLeg):
            provisional = self.provisional.to_dict()
        else:
            provisional = self.provisional

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "anchor_source": anchor_source,
                "direction": direction,
                "end": end,
                "extensions": extensions,
                "golden_pocket": golden_pocket,
                "leg": leg,
                "position": position,
                "retracements": retracements,
                "start": start,
            }
        )
        if alternatives is not UNSET:
            field_dict["alternatives"] = alternatives
        if broken is not UNSET:
            field_dict["broken"] = broken
        if note is not UNSET:
            field_dict["note"] = note
        if provisional is not UNSET:
            field_dict["provisional"] = provisional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fib_anchor import FibAnchor  # noqa: PLC0415
        from ..models.fib_level import FibLevel  # noqa: PLC0415
        from ..models.leg_option import LegOption  # noqa: PLC0415
        from ..models.price_position import PricePosition  # noqa: PLC0415
        from ..models.provisional_leg import ProvisionalLeg  # noqa: PLC0415

        d = dict(src_dict)
        anchor_source = FibonacciAnchorSource(d.pop("anchor_source"))

        direction = FibonacciDirection(d.pop("direction"))

        end = FibAnchor.from_dict(d.pop("end"))

        extensions = []
        _extensions = d.pop("extensions")
        for extensions_item_data in _extensions:
            extensions_item = FibLevel.from_dict(extensions_item_data)

            extensions.append(extensions_item)

        golden_pocket = []
        _golden_pocket = d.pop("golden_pocket")
        for golden_pocket_item_data in _golden_pocket:

            def _parse_golden_pocket_item(data: object) -> float:
                return cast(float, data)

            golden_pocket_item = _parse_golden_pocket_item(golden_pocket_item_data)

            golden_pocket.append(golden_pocket_item)

        leg = FibonacciLeg(d.pop("leg"))

        position = PricePosition.from_dict(d.pop("position"))

        retracements = []
        _retracements = d.pop("retracements")
        for retracements_item_data in _retracements:
            retracements_item = FibLevel.from_dict(retracements_item_data)

            retracements.append(retracements_item)

        start = FibAnchor.from_dict(d.pop("start"))

        _alternatives = d.pop("alternatives", UNSET)
        alternatives: list[LegOption] | Unset = UNSET
        if _alternatives is not UNSET:
            alternatives = []
            for alternatives_item_data in _alternatives:
                alternatives_item = LegOption.from_dict(alternatives_item_data)

                alternatives.append(alternatives_item)

        broken = d.pop("broken", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_provisional(data: object) -> None | ProvisionalLeg | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provisional_type_0 = ProvisionalLeg.from_dict(data)

                return provisional_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProvisionalLeg | Unset, data)

        provisional = _parse_provisional(d.pop("provisional", UNSET))

        fibonacci = cls(
            anchor_source=anchor_source,
            direction=direction,
            end=end,
            extensions=extensions,
            golden_pocket=golden_pocket,
            leg=leg,
            position=position,
            retracements=retracements,
            start=start,
            alternatives=alternatives,
            broken=broken,
            note=note,
            provisional=provisional,
        )

        return fibonacci
