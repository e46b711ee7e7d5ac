from enum import StrEnum


class StructureEventDirection(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"

    def __str__(self) -> str:
        return str(self.value)
