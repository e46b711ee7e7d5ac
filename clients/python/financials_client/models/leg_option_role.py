from enum import StrEnum


class LegOptionRole(StrEnum):
    LATEST = "latest"
    MAJOR = "major"
    PROVISIONAL = "provisional"

    def __str__(self) -> str:
        return str(self.value)
