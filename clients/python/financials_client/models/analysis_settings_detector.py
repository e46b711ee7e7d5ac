from enum import StrEnum


class AnalysisSettingsDetector(StrEnum):
    PIVOT = "pivot"
    ZIGZAG = "zigzag"

    def __str__(self) -> str:
        return str(self.value)
