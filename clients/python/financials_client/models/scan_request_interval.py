from enum import StrEnum


class ScanRequestInterval(StrEnum):
    VALUE_0 = "1m"
    VALUE_1 = "2m"
    VALUE_10 = "1d"
    VALUE_11 = "5d"
    VALUE_12 = "1wk"
    VALUE_13 = "1mo"
    VALUE_14 = "3mo"
    VALUE_2 = "5m"
    VALUE_3 = "15m"
    VALUE_4 = "30m"
    VALUE_5 = "60m"
    VALUE_6 = "90m"
    VALUE_7 = "1h"
    VALUE_8 = "2h"
    VALUE_9 = "4h"

    def __str__(self) -> str:
        return str(self.value)
