"""Pure analysis domain: OHLCV frames in, typed models out.

No I/O and no framework imports here (nothing from `app`, `integrations`, web or cloud SDKs),
so every result is reproducible from its input alone.
"""

from analysis.engine import analyze
from analysis.errors import AnalysisInputError
from analysis.models import Analysis, AnalysisSettings

__all__ = ["Analysis", "AnalysisInputError", "AnalysisSettings", "analyze"]
