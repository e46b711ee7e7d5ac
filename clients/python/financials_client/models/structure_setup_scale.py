from enum import StrEnum


class StructureSetupScale(StrEnum):
    INTERNAL = "internal"
    SWING = "swing"

    def __str__(self) -> str:
        return str(self.value)
