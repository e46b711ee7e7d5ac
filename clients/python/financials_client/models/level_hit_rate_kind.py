from enum import StrEnum


class LevelHitRateKind(StrEnum):
    EXTENSION = "extension"
    RETRACEMENT = "retracement"

    def __str__(self) -> str:
        return str(self.value)
