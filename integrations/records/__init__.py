"""Analysis records: every analysis a user ran, kept across restarts and redeploys.

Adapters: `sql` (default, SQLite or any SQLAlchemy URL) and `mongo` (beanie on MongoDB).
"""

from integrations.records.errors import RecordConflictError
from integrations.records.models import (
    AnalysisRecord,
    AnalysisRequest,
    AnalysisStatus,
    Timings,
    new_record_id,
)
from integrations.records.port import AnalysisRepository

__all__ = [
    "AnalysisRecord",
    "AnalysisRepository",
    "AnalysisRequest",
    "AnalysisStatus",
    "RecordConflictError",
    "Timings",
    "new_record_id",
]
