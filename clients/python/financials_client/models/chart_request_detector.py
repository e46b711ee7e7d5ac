from enum import StrEnum


class ChartRequestDetector(StrEnum):
    PIVOT = "pivot"
    ZIGZAG = "zigzag"

    def __str__(self) -> str:
        return str(self.value)
