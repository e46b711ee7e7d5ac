from enum import StrEnum


class FibonacciLeg(StrEnum):
    ANCHORS = "anchors"
    LATEST = "latest"
    MAJOR = "major"

    def __str__(self) -> str:
        return str(self.value)
