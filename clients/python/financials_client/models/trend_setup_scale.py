from enum import StrEnum


class TrendSetupScale(StrEnum):
    INTERNAL = "internal"
    SWING = "swing"

    def __str__(self) -> str:
        return str(self.value)
