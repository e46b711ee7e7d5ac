from enum import StrEnum


class ScanRequestUniverse(StrEnum):
    BUNDLED = "bundled"
    CRYPTO = "crypto"
    DOW30 = "dow30"
    FUTURES = "futures"
    FX = "fx"
    NASDAQ100 = "nasdaq100"
    SP500 = "sp500"
    WATCHLIST = "watchlist"

    def __str__(self) -> str:
        return str(self.value)
