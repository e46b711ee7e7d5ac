from enum import StrEnum


class FibonacciAnchorSource(StrEnum):
    DETECTED = "detected"
    PRICES = "prices"
    TIMES = "times"

    def __str__(self) -> str:
        return str(self.value)
