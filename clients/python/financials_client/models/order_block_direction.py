from enum import StrEnum


class OrderBlockDirection(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"

    def __str__(self) -> str:
        return str(self.value)
