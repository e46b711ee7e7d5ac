from enum import StrEnum


class ZoneSetupRole(StrEnum):
    ANY = "any"
    RESISTANCE = "resistance"
    SUPPORT = "support"

    def __str__(self) -> str:
        return str(self.value)
