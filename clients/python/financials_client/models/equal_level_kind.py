from enum import StrEnum


class EqualLevelKind(StrEnum):
    EQH = "EQH"
    EQL = "EQL"

    def __str__(self) -> str:
        return str(self.value)
