from enum import StrEnum


class ImbalanceSetupDirectionType0(StrEnum):
    BEARISH = "bearish"
    BULLISH = "bullish"

    def __str__(self) -> str:
        return str(self.value)
