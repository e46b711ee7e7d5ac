from enum import StrEnum


class SwingLabelType0(StrEnum):
    HH = "HH"
    HL = "HL"
    LH = "LH"
    LL = "LL"

    def __str__(self) -> str:
        return str(self.value)
