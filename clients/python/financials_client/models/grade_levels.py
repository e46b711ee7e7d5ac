from enum import StrEnum


class GradeLevels(StrEnum):
    INVALIDATED_FIRST = "invalidated first"
    NEITHER = "neither"
    NO_LEVEL = "no level"
    TARGET_FIRST = "target first"

    def __str__(self) -> str:
        return str(self.value)
