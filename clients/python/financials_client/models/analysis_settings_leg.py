from enum import StrEnum


class AnalysisSettingsLeg(StrEnum):
    ANCHORS = "anchors"
    LATEST = "latest"
    MAJOR = "major"

    def __str__(self) -> str:
        return str(self.value)
