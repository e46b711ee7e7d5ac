from enum import StrEnum


class ImbalanceSetupBox(StrEnum):
    ANY = "any"
    FVG = "fvg"
    ORDER_BLOCK = "order-block"

    def __str__(self) -> str:
        return str(self.value)
