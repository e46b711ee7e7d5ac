from enum import StrEnum


class ZoneRole(StrEnum):
    RESISTANCE = "resistance"
    SUPPORT = "support"

    def __str__(self) -> str:
        return str(self.value)
