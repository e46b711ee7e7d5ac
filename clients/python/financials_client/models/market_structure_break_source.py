from enum import StrEnum


class MarketStructureBreakSource(StrEnum):
    CLOSE = "close"
    WICK = "wick"

    def __str__(self) -> str:
        return str(self.value)
