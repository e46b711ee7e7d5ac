from enum import StrEnum


class SymbolMatchKind(StrEnum):
    CRYPTO = "crypto"
    EQUITY = "equity"
    ETF = "etf"
    FUTURE = "future"
    FX = "fx"
    INDEX = "index"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
