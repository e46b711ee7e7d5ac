from enum import StrEnum


class GradeOutcome(StrEnum):
    FLAT = "flat"
    RIGHT = "right"
    WRONG = "wrong"

    def __str__(self) -> str:
        return str(self.value)
