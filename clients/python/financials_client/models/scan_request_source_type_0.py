from enum import StrEnum


class ScanRequestSourceType0(StrEnum):
    AUTO = "auto"
    SAMPLE = "sample"
    YAHOO = "yahoo"

    def __str__(self) -> str:
        return str(self.value)
