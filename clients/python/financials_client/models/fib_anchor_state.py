from enum import StrEnum


class FibAnchorState(StrEnum):
    CONFIRMED = "confirmed"
    GIVEN = "given"
    PROVISIONAL = "provisional"

    def __str__(self) -> str:
        return str(self.value)
