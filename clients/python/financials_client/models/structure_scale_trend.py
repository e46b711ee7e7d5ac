from enum import StrEnum


class StructureScaleTrend(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"
    RANGING = "ranging"

    def __str__(self) -> str:
        return str(self.value)
