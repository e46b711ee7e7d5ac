from enum import StrEnum


class StructureSetupEvent(StrEnum):
    ANY = "any"
    BOS = "BOS"
    CHOCH = "CHoCH"

    def __str__(self) -> str:
        return str(self.value)
