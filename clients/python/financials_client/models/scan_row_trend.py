from enum import StrEnum


class ScanRowTrend(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"
    RANGING = "ranging"

    def __str__(self) -> str:
        return str(self.value)
