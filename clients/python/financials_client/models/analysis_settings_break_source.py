from enum import StrEnum


class AnalysisSettingsBreakSource(StrEnum):
    CLOSE = "close"
    WICK = "wick"

    def __str__(self) -> str:
        return str(self.value)
