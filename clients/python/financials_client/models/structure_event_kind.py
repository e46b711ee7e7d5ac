from enum import StrEnum


class StructureEventKind(StrEnum):
    BOS = "BOS"
    CHOCH = "CHoCH"

    def __str__(self) -> str:
        return str(self.value)
