from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.fib_level import FibLevel


T = TypeVar("T", bound="PricePosition")


@_attrs_define
class PricePosition:
    """Where the last close sits among the retracement levels.

    Attributes:
        above (FibLevel | None): Nearest level above the close, if any.
        below (FibLevel | None): Nearest level below the close, if any.
        close (float):
        retracement (float): How far the close has retraced the leg: 0 at the end, 1 at the start.
    """

    above: FibLevel | None
    below: FibLevel | None
    close: float
    retracement: float

    def to_dict(self) -> dict[str, Any]:
        from ..models.fib_level import FibLevel  # noqa: PLC0415

        above: dict[str, Any] | None
        if isinstance(self.above, FibLevel):
            above = self.above.to_dict()
        else:
            above = self.above

        below: dict[str, Any] | None
        if isinstance(self.below, FibLevel):
            below = self.below.to_dict()
        else:
            below = self.below

        close = self.close

        retracement = self.retracement

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "above": above,
                "below": below,
                "close": close,
                "retracement": retracement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fib_level import FibLevel  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_above(data: object) -> FibLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                above_type_0 = FibLevel.from_dict(data)

                return above_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FibLevel | None, data)

        above = _parse_above(d.pop("above"))

        def _parse_below(data: object) -> FibLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                below_type_0 = FibLevel.from_dict(data)

                return below_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FibLevel | None, data)

        below = _parse_below(d.pop("below"))

        close = d.pop("close")

        retracement = d.pop("retracement")

        price_position = cls(
            above=above,
            below=below,
            close=close,
            retracement=retracement,
        )

        return price_position
