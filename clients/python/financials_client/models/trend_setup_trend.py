from enum import StrEnum


class TrendSetupTrend(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"
    RANGING = "ranging"

    def __str__(self) -> str:
        return str(self.value)
