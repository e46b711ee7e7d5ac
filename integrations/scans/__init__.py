"""The scan fan-out port (`ScanExecutor`) and its adapters, plus the universes as data.

In-process: a process pool sized to the cores. With `FINANCIALS_DASK_SCHEDULER` set: a Dask
distributed cluster, whose workers fetch their own bars through the same cache. A folder or zip
of CSV files is a universe too (`read_csv_universe`).
"""

from integrations.scans.csv_universe import CsvMember, CsvUniverseError, read_csv_universe
from integrations.scans.port import ScanExecutor, TaskResult
from integrations.scans.universes import UNIVERSE_IDS, Universe, UnknownUniverseError, universe

__all__ = [
    "UNIVERSE_IDS",
    "CsvMember",
    "CsvUniverseError",
    "ScanExecutor",
    "TaskResult",
    "Universe",
    "UnknownUniverseError",
    "read_csv_universe",
    "universe",
]
