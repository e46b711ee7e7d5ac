from enum import StrEnum


class SetupMatchSetup(StrEnum):
    CONFLUENCE = "confluence"
    GOLDEN_POCKET = "golden-pocket"
    NEAR_FIB = "near-fib"
    NEAR_ZONE = "near-zone"
    OPEN_IMBALANCE = "open-imbalance"
    STRUCTURE_BREAK = "structure-break"
    TREND = "trend"

    def __str__(self) -> str:
        return str(self.value)
