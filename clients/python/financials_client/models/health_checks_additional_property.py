from enum import StrEnum


class HealthChecksAdditionalProperty(StrEnum):
    DEGRADED = "degraded"
    FAILED = "failed"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
