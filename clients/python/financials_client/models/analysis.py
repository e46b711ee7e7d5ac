from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.analysis_settings import AnalysisSettings
    from ..models.confluence import Confluence
    from ..models.fair_value_gap import FairValueGap
    from ..models.fibonacci import Fibonacci
    from ..models.hit_rates import HitRates
    from ..models.market_structure import MarketStructure
    from ..models.order_block import OrderBlock
    from ..models.series_info import SeriesInfo
    from ..models.swing import Swing
    from ..models.zone import Zone


T = TypeVar("T", bound="Analysis")


@_attrs_define
class Analysis:
    """The full result of `analyze`: every number the chart and the AI text may use.

    Attributes:
        confluence (list[Confluence]):
        fair_value_gaps (list[FairValueGap]):
        fibonacci (Fibonacci | None):
        hit_rates (HitRates):
        notes (list[str]): Plain-English caveats, e.g. too few bars for a scale.
        order_blocks (list[OrderBlock]):
        series (SeriesInfo):
        settings (AnalysisSettings): Everything `analyze` can be told; defaults follow TradingView's and LuxAlgo's.
        structure (MarketStructure):
        swings (list[Swing]): Confirmed swings of the chosen detector.
        zones (list[Zone]):
    """

    confluence: list[Confluence]
    fair_value_gaps: list[FairValueGap]
    fibonacci: Fibonacci | None
    hit_rates: HitRates
    notes: list[str]
    order_blocks: list[OrderBlock]
    series: SeriesInfo
    settings: AnalysisSettings
    structure: MarketStructure
    swings: list[Swing]
    zones: list[Zone]

    def to_dict(self) -> dict[str, Any]:
        from ..models.fibonacci import Fibonacci  # noqa: PLC0415

        confluence = []
        for confluence_item_data in self.confluence:
            confluence_item = confluence_item_data.to_dict()
            confluence.append(confluence_item)

        fair_value_gaps = []
        for fair_value_gaps_item_data in self.fair_value_gaps:
            fair_value_gaps_item = fair_value_gaps_item_data.to_dict()
            fair_value_gaps.append(fair_value_gaps_item)

        fibonacci: dict[str, Any] | None
        if isinstance(self.fibonacci, Fibonacci):
            fibonacci = self.fibonacci.to_dict()
        else:
            fibonacci = self.fibonacci

        hit_rates = self.hit_rates.to_dict()

        notes = self.notes

        order_blocks = []
        for order_blocks_item_data in self.order_blocks:
            order_blocks_item = order_blocks_item_data.to_dict()
            order_blocks.append(order_blocks_item)

        series = self.series.to_dict()

        settings = self.settings.to_dict()

        structure = self.structure.to_dict()

        swings = []
        for swings_item_data in self.swings:
            swings_item = swings_item_data.to_dict()
            swings.append(swings_item)

        zones = []
        for zones_item_data in self.zones:
            zones_item = zones_item_data.to_dict()
            zones.append(zones_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "confluence": confluence,
                "fair_value_gaps": fair_value_gaps,
                "fibonacci": fibonacci,
                "hit_rates": hit_rates,
                "notes": notes,
                "order_blocks": order_blocks,
                "series": series,
                "settings": settings,
                "structure": structure,
                "swings": swings,
                "zones": zones,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analysis_settings import AnalysisSettings  # noqa: PLC0415
        from ..models.confluence import Confluence  # noqa: PLC0415
        from ..models.fair_value_gap import FairValueGap  # noqa: PLC0415
        from ..models.fibonacci import Fibonacci  # noqa: PLC0415
        from ..models.hit_rates import HitRates  # noqa: PLC0415
        from ..models.market_structure import MarketStructure  # noqa: PLC0415
        from ..models.order_block import OrderBlock  # noqa: PLC0415
        from ..models.series_info import SeriesInfo  # noqa: PLC0415
        from ..models.swing import Swing  # noqa: PLC0415
        from ..models.zone import Zone  # noqa: PLC0415

        d = dict(src_dict)
        confluence = []
        _confluence = d.pop("confluence")
        for confluence_item_data in _confluence:
            confluence_item = Confluence.from_dict(confluence_item_data)

            confluence.append(confluence_item)

        fair_value_gaps = []
        _fair_value_gaps = d.pop("fair_value_gaps")
        for fair_value_gaps_item_data in _fair_value_gaps:
            fair_value_gaps_item = FairValueGap.from_dict(fair_value_gaps_item_data)

            fair_value_gaps.append(fair_value_gaps_item)

        def _parse_fibonacci(data: object) -> Fibonacci | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fibonacci_type_0 = Fibonacci.from_dict(data)

                return fibonacci_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Fibonacci | None, data)

        fibonacci = _parse_fibonacci(d.pop("fibonacci"))

        hit_rates = HitRates.from_dict(d.pop("hit_rates"))

        notes = cast(list[str], d.pop("notes"))

        order_blocks = []
        _order_blocks = d.pop("order_blocks")
        for order_blocks_item_data in _order_blocks:
            order_blocks_item = OrderBlock.from_dict(order_blocks_item_data)

            order_blocks.append(order_blocks_item)

        series = SeriesInfo.from_dict(d.pop("series"))

        settings = AnalysisSettings.from_dict(d.pop("settings"))

        structure = MarketStructure.from_dict(d.pop("structure"))

        swings = []
        _swings = d.pop("swings")
        for swings_item_data in _swings:
            swings_item = Swing.from_dict(swings_item_data)

            swings.append(swings_item)

        zones = []
        _zones = d.pop("zones")
        for zones_item_data in _zones:
            zones_item = Zone.from_dict(zones_item_data)

            zones.append(zones_item)

        analysis = cls(
            confluence=confluence,
            fair_value_gaps=fair_value_gaps,
            fibonacci=fibonacci,
            hit_rates=hit_rates,
            notes=notes,
            order_blocks=order_blocks,
            series=series,
            settings=settings,
            structure=structure,
            swings=swings,
            zones=zones,
        )

        return analysis
