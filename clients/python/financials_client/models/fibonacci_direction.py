from enum import StrEnum


class FibonacciDirection(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"

    def __str__(self) -> str:
        return str(self.value)
