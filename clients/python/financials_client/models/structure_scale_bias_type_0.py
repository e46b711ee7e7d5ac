from enum import StrEnum


class StructureScaleBiasType0(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"

    def __str__(self) -> str:
        return str(self.value)
