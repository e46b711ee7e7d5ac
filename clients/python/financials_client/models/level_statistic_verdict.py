from enum import StrEnum


class LevelStatisticVerdict(StrEnum):
    EDGE = "edge"
    NOT_ENOUGH_HISTORY = "not enough history"
    NO_EDGE = "no edge"
    WORSE_THAN_RANDOM = "worse than random"

    def __str__(self) -> str:
        return str(self.value)
