from enum import StrEnum


class QuoteSource(StrEnum):
    CSV = "csv"
    SAMPLE = "sample"
    YAHOO = "yahoo"

    def __str__(self) -> str:
        return str(self.value)
