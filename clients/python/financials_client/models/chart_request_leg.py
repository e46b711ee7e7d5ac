from enum import StrEnum


class ChartRequestLeg(StrEnum):
    LATEST = "latest"
    MAJOR = "major"

    def __str__(self) -> str:
        return str(self.value)
