from enum import StrEnum


class HitRatesDetector(StrEnum):
    PIVOT = "pivot"
    ZIGZAG = "zigzag"

    def __str__(self) -> str:
        return str(self.value)
