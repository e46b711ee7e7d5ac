from enum import StrEnum


class FibLevelKind(StrEnum):
    EXTENSION = "extension"
    RETRACEMENT = "retracement"

    def __str__(self) -> str:
        return str(self.value)
