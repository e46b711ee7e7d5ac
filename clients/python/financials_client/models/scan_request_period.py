from enum import StrEnum


class ScanRequestPeriod(StrEnum):
    MAX = "max"
    VALUE_0 = "1d"
    VALUE_1 = "5d"
    VALUE_2 = "1mo"
    VALUE_3 = "3mo"
    VALUE_4 = "6mo"
    VALUE_5 = "1y"
    VALUE_6 = "2y"
    VALUE_7 = "5y"
    VALUE_8 = "10y"
    YTD = "ytd"

    def __str__(self) -> str:
        return str(self.value)
