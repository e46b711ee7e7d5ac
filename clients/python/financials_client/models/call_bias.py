from enum import StrEnum


class CallBias(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"
    NEUTRAL = "neutral"

    def __str__(self) -> str:
        return str(self.value)
